// Moving a report between statuses: the transition table, its prerequisites, the fields each move sets,
// a status history row and an audit record, all in the caller's transaction. The database triggers refuse
// the same illegal moves underneath (backward moves, missing department or task).
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound, unprocessable } from '../../http/errors.ts';
import { type AuditContext, audit, systemContext } from '../identity/audit.ts';
import type { ReportRow } from './report.presenter.ts';
import { findReport } from './reports.queries.ts';
import { notifyReporter } from './notifications.ts';
import { markValidationsHelpful } from './validations.ts';
import {
  allowedTransitions,
  canTransition,
  isReportStatus,
  missingPrerequisite,
  type ReportStatus,
} from './transitions.ts';

export { allowedTransitions, canTransition } from './transitions.ts';

export interface StatusChangeOptions {
  notes?: string | null;
  /** Hold reason, rejection reason or assignment rejection reason, by target status. */
  reason?: string | null;
  duplicateOfReportId?: number | null;
  estimatedResumeDate?: string | null;
  context?: AuditContext;
}

export interface LockedReport {
  id: number;
  status: ReportStatus;
  department_id: number | null;
  user_id: number;
  task_id: number | null;
  assigned_to: number | null;
}

/** The report row locked for the rest of the transaction, with its task's officer. */
export async function lockReport(tx: Db, reportId: number): Promise<LockedReport> {
  const row = await one<LockedReport>(
    tx,
    sql`SELECT r.id, r.status, r.department_id, r.user_id, t.id AS task_id, t.assigned_to
        FROM reports.reports r LEFT JOIN reports.tasks t ON t.report_id = r.id
        WHERE r.id = ${reportId} FOR UPDATE OF r`,
  );
  if (!row) throw notFound('Report', reportId);
  return row;
}

export function assertTransition(report: LockedReport, to: ReportStatus, options: StatusChangeOptions) {
  if (!canTransition(report.status, to)) {
    throw unprocessable('invalid_transition', `A report cannot move from ${report.status} to ${to}`, {
      from: report.status,
      to,
      allowed: allowedTransitions[report.status],
    });
  }
  const missing = missingPrerequisite(report.status, to, {
    departmentId: report.department_id,
    hasTask: report.task_id !== null,
    reason: options.reason,
    duplicateOfReportId: options.duplicateOfReportId,
  });
  if (missing) throw unprocessable(missing.code, missing.message, { from: report.status, to });
}

export async function changeStatus(
  tx: Db,
  actor: Actor | null,
  reportId: number,
  toStatus: string,
  options: StatusChangeOptions = {},
): Promise<ReportRow> {
  if (!isReportStatus(toStatus))
    throw unprocessable('unknown_status', `Status ${JSON.stringify(toStatus)} does not exist`);
  const report = await lockReport(tx, reportId);
  assertTransition(report, toStatus, options);
  if (report.status === toStatus) return (await findReport(tx, reportId))!;

  const reason = options.reason?.trim() || null;
  if (toStatus === 'duplicate') {
    const target = await one<{ id: number }>(
      tx,
      sql`SELECT id FROM reports.reports WHERE id = ${options.duplicateOfReportId!} AND id <> ${reportId}`,
    );
    if (!target) {
      throw unprocessable(
        'invalid_duplicate_target',
        `Report ${options.duplicateOfReportId} cannot be the original of this report`,
      );
    }
  }
  const actorId = actor?.userId ?? null;
  await tx.execute(sql`
    UPDATE reports.reports SET
      status = ${toStatus},
      hold_reason = CASE WHEN ${toStatus} = 'on_hold' THEN ${reason} ELSE hold_reason END,
      estimated_resume_date = CASE WHEN ${toStatus} = 'on_hold' THEN ${options.estimatedResumeDate ?? null}::timestamptz
                                   ELSE estimated_resume_date END,
      rejection_reason = CASE WHEN ${toStatus} = 'rejected' THEN ${reason} ELSE rejection_reason END,
      is_duplicate = (${toStatus} = 'duplicate') OR is_duplicate,
      duplicate_of_report_id = CASE WHEN ${toStatus} = 'duplicate' THEN ${options.duplicateOfReportId ?? null}::int
                                    ELSE duplicate_of_report_id END,
      assignment_rejection_reason = CASE WHEN ${toStatus} = 'assignment_rejected' THEN ${reason}
                                         ELSE assignment_rejection_reason END,
      assignment_rejected_at = CASE WHEN ${toStatus} = 'assignment_rejected' THEN now() ELSE assignment_rejected_at END,
      assignment_rejected_by_user_id = CASE WHEN ${toStatus} = 'assignment_rejected' THEN ${actorId}::int
                                            ELSE assignment_rejected_by_user_id END
    WHERE id = ${reportId}`);
  if (toStatus === 'assignment_rejected') {
    await tx.execute(
      sql`UPDATE reports.tasks SET rejection_reason = ${reason}, rejected_at = now() WHERE report_id = ${reportId}`,
    );
  }
  await recordStatusChange(tx, actor, options.context, {
    reportId,
    from: report.status,
    to: toStatus,
    notes: options.notes?.trim() || reason,
  });
  return (await findReport(tx, reportId))!;
}

/** A status history row and the report_status_changed audit record. */
export async function recordStatusChange(
  tx: Db,
  actor: Actor | null,
  context: AuditContext | undefined,
  change: { reportId: number; from: string | null; to: string; notes?: string | null },
) {
  await tx.execute(
    sql`INSERT INTO reports.report_status_history (report_id, old_status, new_status, changed_by_user_id, notes)
        VALUES (${change.reportId}, ${change.from}, ${change.to}, ${actor?.userId ?? null}, ${change.notes ?? null})`,
  );
  await notifyReporter(tx, actor?.userId ?? null, change);
  const auditAs = context ?? (actor ? { ...systemContext, actor } : systemContext);
  const extra = { old_status: change.from, new_status: change.to, notes: change.notes ?? null };
  await audit(tx, auditAs, {
    action: change.from === change.to ? 'report_updated' : 'report_status_changed',
    description: change.from === change.to ? 'Report update noted' : `Report status ${change.from} → ${change.to}`,
    resourceType: 'report',
    resourceId: change.reportId,
    extra,
  });
  // CiviLens names the move to resolved on its own (AuditAction report_resolved); the generic status-change
  // record above stays, so one query over report_status_changed still sees every move.
  if (change.to === 'resolved' && change.from !== 'resolved') {
    await markValidationsHelpful(tx, change.reportId);
    await audit(tx, auditAs, {
      action: 'report_resolved',
      description: `Report resolved (from ${change.from})`,
      resourceType: 'report',
      resourceId: change.reportId,
      extra,
    });
  }
}
