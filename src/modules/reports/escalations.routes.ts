// Escalations: create, list, stats, read, acknowledge, update, resolve, de-escalate, check-overdue.
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/access.ts';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import {
  changeEscalation,
  createEscalation,
  escalationLevels,
  escalationReasons,
  escalationStats,
  escalationStatuses,
  flagOverdueEscalations,
  getEscalation,
  listEscalations,
} from './escalations.service.ts';
import { Escalation, Id, IdParams, Notes, PageQuery, Paged } from './reports.schemas.ts';
import { presentRow } from './row.presenter.ts';

const tags = ['reports: escalations'];
const lit = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Count = Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() }));
const ChangeBody = Type.Optional(
  Type.Object(
    { response_notes: Type.Optional(Notes), action_taken: Type.Optional(Notes) },
    { additionalProperties: false },
  ),
);

export function escalationRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const base = '/api/v1/reports/escalations';
  app.post(
    base,
    {
      config: { access: 'escalations:create' },
      schema: {
        tags,
        summary: 'Escalate a report; its SLA deadline is now + sla_hours (24 by default)',
        body: Type.Object(
          {
            report_id: Id,
            level: lit(escalationLevels),
            reason: lit(escalationReasons),
            description: Type.String({ minLength: 3, maxLength: 5000 }),
            previous_actions: Type.Optional(Notes),
            urgency_notes: Type.Optional(Notes),
            escalated_to_user_id: Type.Optional(Id),
            sla_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Escalation },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await db.transaction((tx) => createEscalation(tx, auditContext(request), request.body))),
  );
  app.get(
    base,
    {
      config: { access: 'escalations:read' },
      schema: {
        tags,
        summary: 'Escalations on reports the caller sees, overdue first',
        querystring: Type.Object(
          {
            status: Type.Optional(lit(escalationStatuses)),
            level: Type.Optional(lit(escalationLevels)),
            reason: Type.Optional(lit(escalationReasons)),
            is_overdue: Type.Optional(Type.Boolean()),
            report_id: Type.Optional(Id),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Paged('escalations', Escalation) },
      },
    },
    async (request) => listEscalations(db, requireActor(request), request.query),
  );
  app.get(
    `${base}/stats`,
    {
      config: { access: 'escalations:read' },
      schema: {
        tags,
        summary: 'Escalation counts',
        response: {
          200: Type.Object({
            total: Type.Integer(),
            open: Type.Integer(),
            overdue: Type.Integer(),
            by_status: Count,
            by_level: Count,
            by_reason: Count,
          }),
        },
      },
    },
    async (request) => escalationStats(db, requireActor(request)),
  );
  app.post(
    `${base}/check-overdue`,
    {
      config: { access: 'escalations:manage' },
      schema: {
        tags,
        summary: 'Flag open escalations past their SLA deadline',
        response: { 200: Type.Object({ flagged: Type.Integer() }) },
      },
    },
    async () => ({ flagged: await flagOverdueEscalations(db) }),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'escalations:read' },
      schema: { tags, summary: 'One escalation', params: IdParams, response: { 200: Escalation } },
    },
    async (request) => presentRow(await getEscalation(db, requireActor(request), request.params.id)),
  );
  const change = (
    path: string,
    summary: string,
    status: 'acknowledged' | 'resolved' | 'de_escalated' | undefined,
    action: string,
  ) =>
    app.post(
      `${base}/:id/${path}`,
      {
        config: { access: 'escalations:read' },
        schema: { tags, summary, params: IdParams, body: ChangeBody, response: { 200: Escalation } },
      },
      async (request) =>
        db.transaction((tx) =>
          changeEscalation(tx, auditContext(request), request.params.id, { ...(request.body ?? {}), status }, action),
        ),
    );
  change('acknowledge', 'Acknowledge (escalation managers or the person escalated to)', 'acknowledged', 'acknowledged');
  change('resolve', 'Resolve the escalation', 'resolved', 'resolved');
  change('de-escalate', 'De-escalate', 'de_escalated', 'de_escalated');
  app.post(
    `${base}/:id/update`,
    {
      config: { access: 'escalations:read' },
      schema: {
        tags,
        summary: 'Record progress: under_review or action_taken, notes',
        params: IdParams,
        body: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('under_review'), Type.Literal('action_taken')])),
            response_notes: Type.Optional(Notes),
            action_taken: Type.Optional(Notes),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Escalation },
      },
    },
    async (request) =>
      db.transaction((tx) => changeEscalation(tx, auditContext(request), request.params.id, request.body, 'updated')),
  );
}
