// The HEAD hold-approval flow of CiviLens (hold_approvals router): a hold needs an administrator's approval once
// it is older than 7 days or the assigned officer asks for it (hold_approval_required). Approving records who
// approved (hold_approved_by_user_id), may push the estimated resume date back, and notes it on the task;
// refusing sends the report back to in_progress at once. The original filed all three under
// report_status_changed with details.action; here each is its own audit action under those names.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { AppError, notFound, unprocessable } from '../../http/errors.ts';
import { iso } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import type { ReportRow } from './report.presenter.ts';
import { assertVisible } from './report-access.ts';
import { findReport } from './reports.queries.ts';
import { changeStatus, lockReport } from './workflow.ts';

/** A hold older than this needs approval even when nobody asked (the original's 7-day cutoff). */
export const holdApprovalAfterDays = 7;

export async function pendingHoldApprovals(db: Db) {
  const found = await rows<any>(
    db,
    sql`SELECT r.id AS report_id, r.report_number, r.title, t.id AS task_id, t.assigned_to, r.hold_reason,
               r.estimated_resume_date, r.status_updated_at AS on_hold_since,
               floor(extract(epoch FROM now() - r.status_updated_at) / 86400)::int AS hold_duration_days,
               r.hold_approval_required, r.hold_approved_by_user_id
        FROM reports.reports r JOIN reports.tasks t ON t.report_id = r.id
        WHERE r.status = 'on_hold'
          AND (r.hold_approval_required
               OR (r.hold_approved_by_user_id IS NULL
                   AND r.status_updated_at < now() - make_interval(days => ${holdApprovalAfterDays})))
        ORDER BY r.status_updated_at, r.id`,
  );
  return {
    holds: found.map((h) => ({
      ...h,
      estimated_resume_date: iso(h.estimated_resume_date),
      on_hold_since: iso(h.on_hold_since),
    })),
  };
}

async function lockHold(tx: Db, ctx: AuditContext, id: number) {
  const actor = await assertVisible(tx, ctx.actor, [id], 'act');
  const report = await lockReport(tx, id);
  if (report.status !== 'on_hold') throw unprocessable('not_on_hold', `Report ${id} is not on hold`);
  if (report.task_id === null) throw unprocessable('task_required', `Report ${id} has no task whose hold to approve`);
  return { actor, report };
}

/** The assigned officer asks an administrator to approve their hold. */
export async function requestHoldApproval(tx: Db, ctx: AuditContext, id: number): Promise<ReportRow> {
  const { actor, report } = await lockHold(tx, ctx, id);
  if (report.assigned_to !== actor.userId) {
    throw new AppError(403, 'not_assigned_officer', 'Only the officer assigned to this report may ask');
  }
  await tx.execute(sql`UPDATE reports.reports SET hold_approval_required = true WHERE id = ${id}`);
  await audit(tx, ctx, {
    action: 'hold_approval_requested',
    description: `Approval of the hold on report ${id} requested`,
    resourceType: 'report',
    resourceId: id,
  });
  return (await findReport(tx, id))!;
}

export interface HoldDecision {
  approved: boolean;
  approval_notes?: string;
  extended_duration_days?: number;
}

/** An administrator approves the hold (optionally extending it) or refuses it (work resumes: in_progress). */
export async function decideHold(tx: Db, ctx: AuditContext, id: number, d: HoldDecision): Promise<ReportRow> {
  const { actor } = await lockHold(tx, ctx, id);
  const note = d.approval_notes?.trim() || null;
  if (d.approved) {
    const days = d.extended_duration_days ?? null;
    await tx.execute(sql`
      UPDATE reports.reports SET hold_approved_by_user_id = ${actor.userId}, hold_approval_required = false,
        estimated_resume_date = CASE WHEN ${days}::int IS NULL THEN estimated_resume_date
          ELSE greatest(coalesce(estimated_resume_date, now()), now()) + make_interval(days => ${days}::int) END
      WHERE id = ${id}`);
    await appendTaskNote(tx, id, `[HOLD APPROVED] ${note ?? 'Hold approved by admin'}`);
    await audit(tx, ctx, {
      action: 'hold_approved',
      description: `Hold on report ${id} approved`,
      resourceType: 'report',
      resourceId: id,
      extra: { notes: note, extended_days: days },
    });
    return (await findReport(tx, id))!;
  }
  if (d.extended_duration_days !== undefined) {
    throw unprocessable('extension_needs_approval', 'Only an approved hold can be extended');
  }
  await tx.execute(
    sql`UPDATE reports.reports SET hold_approval_required = false, estimated_resume_date = NULL WHERE id = ${id}`,
  );
  await appendTaskNote(tx, id, `[HOLD REJECTED] ${note ?? 'Hold rejected - resume work immediately'}`);
  const report = await changeStatus(tx, actor, id, 'in_progress', {
    notes: `Hold rejected by admin: ${note ?? 'No reason provided'}. Work must resume immediately.`,
    context: ctx,
  });
  await audit(tx, ctx, {
    action: 'hold_rejected',
    description: `Hold on report ${id} rejected; work resumes`,
    resourceType: 'report',
    resourceId: id,
    extra: { notes: note, previous_status: 'on_hold', new_status: 'in_progress' },
  });
  return report;
}

async function appendTaskNote(tx: Db, reportId: number, line: string) {
  const task = await one<{ id: number }>(
    tx,
    sql`UPDATE reports.tasks SET notes = CASE WHEN notes IS NULL OR notes = '' THEN ${line} ELSE notes || E'\n' || ${line} END
        WHERE report_id = ${reportId} RETURNING id`,
  );
  if (!task) throw notFound('Task of report', reportId);
}
