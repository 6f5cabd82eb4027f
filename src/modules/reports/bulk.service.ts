// Bulk operations of the original: each report in its own savepoint, so one failure does not undo the others;
// the answer says, per id, whether it worked and why not.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, fromDatabaseError } from '../../http/errors.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { assignDepartment, assignOfficer, autoAssignOfficer } from './assignment.ts';
import { assertVisible } from './report-access.ts';
import { moveReport } from './report-moves.ts';
import { lockReport, recordStatusChange } from './workflow.ts';

export interface BulkOutcome {
  id: number;
  success: boolean;
  code: string | null;
  error: string | null;
}

export async function forEachReport(
  db: Db,
  ctx: AuditContext,
  ids: number[],
  operation: string,
  run: (tx: Db, id: number) => Promise<unknown>,
) {
  const results: BulkOutcome[] = [];
  await db.transaction(async (tx) => {
    for (const id of ids) {
      try {
        await tx.transaction((sp) => run(sp, id));
        results.push({ id, success: true, code: null, error: null });
      } catch (err) {
        const known = err instanceof AppError ? err : fromDatabaseError(err);
        if (!known) throw err;
        results.push({ id, success: false, code: known.code, error: known.message });
      }
    }
    const succeeded = results.filter((r) => r.success).length;
    await audit(tx, ctx, {
      action: `bulk_${operation}`,
      status: succeeded === ids.length ? 'success' : succeeded === 0 ? 'failure' : 'warning',
      resourceType: 'report',
      extra: { ids, succeeded, failed: ids.length - succeeded },
    });
  });
  const succeeded = results.filter((r) => r.success).length;
  return { results, succeeded, failed: results.length - succeeded };
}

export const bulkStatus = (
  db: Db,
  ctx: AuditContext,
  input: { report_ids: number[]; status: string; notes?: string; reason?: string },
) =>
  forEachReport(db, ctx, input.report_ids, 'status', (tx, id) =>
    moveReport(tx, ctx, id, input.status, { notes: input.notes, reason: input.reason }),
  );

export const bulkAssignDepartment = (
  db: Db,
  ctx: AuditContext,
  input: { report_ids: number[]; department_id: number; notes?: string },
) =>
  forEachReport(db, ctx, input.report_ids, 'assign_department', (tx, id) =>
    assignDepartment(tx, ctx, id, { department_id: input.department_id, notes: input.notes }),
  );

export const bulkAssignOfficer = (
  db: Db,
  ctx: AuditContext,
  input: { report_ids: number[]; officer_id: number; priority?: number; notes?: string },
) =>
  forEachReport(db, ctx, input.report_ids, 'assign_officer', (tx, id) =>
    assignOfficer(tx, ctx, id, { officer_id: input.officer_id, priority: input.priority, notes: input.notes }),
  );

export const bulkAutoAssignOfficer = (db: Db, ctx: AuditContext, input: { report_ids: number[]; priority?: number }) =>
  forEachReport(db, ctx, input.report_ids, 'auto_assign_officer', (tx, id) =>
    autoAssignOfficer(tx, ctx, id, { priority: input.priority }),
  );

export const bulkUpdateSeverity = (
  db: Db,
  ctx: AuditContext,
  input: { report_ids: number[]; severity: string; notes?: string },
) =>
  forEachReport(db, ctx, input.report_ids, 'update_severity', async (tx, id) => {
    const actor = await assertVisible(tx, ctx.actor, [id], 'act');
    const report = await lockReport(tx, id);
    await tx.execute(sql`UPDATE reports.reports SET severity = ${input.severity} WHERE id = ${id}`);
    await recordStatusChange(tx, actor, ctx, {
      reportId: id,
      from: report.status,
      to: report.status,
      notes: input.notes ?? `Severity set to ${input.severity}`,
    });
  });
