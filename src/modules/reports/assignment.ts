// Routing a report: classification by staff, assigning a department, assigning an officer (one task per
// report), and auto-assigning the least-loaded active nodal officer of the department.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound, unprocessable } from '../../http/errors.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import type { ReportRow } from './report.presenter.ts';
import { findReport } from './reports.queries.ts';
import { assertMayMove } from './report-actions.ts';
import { assertVisible } from './report-access.ts';
import { changeStatus, lockReport, recordStatusChange } from './workflow.ts';

/** Task statuses that count as open work (workload, auto-assign). */
export const openTaskStatuses = sql.raw(`'assigned', 'acknowledged', 'in_progress', 'pending_verification', 'on_hold'`);

export interface ClassifyInput {
  manual_category?: string;
  manual_severity?: 'low' | 'medium' | 'high' | 'critical';
  classification_notes?: string;
}

/** Staff classification: manual category/severity, who and why; intake reports move on to classified. */
export async function classifyReport(tx: Db, ctx: AuditContext, id: number, input: ClassifyInput): Promise<ReportRow> {
  const actor = ctx.actor!;
  await assertVisible(tx, actor, [id], 'act');
  const report = await lockReport(tx, id);
  if (['closed', 'rejected', 'duplicate'].includes(report.status)) {
    throw unprocessable('report_closed', `A ${report.status} report cannot be classified`);
  }
  if (input.manual_category) {
    const known = await one(tx, sql`SELECT 1 FROM reports.categories WHERE code = ${input.manual_category}`);
    if (!known)
      throw unprocessable('unknown_category', `Category ${JSON.stringify(input.manual_category)} does not exist`);
  }
  await tx.execute(sql`
    UPDATE reports.reports SET
      manual_category = COALESCE(${input.manual_category ?? null}, manual_category),
      category = COALESCE(${input.manual_category ?? null}, category),
      manual_severity = COALESCE(${input.manual_severity ?? null}, manual_severity),
      severity = COALESCE(${input.manual_severity ?? null}, severity),
      classification_notes = COALESCE(${input.classification_notes ?? null}, classification_notes),
      classified_by_user_id = ${actor.userId},
      needs_review = false
    WHERE id = ${id}`);
  await audit(tx, ctx, {
    action: 'report_classified',
    resourceType: 'report',
    resourceId: id,
    extra: { ...input },
  });
  const steps: Record<string, string[]> = {
    received: ['pending_classification', 'classified'],
    pending_classification: ['classified'],
  };
  for (const to of steps[report.status] ?? []) {
    await changeStatus(tx, actor, id, to, { notes: input.classification_notes ?? 'Classified', context: ctx });
  }
  return (await findReport(tx, id))!;
}

export async function assignDepartment(
  tx: Db,
  ctx: AuditContext,
  id: number,
  input: { department_id: number; notes?: string },
): Promise<ReportRow> {
  const actor = ctx.actor!;
  await assertVisible(tx, actor, [id], 'act');
  const report = await lockReport(tx, id);
  const dept = await one<{ name: string }>(
    tx,
    sql`SELECT name FROM reports.departments WHERE id = ${input.department_id}`,
  );
  if (!dept) throw unprocessable('unknown_department', `Department ${input.department_id} does not exist`);
  const moves = ['received', 'pending_classification', 'classified', 'on_hold'].includes(report.status);
  const reroutes = ['assigned_to_department', 'assignment_rejected'].includes(report.status);
  if (!moves && !reroutes) {
    throw unprocessable('invalid_transition', `A ${report.status} report cannot be assigned to a department`, {
      from: report.status,
      to: 'assigned_to_department',
    });
  }
  if (moves) assertMayMove(actor, report, 'assigned_to_department');
  await tx.execute(sql`UPDATE reports.reports SET department_id = ${input.department_id} WHERE id = ${id}`);
  await audit(tx, ctx, {
    action: 'report_assigned',
    description: `Report assigned to department ${dept.name}`,
    resourceType: 'report',
    resourceId: id,
    extra: { department_id: input.department_id },
  });
  if (moves) {
    return changeStatus(tx, actor, id, 'assigned_to_department', {
      notes: input.notes ?? `Assigned to ${dept.name}`,
      context: ctx,
    });
  }
  await recordStatusChange(tx, actor, ctx, {
    reportId: id,
    from: report.status,
    to: report.status,
    notes: input.notes ?? `Re-routed to ${dept.name}`,
  });
  return (await findReport(tx, id))!;
}

export interface AssignOfficerInput {
  officer_id: number;
  priority?: number;
  notes?: string;
}

const reassignable = ['assigned_to_officer', 'acknowledged', 'in_progress'];

