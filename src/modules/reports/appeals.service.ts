// Appeals: citizens contest a classification, resolution or rejection; officers an assignment, their workload
// or missing resources; admins raise quality concerns. Review rules of the original: only submitted or
// under_review appeals are reviewed; an approved incorrect_assignment reassigns; an approved resolution appeal
// with requires_rework sends the work back (report and task in_progress, "REWORK REQUIRED: …").
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, conflict, notFound, unprocessable } from '../../http/errors.ts';
import { pageOffset, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { hasPermission } from '../identity/role-catalogue.ts';
import { assertVisible } from './report-access.ts';
import { visibleReports } from './report-visibility.ts';
import { presentRow, presentRows } from './row.presenter.ts';
import { changeStatus, lockReport, recordStatusChange } from './workflow.ts';

export const appealTypes = {
  citizen: ['classification', 'resolution', 'rejection'],
  officer: ['incorrect_assignment', 'workload', 'resource_lack'],
  admin: ['quality_concern'],
} as const;
export const appealStatuses = ['submitted', 'under_review', 'approved', 'rejected', 'withdrawn'] as const;

export interface AppealInput {
  report_id: number;
  appeal_type: string;
  reason: string;
  evidence?: string;
  requested_action?: string;
}

const typeRefused = (message: string) => new AppError(403, 'appeal_type_not_allowed', message);

export async function createAppeal(tx: Db, ctx: AuditContext, input: AppealInput) {
  const actor = await assertVisible(tx, ctx.actor, [input.report_id], 'read');
  const report = await lockReport(tx, input.report_id);
  if ((appealTypes.citizen as readonly string[]).includes(input.appeal_type)) {
    if (report.user_id !== actor.userId) throw typeRefused('Only the reporter may file a citizen appeal');
  } else if ((appealTypes.officer as readonly string[]).includes(input.appeal_type)) {
    if (report.assigned_to !== actor.userId) throw typeRefused('Only the assigned officer may file an officer appeal');
  } else if (!hasPermission(actor.role, 'reports:assign')) {
    throw typeRefused('Only administrators may raise a quality concern');
  }
  const open = await one(
    tx,
    sql`SELECT 1 FROM reports.appeals WHERE report_id = ${input.report_id} AND submitted_by_user_id = ${actor.userId}
        AND appeal_type = ${input.appeal_type} AND status IN ('submitted', 'under_review')`,
  );
  if (open) throw conflict('appeal_open', 'You already have an open appeal of this type on this report');
  const row = await one<any>(
    tx,
    sql`INSERT INTO reports.appeals (report_id, submitted_by_user_id, appeal_type, reason, evidence, requested_action)
        VALUES (${input.report_id}, ${actor.userId}, ${input.appeal_type}, ${input.reason}, ${input.evidence ?? null},
                ${input.requested_action ?? null})
        RETURNING *`,
  );
  await audit(tx, ctx, {
    action: 'appeal_created',
    resourceType: 'appeal',
    resourceId: row.id,
    extra: { report_id: input.report_id, appeal_type: input.appeal_type },
  });
  return presentRow(row);
}

export interface AppealListQuery {
  status?: string;
  appeal_type?: string;
  report_id?: number;
  page: number;
  per_page: number;
}

export async function listAppeals(db: Db, actor: Actor, q: AppealListQuery) {
  const where: SQL[] = [visibleReports(actor)];
  if (q.status) where.push(sql`a.status = ${q.status}`);
  if (q.appeal_type) where.push(sql`a.appeal_type = ${q.appeal_type}`);
  if (q.report_id) where.push(sql`a.report_id = ${q.report_id}`);
  const cond = sql.join(where, sql` AND `);
  const list = await rows<any>(
    db,
    sql`SELECT a.* FROM reports.appeals a JOIN reports.reports r ON r.id = a.report_id WHERE ${cond}
        ORDER BY a.created_at DESC, a.id DESC LIMIT ${q.per_page} OFFSET ${pageOffset(q.page, q.per_page)}`,
  );
  const count = await one<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM reports.appeals a JOIN reports.reports r ON r.id = a.report_id WHERE ${cond}`,
  );
  return {
    appeals: presentRows(list),
    total: count!.total,
    page: q.page,
    per_page: q.per_page,
    total_pages: totalPages(count!.total, q.per_page),
  };
}

export async function appealStats(db: Db, actor: Actor) {
  const counts = await rows<{ appeal_type: string; status: string; count: number }>(
    db,
    sql`SELECT a.appeal_type, a.status, count(*)::int AS count
        FROM reports.appeals a JOIN reports.reports r ON r.id = a.report_id
        WHERE ${visibleReports(actor)} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const by = (key: 'appeal_type' | 'status') =>
    Object.entries(
      counts.reduce<Record<string, number>>((acc, c) => {
        acc[c[key]] = (acc[c[key]] ?? 0) + c.count;
        return acc;
      }, {}),
    ).map(([k, count]) => ({ key: k, count }));
  return { total: counts.reduce((s, c) => s + c.count, 0), by_status: by('status'), by_type: by('appeal_type') };
}

/** The appeal if the actor submitted it or may read appeals on its report; otherwise 404. */
export async function getAppeal(db: Db, actor: Actor, id: number, forUpdate = false) {
  const row = await one<any>(
    db,
    sql`SELECT * FROM reports.appeals WHERE id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row) throw notFound('Appeal', id);
  if (row.submitted_by_user_id !== actor.userId) {
    if (!hasPermission(actor.role, 'appeals:read')) throw notFound('Appeal', id);
    await assertVisible(db, actor, [row.report_id], 'read').catch(() => {
      throw notFound('Appeal', id);
    });
  }
  return row;
}

export interface ReviewInput {
  status: 'under_review' | 'approved' | 'rejected';
  review_notes?: string;
  action_taken?: string;
  reassigned_to_user_id?: number;
  reassigned_to_department_id?: number;
  reassignment_reason?: string;
  requires_rework?: boolean;
  rework_assigned_to_user_id?: number;
  rework_notes?: string;
}

async function assertOfficer(tx: Db, userId: number, departmentId: number | null) {
  const officer = await one<{ role: string; is_active: boolean; department_id: number | null }>(
    tx,
    sql`SELECT role, is_active, department_id FROM identity.users WHERE id = ${userId}`,
  );
  if (!officer?.is_active || officer.role !== 'nodal_officer') {
    throw unprocessable('not_an_officer', `User ${userId} is not an active nodal officer`);
  }
  if (departmentId !== null && officer.department_id !== departmentId) {
    throw unprocessable('officer_not_in_department', `Officer ${userId} does not belong to the report's department`);
  }
}

export async function reviewAppeal(tx: Db, ctx: AuditContext, id: number, input: ReviewInput) {
  const actor = ctx.actor!;
  const appeal = await getAppeal(tx, actor, id, true);
  await assertVisible(tx, actor, [appeal.report_id], 'act').catch(() => {
    throw notFound('Appeal', id);
  });
  if (!['submitted', 'under_review'].includes(appeal.status)) {
    throw unprocessable('appeal_not_reviewable', `A ${appeal.status} appeal cannot be reviewed`);
  }
  const approved = input.status === 'approved';
  if (approved && appeal.appeal_type === 'incorrect_assignment') {
    await reassign(tx, ctx, appeal.report_id, input);
  }
  const rework = approved && appeal.appeal_type === 'resolution' && input.requires_rework === true;
  if (rework) await startRework(tx, ctx, appeal.report_id, input);
  const row = await one<any>(
    tx,
    sql`UPDATE reports.appeals SET status = ${input.status}, reviewed_by_user_id = ${actor.userId}, reviewed_at = now(),
          review_notes = COALESCE(${input.review_notes ?? null}, review_notes),
          action_taken = COALESCE(${input.action_taken ?? null}, action_taken),
          reassigned_to_user_id = COALESCE(${input.reassigned_to_user_id ?? null}::int, reassigned_to_user_id),
          reassigned_to_department_id = COALESCE(${input.reassigned_to_department_id ?? null}::int, reassigned_to_department_id),
          reassignment_reason = COALESCE(${input.reassignment_reason ?? null}, reassignment_reason),
          requires_rework = ${rework},
          rework_assigned_to_user_id = ${rework ? (input.rework_assigned_to_user_id ?? null) : null}::int,
          rework_notes = ${rework ? (input.rework_notes ?? null) : null}
        WHERE id = ${id} RETURNING *`,
  );
  await audit(tx, ctx, {
    action: input.status === 'under_review' ? 'appeal_reviewed' : `appeal_${input.status}`,
    resourceType: 'appeal',
    resourceId: id,
    extra: { ...input, report_id: appeal.report_id },
  });
  return presentRow(row);
}

async function reassign(tx: Db, ctx: AuditContext, reportId: number, input: ReviewInput) {
  if (!input.reassigned_to_user_id && !input.reassigned_to_department_id) {
    throw unprocessable(
      'reassignment_required',
      'Approving an incorrect_assignment appeal needs a new officer or department',
    );
  }
  const report = await lockReport(tx, reportId);
  const departmentId = input.reassigned_to_department_id ?? report.department_id;
  if (input.reassigned_to_department_id) {
    const dept = await one(tx, sql`SELECT 1 FROM reports.departments WHERE id = ${input.reassigned_to_department_id}`);
    if (!dept)
      throw unprocessable('unknown_department', `Department ${input.reassigned_to_department_id} does not exist`);
    await tx.execute(sql`UPDATE reports.reports SET department_id = ${departmentId} WHERE id = ${reportId}`);
  }
  if (input.reassigned_to_user_id) {
    await assertOfficer(tx, input.reassigned_to_user_id, departmentId);
    await tx.execute(sql`
      INSERT INTO reports.tasks AS t (report_id, assigned_to, assigned_by, sla_deadline)
      SELECT ${reportId}, ${input.reassigned_to_user_id}, ${ctx.actor!.userId}, r.sla_due_at FROM reports.reports r WHERE r.id = ${reportId}
      ON CONFLICT (report_id) DO UPDATE SET assigned_to = EXCLUDED.assigned_to, assigned_by = EXCLUDED.assigned_by,
        assigned_at = now(), rejection_reason = NULL, rejected_at = NULL`);
  }
  const note = `Reassigned on appeal${input.reassignment_reason ? `: ${input.reassignment_reason}` : ''}`;
  if (
    input.reassigned_to_user_id &&
    ['assignment_rejected', 'assigned_to_department', 'on_hold'].includes(report.status)
  ) {
    await changeStatus(tx, ctx.actor, reportId, 'assigned_to_officer', { notes: note, context: ctx });
  } else {
    await recordStatusChange(tx, ctx.actor, ctx, { reportId, from: report.status, to: report.status, notes: note });
  }
}

async function startRework(tx: Db, ctx: AuditContext, reportId: number, input: ReviewInput) {
  const report = await lockReport(tx, reportId);
  if (report.task_id === null) throw unprocessable('task_required', 'Rework needs an officer task on the report');
  if (input.rework_assigned_to_user_id) {
    await assertOfficer(tx, input.rework_assigned_to_user_id, report.department_id);
    await tx.execute(
      sql`UPDATE reports.tasks SET assigned_to = ${input.rework_assigned_to_user_id}, assigned_at = now() WHERE report_id = ${reportId}`,
    );
  }
  const notes = `REWORK REQUIRED: ${input.rework_notes ?? input.review_notes ?? ''}`.trim();
  await tx.execute(sql`UPDATE reports.tasks SET notes = ${notes} WHERE report_id = ${reportId}`);
  const path: Record<string, string[]> = {
    pending_verification: ['in_progress'],
    resolved: ['reopened', 'in_progress'],
    closed: ['reopened', 'in_progress'],
    reopened: ['in_progress'],
  };
  const steps = path[report.status];
  if (!steps) throw unprocessable('invalid_transition', `A ${report.status} report cannot be sent back for rework`);
  for (const to of steps) await changeStatus(tx, ctx.actor, reportId, to, { notes, context: ctx });
}

export async function completeRework(tx: Db, ctx: AuditContext, id: number, notes?: string) {
  const actor = ctx.actor!;
  const appeal = await one<any>(tx, sql`SELECT * FROM reports.appeals WHERE id = ${id} FOR UPDATE`);
  if (!appeal) throw notFound('Appeal', id);
  const report = await lockReport(tx, appeal.report_id);
  const mayAct = report.assigned_to === actor.userId || hasPermission(actor.role, 'reports:assign');
  if (!mayAct) throw notFound('Appeal', id);
  if (appeal.status !== 'approved' || !appeal.requires_rework || appeal.rework_completed) {
    throw unprocessable('no_rework_pending', 'This appeal has no rework pending');
  }
  if (report.status === 'in_progress') {
    await changeStatus(tx, actor, appeal.report_id, 'pending_verification', {
      notes: notes ?? 'Rework completed',
      context: ctx,
    });
  }
  const row = await one<any>(
    tx,
    sql`UPDATE reports.appeals SET rework_completed = true, rework_completed_at = now() WHERE id = ${id} RETURNING *`,
  );
  await audit(tx, ctx, { action: 'appeal_rework_completed', resourceType: 'appeal', resourceId: id });
  return presentRow(row);
}

export async function withdrawAppeal(tx: Db, ctx: AuditContext, id: number) {
  const actor = ctx.actor!;
  const appeal = await one<any>(tx, sql`SELECT * FROM reports.appeals WHERE id = ${id} FOR UPDATE`);
  if (!appeal || appeal.submitted_by_user_id !== actor.userId) throw notFound('Appeal', id);
  if (!['submitted', 'under_review'].includes(appeal.status)) {
    throw unprocessable('appeal_not_withdrawable', `A ${appeal.status} appeal cannot be withdrawn`);
  }
  const row = await one<any>(tx, sql`UPDATE reports.appeals SET status = 'withdrawn' WHERE id = ${id} RETURNING *`);
  await audit(tx, ctx, { action: 'appeal_withdrawn', resourceType: 'appeal', resourceId: id });
  return presentRow(row);
}

export async function deleteAppeal(tx: Db, ctx: AuditContext, id: number) {
  const gone = await one(tx, sql`DELETE FROM reports.appeals WHERE id = ${id} RETURNING id`);
  if (!gone) throw notFound('Appeal', id);
  await audit(tx, ctx, { action: 'appeal_deleted', resourceType: 'appeal', resourceId: id });
}
