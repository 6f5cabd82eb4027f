// Reports: file, list (staff queue), my reports, one report, history, edit, delete.
import { hasPermission } from '../identity/role-catalogue.ts';
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/access.ts';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { presentReport } from './report.presenter.ts';
import { createReport } from './report-create.ts';
import { assertVisible } from './report-access.ts';
import {
  CategoryCode,
  DuplicateCandidate,
  IdParams,
  PageQuery,
  Paged,
  Report,
  ReportBody,
  ReportDetail,
  ReportUpdateBody,
  SeverityT,
  Status,
  StatusHistoryEntry,
} from './reports.schemas.ts';
import { deleteReport, listReports, myReports, reportDetail, reportHistory, updateReport } from './reports.service.ts';

const tags = ['reports'];
const IsoDate = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
});

/** The staff queue's filters, shared by the list and the CSV export. */
export const reportFilters = {
  status: Type.Optional(Type.Array(Status, { maxItems: 15 })),
  severity: Type.Optional(Type.Array(SeverityT, { maxItems: 4 })),
  category: Type.Optional(CategoryCode),
  department_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  officer_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  area_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  overdue: Type.Optional(Type.Boolean()),
  needs_review: Type.Optional(Type.Boolean()),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  bbox: Type.Optional(Type.String({ maxLength: 100, pattern: '^-?\\d{1,3}(\\.\\d+)?(,-?\\d{1,3}(\\.\\d+)?){3}$' })),
  near_lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  near_lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  radius_m: Type.Optional(Type.Number({ minimum: 1, maximum: 100000 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
};

export const ReportListQuery = Type.Object(
  {
    ...reportFilters,
    sort: Type.Optional(
      Type.Union([Type.Literal('newest'), Type.Literal('oldest'), Type.Literal('severity'), Type.Literal('updated')]),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export function reportRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.post(
    '/api/v1/reports',
    {
      config: { access: 'reports:create' },
      schema: {
        tags,
        summary: 'File a civic issue report; answers the report and nearby duplicate candidates',
        body: ReportBody,
        response: {
          201: Type.Object({
            report: Report,
            duplicate_candidates: Type.Array(DuplicateCandidate),
            promoted: Type.Boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await db.transaction((tx) =>
        createReport(tx, { log: deps.log, context: auditContext(request) }, actor, request.body),
      );
      return reply.status(201).send({ ...created, report: presentReport(created.report) });
    },
  );

  app.get(
    '/api/v1/reports',
    {
      config: { access: 'reports:read' },
      schema: {
        tags,
        summary: 'The staff queue: reports the caller may see, filtered and paged',
        querystring: ReportListQuery,
        response: { 200: Paged('reports', Report) },
      },
    },
    async (request) => listReports(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/reports/my-reports',
    {
      config: { access: 'reports:read_own' },
      schema: {
        tags,
        summary: 'Reports the caller filed',
        querystring: Type.Object(
          { status: Type.Optional(Type.Array(Status, { maxItems: 15 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Paged('reports', Report) },
      },
    },
    async (request) => myReports(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/reports/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One report with its history, task, media, appeals, escalations, duplicate candidates and actions',
        params: IdParams,
        response: { 200: ReportDetail },
      },
    },
    async (request) => reportDetail(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/reports/:id/history',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The status history of a report',
        params: IdParams,
        response: { 200: Type.Object({ history: Type.Array(StatusHistoryEntry) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await assertVisible(db, actor, [request.params.id], 'read');
      return { history: await reportHistory(db, request.params.id, hasPermission(actor.role, 'reports:read')) };
    },
  );

  app.put(
    '/api/v1/reports/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Edit a report (its reporter while received; moderators any they see)',
        params: IdParams,
        body: ReportUpdateBody,
        response: { 200: Report },
      },
    },
    async (request) => {
      requireActor(request);
      return db.transaction((tx) => updateReport(tx, auditContext(request), request.params.id, request.body));
    },
  );

  app.delete(
    '/api/v1/reports/:id',
    {
      config: { access: 'reports:delete' },
      schema: { tags, summary: 'Delete a report (admin)', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await db.transaction((tx) => deleteReport(tx, auditContext(request), request.params.id));
      return reply.status(204).send(null);
    },
  );
}
