// Appeals: file, list, stats, read, review, complete rework, withdraw, delete.
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/access.ts';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import {
  appealStats,
  appealStatuses,
  appealTypes,
  completeRework,
  createAppeal,
  deleteAppeal,
  getAppeal,
  listAppeals,
  reviewAppeal,
  withdrawAppeal,
} from './appeals.service.ts';
import { Appeal, Id, IdParams, Notes, PageQuery, Paged, Reason } from './reports.schemas.ts';
import { presentRow } from './row.presenter.ts';

const tags = ['reports: appeals'];
const AppealType = Type.Union(
  [...appealTypes.citizen, ...appealTypes.officer, ...appealTypes.admin].map((v) => Type.Literal(v)),
);
const AppealStatus = Type.Union(appealStatuses.map((v) => Type.Literal(v)));
const Count = Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() }));

export function appealRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const base = '/api/v1/reports/appeals';
  app.post(
    base,
    {
      config: { access: 'appeals:create' },
      schema: {
        tags,
        summary:
          'File an appeal (citizen types by the reporter, officer types by the assigned officer, quality_concern by admins)',
        body: Type.Object(
          {
            report_id: Id,
            appeal_type: AppealType,
            reason: Type.String({ minLength: 3, maxLength: 5000 }),
            evidence: Type.Optional(Notes),
            requested_action: Type.Optional(Notes),
          },
          { additionalProperties: false },
        ),
        response: { 201: Appeal },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await db.transaction((tx) => createAppeal(tx, auditContext(request), request.body))),
  );
  app.get(
    base,
    {
      config: { access: 'appeals:read' },
      schema: {
        tags,
        summary: 'Appeals on reports the caller sees',
        querystring: Type.Object(
          {
            status: Type.Optional(AppealStatus),
            appeal_type: Type.Optional(AppealType),
            report_id: Type.Optional(Id),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Paged('appeals', Appeal) },
      },
    },
    async (request) => listAppeals(db, requireActor(request), request.query),
  );
  app.get(
    `${base}/stats`,
    {
      config: { access: 'appeals:read' },
      schema: {
        tags,
        summary: 'Appeal counts by status and type',
        response: { 200: Type.Object({ total: Type.Integer(), by_status: Count, by_type: Count }) },
      },
    },
    async (request) => appealStats(db, requireActor(request)),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One appeal (its submitter or appeal readers)',
        params: IdParams,
        response: { 200: Appeal },
      },
    },
    async (request) => presentRow(await getAppeal(db, requireActor(request), request.params.id)),
  );
  app.post(
    `${base}/:id/review`,
    {
      config: { access: 'appeals:review' },
      schema: {
        tags,
        summary: 'Review an appeal: under_review, approved (reassign or rework) or rejected',
        params: IdParams,
        body: Type.Object(
          {
            status: Type.Union([Type.Literal('under_review'), Type.Literal('approved'), Type.Literal('rejected')]),
            review_notes: Type.Optional(Notes),
            action_taken: Type.Optional(Notes),
            reassigned_to_user_id: Type.Optional(Id),
            reassigned_to_department_id: Type.Optional(Id),
            reassignment_reason: Type.Optional(Reason),
            requires_rework: Type.Optional(Type.Boolean()),
            rework_assigned_to_user_id: Type.Optional(Id),
            rework_notes: Type.Optional(Notes),
          },
          { additionalProperties: false },
        ),
        response: { 200: Appeal },
      },
    },
    async (request) => db.transaction((tx) => reviewAppeal(tx, auditContext(request), request.params.id, request.body)),
  );
  app.post(
    `${base}/:id/complete-rework`,
    {
      config: { access: 'tasks:work' },
      schema: {
        tags,
        summary: 'The officer finishes the rework; the report goes back to verification',
        params: IdParams,
        body: Type.Optional(Type.Object({ notes: Type.Optional(Notes) }, { additionalProperties: false })),
        response: { 200: Appeal },
      },
    },
    async (request) =>
      db.transaction((tx) => completeRework(tx, auditContext(request), request.params.id, request.body?.notes)),
  );
  app.post(
    `${base}/:id/withdraw`,
    {
      config: { access: 'appeals:create' },
      schema: { tags, summary: 'The submitter withdraws an open appeal', params: IdParams, response: { 200: Appeal } },
    },
    async (request) => db.transaction((tx) => withdrawAppeal(tx, auditContext(request), request.params.id)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'appeals:review' },
      schema: { tags, summary: 'Delete an appeal', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await db.transaction((tx) => deleteAppeal(tx, auditContext(request), request.params.id));
      return reply.status(204).send(null);
    },
  );
}
