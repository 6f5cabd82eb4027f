// /api/v1/reports/hold-approvals: holds waiting for an administrator, the officer's request, the decision.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { decideHold, pendingHoldApprovals, requestHoldApproval } from './hold-approvals.ts';
import { presentReport } from './report.presenter.ts';
import { IdParams, Notes, Nullable, Report } from './reports.schemas.ts';

const tags = ['reports'];

const PendingHold = Type.Object({
  report_id: Type.Integer(),
  report_number: Nullable(Type.String()),
  title: Type.String(),
  task_id: Type.Integer(),
  assigned_to: Type.Integer(),
  hold_reason: Nullable(Type.String()),
  estimated_resume_date: Nullable(Type.String()),
  on_hold_since: Nullable(Type.String()),
  hold_duration_days: Type.Integer(),
  hold_approval_required: Type.Boolean(),
  hold_approved_by_user_id: Nullable(Type.Integer()),
});

export function holdApprovalRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/reports/hold-approvals/pending',
    {
      config: { access: 'tasks:manage' },
      schema: {
        tags,
        summary: 'Holds needing approval: older than 7 days and not yet approved, or asked for by the officer',
        response: { 200: Type.Object({ holds: Type.Array(PendingHold) }) },
      },
    },
    async () => pendingHoldApprovals(db),
  );

  app.post(
    '/api/v1/reports/hold-approvals/:id/request-approval',
    {
      config: { access: 'tasks:work' },
      schema: {
        tags,
        summary: 'The assigned officer asks an administrator to approve the hold',
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Report },
      },
    },
    async (request) =>
      presentReport(await db.transaction((tx) => requestHoldApproval(tx, auditContext(request), request.params.id))),
  );

  app.post(
    '/api/v1/reports/hold-approvals/:id/approve',
    {
      config: { access: 'tasks:manage' },
      schema: {
        tags,
        summary:
          'Approve the hold (optionally extending it by N days) or refuse it (the report goes back to in_progress)',
        params: IdParams,
        body: Type.Object(
          {
            approved: Type.Boolean(),
            approval_notes: Type.Optional(Notes),
            extended_duration_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Report },
      },
    },
    async (request) =>
      presentReport(
        await db.transaction((tx) => decideHold(tx, auditContext(request), request.params.id, request.body)),
      ),
  );
}