/** Creates or moves the report's one task to the officer; the report moves to assigned_to_officer when it can. */
export async function assignOfficer(
  tx: Db,
  ctx: AuditContext,
  id: number,
  input: AssignOfficerInput,
): Promise<ReportRow> {
  const actor = ctx.actor!;
  await assertVisible(tx, actor, [id], 'act');
  const report = await lockReport(tx, id);
  const moves = ['assigned_to_department', 'on_hold', 'assignment_rejected'].includes(report.status);
  if (!moves && !reassignable.includes(report.status)) {
    throw unprocessable(
      report.department_id === null ? 'department_required' : 'invalid_transition',
      report.department_id === null
        ? 'Assign a department before an officer'
        : `A ${report.status} report cannot be assigned to an officer`,
      { from: report.status, to: 'assigned_to_officer' },
    );
  }
  assertMayMove(actor, { ...report, status: moves ? report.status : 'assigned_to_department' }, 'assigned_to_officer');
  const officer = await one<{ id: number; role: string; is_active: boolean; department_id: number | null }>(
    tx,
    sql`SELECT id, role, is_active, department_id FROM identity.users WHERE id = ${input.officer_id}`,
  );
  if (!officer?.is_active || officer.role !== 'nodal_officer') {
    throw unprocessable('not_an_officer', `User ${input.officer_id} is not an active nodal officer`);
  }
  if (officer.department_id !== report.department_id) {
    throw unprocessable(
      'officer_not_in_department',
      `Officer ${input.officer_id} does not belong to the report's department`,
    );
  }
  await tx.execute(sql`
    INSERT INTO reports.tasks AS t (report_id, assigned_to, assigned_by, priority, notes, sla_deadline)
    SELECT ${id}, ${input.officer_id}, ${actor.userId}, ${input.priority ?? 5}, ${input.notes ?? null}, r.sla_due_at
    FROM reports.reports r WHERE r.id = ${id}
    ON CONFLICT (report_id) DO UPDATE SET
      assigned_to = EXCLUDED.assigned_to, assigned_by = EXCLUDED.assigned_by,
      priority = COALESCE(${input.priority ?? null}::int, t.priority), notes = COALESCE(EXCLUDED.notes, t.notes),
      assigned_at = now(), rejection_reason = NULL, rejected_at = NULL`);
  await audit(tx, ctx, {
    action: 'report_assigned',
    description: `Report assigned to officer ${input.officer_id}`,
    resourceType: 'report',
    resourceId: id,
    extra: { officer_id: input.officer_id, priority: input.priority ?? null },
  });
  if (moves) {
    return changeStatus(tx, actor, id, 'assigned_to_officer', {
      notes: input.notes ?? `Assigned to officer ${input.officer_id}`,
      context: ctx,
    });
  }
  await recordStatusChange(tx, actor, ctx, {
    reportId: id,
    from: report.status,
    to: report.status,
    notes: input.notes ?? `Reassigned to officer ${input.officer_id}`,
  });
  return (await findReport(tx, id))!;
}

/** The active nodal officer of the department with the fewest open tasks (lowest id on a tie). */
export async function leastLoadedOfficer(db: Db, departmentId: number): Promise<number | null> {
  const row = await one<{ id: number }>(
    db,
    sql`SELECT u.id
        FROM identity.users u
        LEFT JOIN reports.tasks t ON t.assigned_to = u.id AND t.status IN (${openTaskStatuses})
        WHERE u.department_id = ${departmentId} AND u.role = 'nodal_officer' AND u.is_active
        GROUP BY u.id
        ORDER BY count(t.id), u.id
        LIMIT 1`,
  );
  return row?.id ?? null;
}

export async function autoAssignOfficer(
  tx: Db,
  ctx: AuditContext,
  id: number,
  input: { priority?: number; notes?: string } = {},
): Promise<ReportRow> {
  await assertVisible(tx, ctx.actor as Actor, [id], 'act');
  const report = await lockReport(tx, id);
  if (report.department_id === null)
    throw unprocessable('department_required', 'Assign a department before an officer');
  const officerId = await leastLoadedOfficer(tx, report.department_id);
  if (officerId === null) {
    throw unprocessable('no_officer_available', `Department ${report.department_id} has no active nodal officer`);
  }
  return assignOfficer(tx, ctx, id, {
    officer_id: officerId,
    priority: input.priority,
    notes: input.notes ?? 'Auto-assigned',
  });
}

export async function requireReport(tx: Db, id: number): Promise<ReportRow> {
  const r = await findReport(tx, id);
  if (!r) throw notFound('Report', id);
  return r;
}
