// Workflow actions on one report: classify, route, assign, and every status move of the transition table.
import { type TSchema, Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/client.ts';
import { type AuditContext, auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { assignDepartment, assignOfficer, autoAssignOfficer, classifyReport } from './assignment.ts';
import { presentReport, type ReportRow } from './report.presenter.ts';
import { actionAccess, type WorkflowAction } from './report-actions.ts';
import { addUpdate, moveFrom, moveReport, submitForVerification } from './report-moves.ts';
import { CategoryCode, Id, IdParams, Notes, Reason, Report, SeverityT, Status } from './reports.schemas.ts';

const tags = ['reports'];
const body = (props: Record<string, TSchema>, required = false) =>
  Type.Object(props, { additionalProperties: false, ...(required ? {} : {}) });
const IsoTime = Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}' });
const Priority = Type.Integer({ minimum: 1, maximum: 10 });

interface Action {
  path: WorkflowAction;
  method?: 'POST' | 'PUT';
  summary: string;
  body: TSchema;
  run: (tx: Db, ctx: AuditContext, id: number, body: any) => Promise<ReportRow>;
}

const actions: Action[] = [
  {
    path: 'classify',
    method: 'PUT',
    summary: 'Classify: manual category and severity, notes; intake reports move to classified',
    body: body({
      manual_category: Type.Optional(CategoryCode),
      manual_severity: Type.Optional(SeverityT),
      classification_notes: Type.Optional(Notes),
    }),
    run: (tx, ctx, id, b) => classifyReport(tx, ctx, id, b),
  },
  {
    path: 'assign-department',
    summary: 'Route the report to a department',
    body: body({ department_id: Id, notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => assignDepartment(tx, ctx, id, b),
  },
  {
    path: 'assign-officer',
    summary: "Assign an officer of the report's department (creates or moves the task)",
    body: body({ officer_id: Id, priority: Type.Optional(Priority), notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => assignOfficer(tx, ctx, id, b),
  },
  {
    path: 'auto-assign-officer',
    summary: "Assign the department's least-loaded active nodal officer",
    body: body({ priority: Type.Optional(Priority), notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => autoAssignOfficer(tx, ctx, id, b),
  },
  {
    path: 'status',
    summary: 'Move the report to a status allowed by the transition table',
    body: body({
      status: Status,
      notes: Type.Optional(Notes),
      reason: Type.Optional(Reason),
      duplicate_of_report_id: Type.Optional(Id),
    }),
    run: (tx, ctx, id, b) =>
      moveReport(tx, ctx, id, b.status, {
        notes: b.notes,
        reason: b.reason,
        duplicateOfReportId: b.duplicate_of_report_id,
      }),
  },
  {
    path: 'acknowledge',
    summary: 'The assigned officer acknowledges the report',
    body: body({ notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => moveReport(tx, ctx, id, 'acknowledged', { notes: b.notes ?? 'Acknowledged' }),
  },
  {
    path: 'start-work',
    summary: 'The assigned officer starts (or resumes) work',
    body: body({ notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => moveReport(tx, ctx, id, 'in_progress', { notes: b.notes ?? 'Work started' }),
  },
  {
    path: 'submit-for-verification',
    summary: 'The assigned officer submits the work for verification',
    body: body({ resolution_notes: Type.Optional(Notes), notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => submitForVerification(tx, ctx, id, b),
  },
  {
    path: 'on-hold',
    summary: 'Put the report on hold with a reason',
    body: body({ hold_reason: Reason, estimated_resume_date: Type.Optional(IsoTime), notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) =>
      moveReport(tx, ctx, id, 'on_hold', {
        reason: b.hold_reason,
        notes: b.notes,
        estimatedResumeDate: b.estimated_resume_date,
      }),
  },
  {
    path: 'approve-resolution',
    summary: 'Approve the submitted work: the report is resolved',
    body: body({ notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) =>
      moveFrom(tx, ctx, id, ['pending_verification'], 'resolved', { notes: b.notes ?? 'Resolution approved' }),
  },
  {
    path: 'reject-resolution',
    summary: 'Send the submitted work back: the report returns to in_progress',
    body: body({ reason: Reason, notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) =>
      moveFrom(tx, ctx, id, ['pending_verification'], 'in_progress', { notes: `Resolution rejected: ${b.reason}` }),
  },
  {
    path: 'reject',
    summary: 'Reject the report with a reason',
    body: body({ rejection_reason: Reason, notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => moveReport(tx, ctx, id, 'rejected', { reason: b.rejection_reason, notes: b.notes }),
  },
  {
    path: 'mark-duplicate',
    summary: 'Mark the report a duplicate of another',
    body: body({ duplicate_of_report_id: Id, notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) =>
      moveReport(tx, ctx, id, 'duplicate', {
        duplicateOfReportId: b.duplicate_of_report_id,
        notes: b.notes ?? `Duplicate of report ${b.duplicate_of_report_id}`,
      }),
  },
  {
    path: 'reopen',
    summary: 'Reopen a resolved or closed report',
    body: body({ reason: Type.Optional(Reason), notes: Type.Optional(Notes) }),
    run: (tx, ctx, id, b) => moveReport(tx, ctx, id, 'reopened', { notes: b.notes ?? b.reason ?? 'Reopened' }),
  },
  {
    path: 'reject-assignment',
    summary: 'The assigned officer rejects the assignment with a reason',
    body: body({ reason: Reason }),
    run: (tx, ctx, id, b) => moveReport(tx, ctx, id, 'assignment_rejected', { reason: b.reason }),
  },
  {
    path: 'add-update',
    summary: 'Add a progress note to the history (the status stays)',
    body: body({ notes: Type.String({ minLength: 1, maxLength: 5000 }) }),
    run: (tx, ctx, id, b) => addUpdate(tx, ctx, id, b.notes),
  },
];

export function reportWorkflowRoutes(app: App, deps: AppDeps) {
  for (const action of actions) {
    app.route({
      method: action.method ?? 'POST',
      url: `/api/v1/reports/:id/${action.path}`,
      config: { access: actionAccess[action.path] },
      schema: { tags, summary: action.summary, params: IdParams, body: action.body, response: { 200: Report } },
      handler: async (request) => {
        const { id } = request.params as { id: number };
        const row = await deps.database.db.transaction((tx) => action.run(tx, auditContext(request), id, request.body));
        return presentReport(row);
      },
    });
  }
}

export const workflowActionPaths = actions.map((a) => a.path);
