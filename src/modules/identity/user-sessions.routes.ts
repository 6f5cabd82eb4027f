// /api/v1/users/:id/sessions: an admin's view of any user's sessions, and revoking one of them.
import { Type } from '@fastify/type-provider-typebox';
import type { App, AppDeps } from '../module.ts';
import { AdminSession, Id } from './admin.schemas.ts';
import { auditContext } from './audit.ts';
import { listUserSessions, revokeUserSession } from './user-sessions.service.ts';

const tags = ['users'];

export function userSessionsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/users/:id/sessions',
    {
      config: { access: 'sessions:read_any' },
      schema: {
        tags,
        summary: "A user's active sessions (with include_ended=true, ended ones too), most recently used first",
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        querystring: Type.Object({ include_ended: Type.Boolean({ default: false }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ sessions: Type.Array(AdminSession) }) },
      },
    },
    async (request) => listUserSessions(db, request.params.id, request.query.include_ended),
  );

  app.delete(
    '/api/v1/users/:id/sessions/:sessionId',
    {
      config: { access: 'sessions:revoke_any' },
      schema: {
        tags,
        summary: "Revoke one of a user's sessions",
        params: Type.Object({ id: Id, sessionId: Id }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await revokeUserSession(db, auditContext(request), request.params.id, request.params.sessionId);
      return reply.status(204).send(null);
    },
  );
}
