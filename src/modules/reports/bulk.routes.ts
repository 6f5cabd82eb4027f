// Bulk operations (/bulk/*) and the workload views (/workload/*).
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import {
  bulkAssignDepartment,
  bulkAssignOfficer,
  bulkAutoAssignOfficer,
  bulkStatus,
  bulkUpdateSeverity,
} from './bulk.service.ts';
import { BulkResult, Id, IdParams, Notes, Nullable, Reason, ReportIds, SeverityT, Status } from './reports.schemas.ts';
import { departmentWorkload, officerLoads } from './workload.service.ts';

const tags = ['reports'];
const Priority = Type.Integer({ minimum: 1, maximum: 10 });
const closed = <P extends Parameters<typeof Type.Object>[0]>(props: P) =>
  Type.Object(props, { additionalProperties: false });

const OfficerLoad = Type.Object({
  officer_id: Type.Integer(),
  full_name: Nullable(Type.String()),
  username: Nullable(Type.String()),
  department_id: Nullable(Type.Integer()),
  is_active: Type.Boolean(),
  open_tasks: Type.Integer(),
  in_progress: Type.Integer(),
  overdue_tasks: Type.Integer(),
  resolved_last_30_days: Type.Integer(),
});

export function bulkRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const bulk = <B extends Parameters<typeof Type.Object>[0]>(
    path: string,
    summary: string,
    props: B,
    run: (ctx: ReturnType<typeof auditContext>, body: any) => Promise<unknown>,
  ) =>
    app.post(
      `/api/v1/reports/bulk/${path}`,
      {
        config: { access: 'reports:bulk' },
        schema: { tags, summary, body: closed({ report_ids: ReportIds, ...props }), response: { 200: BulkResult } },
      },
      async (request) => run(auditContext(request), request.body) as any,
    );

  bulk(
    'status',
    'Move many reports to one status',
    { status: Status, notes: Type.Optional(Notes), reason: Type.Optional(Reason) },
    (ctx, b) => bulkStatus(db, ctx, b),
  );
  bulk(
    'assign-department',
    'Route many reports to one department',
    { department_id: Id, notes: Type.Optional(Notes) },
    (ctx, b) => bulkAssignDepartment(db, ctx, b),
  );
  bulk(
    'assign-officer',
    'Assign many reports to one officer',
    { officer_id: Id, priority: Type.Optional(Priority), notes: Type.Optional(Notes) },
    (ctx, b) => bulkAssignOfficer(db, ctx, b),
  );
  bulk(
    'update-severity',
    'Set the severity of many reports',
    { severity: SeverityT, notes: Type.Optional(Notes) },
    (ctx, b) => bulkUpdateSeverity(db, ctx, b),
  );
  bulk(
    'auto-assign-officer',
    "Assign each report to its department's least-loaded officer",
    { priority: Type.Optional(Priority) },
    (ctx, b) => bulkAutoAssignOfficer(db, ctx, b),
  );

  app.get(
    '/api/v1/reports/workload/department/:id',
    {
      config: { access: 'departments:read' },
      schema: {
        tags,
        summary: "A department's open reports by status and its officers' load",
        params: IdParams,
        response: {
          200: Type.Object({
            department_id: Type.Integer(),
            department_name: Type.String(),
            open_reports: Type.Integer(),
            overdue_reports: Type.Integer(),
            unassigned: Type.Integer(),
            by_status: Type.Array(Type.Object({ status: Type.String(), count: Type.Integer() })),
            officers: Type.Array(OfficerLoad),
          }),
        },
      },
    },
    async (request) => departmentWorkload(db, request.params.id),
  );

  app.get(
    '/api/v1/reports/workload/officers',
    {
      config: { access: 'departments:read' },
      schema: {
        tags,
        summary: "Every nodal officer's open tasks",
        querystring: closed({ department_id: Type.Optional(Id) }),
        response: { 200: Type.Object({ officers: Type.Array(OfficerLoad) }) },
      },
    },
    async (request) => ({ officers: await officerLoads(db, request.query.department_id) }),
  );
}
