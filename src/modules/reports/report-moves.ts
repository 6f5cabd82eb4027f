// The workflow actions behind the report routes: acknowledge, start work, submit for verification, hold,
// approve or reject a resolution, reject, mark duplicate, reopen, reject an assignment, progress updates.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { unprocessable } from '../../http/errors.ts';
import type { AuditContext } from '../identity/audit.ts';
import type { ReportRow } from './report.presenter.ts';
import { assertMayMove } from './report-actions.ts';
import { assertVisible } from './report-access.ts';
import { findReport } from './reports.queries.ts';
import { isReportStatus, type ReportStatus } from './transitions.ts';
import { changeStatus, lockReport, recordStatusChange, type StatusChangeOptions } from './workflow.ts';

/** Checks visibility and the actor's right to the move, then changes the status. */
export async function moveReport(
  tx: Db,
  ctx: AuditContext,
  id: number,
  to: string,
  options: StatusChangeOptions = {},
): Promise<ReportRow> {
  const actor = await assertVisible(tx, ctx.actor, [id], 'act');
  if (!isReportStatus(to)) throw unprocessable('unknown_status', `Status ${JSON.stringify(to)} does not exist`);
  const report = await lockReport(tx, id);
  assertMayMove(actor, report, to);
  return changeStatus(tx, actor, id, to, { ...options, context: ctx });
}

/** A move that only makes sense from given statuses (reject-resolution: pending_verification → in_progress). */
export async function moveFrom(
  tx: Db,
  ctx: AuditContext,
  id: number,
  from: ReportStatus[],
  to: ReportStatus,
  options: StatusChangeOptions = {},
): Promise<ReportRow> {
  await assertVisible(tx, ctx.actor, [id], 'act');
  const report = await lockReport(tx, id);
  if (!from.includes(report.status)) {
    throw unprocessable(
      'invalid_transition',
      `This action needs a report in ${from.join(' or ')}, not ${report.status}`,
      {
        from: report.status,
        to,
      },
    );
  }
  return moveReport(tx, ctx, id, to, options);
}

/** Submitting for verification also records the officer's resolution notes on the task. */
export async function submitForVerification(
  tx: Db,
  ctx: AuditContext,
  id: number,
  input: { resolution_notes?: string; notes?: string },
): Promise<ReportRow> {
  const report = await moveReport(tx, ctx, id, 'pending_verification', {
    notes: input.notes ?? input.resolution_notes,
  });
  if (input.resolution_notes) {
    await tx.execute(
      sql`UPDATE reports.tasks SET resolution_notes = ${input.resolution_notes} WHERE report_id = ${id}`,
    );
  }
  return report;
}

/** A progress note from staff: a history row that keeps the status, and an audit record. */
export async function addUpdate(tx: Db, ctx: AuditContext, id: number, notes: string): Promise<ReportRow> {
  const actor = await assertVisible(tx, ctx.actor, [id], 'act');
  const report = await lockReport(tx, id);
  const officerOnly = actor.role === 'nodal_officer';
  if (officerOnly && report.assigned_to !== actor.userId) {
    assertMayMove(actor, report, 'acknowledged');
  }
  await recordStatusChange(tx, actor, ctx, { reportId: id, from: report.status, to: report.status, notes });
  return (await findReport(tx, id))!;
}
