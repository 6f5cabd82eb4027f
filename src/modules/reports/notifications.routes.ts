// /api/v1/notifications: the signed-in person's inbox of news about the reports they filed (read, mark read).
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import type { App, AppDeps } from '../module.ts';
import { listNotifications, markAllRead, markRead } from './notifications.ts';
import { IdParams, PageQuery } from './reports.schemas.ts';

const tags = ['notifications'];

const Notification = Type.Object({
  id: Type.Integer(),
  report_id: Type.Union([Type.Integer(), Type.Null()]),
  kind: Type.Union([Type.Literal('status_changed'), Type.Literal('progress_update')]),
  title: Type.String(),
  body: Type.String(),
  read_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});

export function notificationsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: Type.Object(
          { ...PageQuery, unread: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            notifications: Type.Array(Notification),
            total: Type.Integer(),
            unread_count: Type.Integer(),
            page: Type.Integer(),
            per_page: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const found = await listNotifications(db, requireActor(request).userId, q);
      return { ...found, page: q.page, per_page: q.per_page };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: IdParams,
        response: { 200: Type.Object({ notification: Notification }) },
      },
    },
    async (request) => {
      const notification = await markRead(db, requireActor(request).userId, request.params.id);
      if (!notification) throw notFound('Notification', request.params.id);
      return { notification };
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: Type.Object({ marked: Type.Integer() }) },
      },
    },
    async (request) => ({ marked: await markAllRead(db, requireActor(request).userId) }),
  );
}
