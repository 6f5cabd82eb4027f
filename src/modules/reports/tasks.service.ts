// Tasks: one per report, worked by the assigned officer. Task moves are report moves (the task follows the
// report through trigger_sync_task_status), so both stay in step whichever door the officer uses.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { pageOffset, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { hasPermission } from '../identity/role-catalogue.ts';
import { assertVisible } from './report-access.ts';
import { visibleReports } from './report-visibility.ts';
import { moveReport, submitForVerification } from './report-moves.ts';
import { presentRow } from './row.presenter.ts';
import type { ReportStatus } from './transitions.ts';

const taskColumns = sql.raw(`t.id, t.report_id, t.assigned_to, t.assigned_by, t.status, t.priority, t.notes,
  t.resolution_notes, t.assigned_at, t.acknowledged_at, t.started_at, t.resolved_at, t.sla_deadline, t.sla_violated,
  t.sla_violation_count, t.rejection_reason, t.rejected_at, t.created_at, t.updated_at,
  r.report_number, r.title AS report_title, r.status AS report_status, r.severity AS report_severity,
  r.department_id`);

/** Officers see their own tasks; other staff the tasks of reports they see. */
function taskScope(actor: Actor): SQL {
  if (actor.role === 'nodal_officer') return sql`t.assigned_to = ${actor.userId}`;
  return visibleReports(actor);
}

export interface TaskListQuery {
  status?: string[];
  officer_id?: number;
  department_id?: number;
  page: number;
  per_page: number;
}

export async function listTasks(db: Db, actor: Actor, q: TaskListQuery) {
  const where: SQL[] = [taskScope(actor)];
  if (q.status?.length)
    where.push(
      sql`t.status IN (${sql.join(
        q.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.officer_id) where.push(sql`t.assigned_to = ${q.officer_id}`);
  if (q.department_id) where.push(sql`r.department_id = ${q.department_id}`);
  const cond = sql.join(where, sql` AND `);
  const list = await rows<any>(
    db,
    sql`SELECT ${taskColumns} FROM reports.tasks t JOIN reports.reports r ON r.id = t.report_id
        WHERE ${cond} ORDER BY t.priority DESC, t.sla_deadline NULLS LAST, t.id
        LIMIT ${q.per_page} OFFSET ${pageOffset(q.page, q.per_page)}`,
  );
  const count = await one<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM reports.tasks t JOIN reports.reports r ON r.id = t.report_id WHERE ${cond}`,
  );
  return {
    tasks: list.map(presentRow),
    total: count!.total,
    page: q.page,
    per_page: q.per_page,
    total_pages: totalPages(count!.total, q.per_page),
  };
}

export async function getTask(db: Db, actor: Actor, id: number) {
  const task = await one<any>(
    db,
    sql`SELECT ${taskColumns} FROM reports.tasks t JOIN reports.reports r ON r.id = t.report_id
        WHERE t.id = ${id} AND (${taskScope(actor)} OR ${hasPermission(actor.role, 'reports:assign')})`,
  );
  if (!task) throw notFound('Task', id);
  return presentRow(task);
}

async function reportOfTask(db: Db, actor: Actor, taskId: number): Promise<number> {
  const row = await one<{ report_id: number }>(db, sql`SELECT report_id FROM reports.tasks WHERE id = ${taskId}`);
  if (!row) throw notFound('Task', taskId);
  await assertVisible(db, actor, [row.report_id], 'act').catch(() => {
    throw notFound('Task', taskId);
  });
  return row.report_id;
}

const taskMoves: Record<string, ReportStatus> = {
  acknowledge: 'acknowledged',
  start: 'in_progress',
};

export async function moveTask(
  tx: Db,
  ctx: AuditContext,
  taskId: number,
  action: 'acknowledge' | 'start' | 'submit-for-verification' | 'resolve',
  input: { notes?: string; resolution_notes?: string },
) {
  const reportId = await reportOfTask(tx, ctx.actor!, taskId);
  if (action === 'submit-for-verification' || action === 'resolve') {
    // The officer's "resolve" is a submission: the report is resolved when the resolution is approved.
    await submitForVerification(tx, ctx, reportId, input);
  } else {
    await moveReport(tx, ctx, reportId, taskMoves[action], { notes: input.notes });
  }
  return getTask(tx, ctx.actor!, taskId);
}

export async function updateTask(
  tx: Db,
  ctx: AuditContext,
  taskId: number,
  input: { priority?: number; notes?: string | null },
) {
  await reportOfTask(tx, ctx.actor!, taskId);
  await tx.execute(
    sql`UPDATE reports.tasks SET priority = COALESCE(${input.priority ?? null}::int, priority),
          notes = CASE WHEN ${input.notes !== undefined} THEN ${input.notes ?? null} ELSE notes END
        WHERE id = ${taskId}`,
  );
  await audit(tx, ctx, { action: 'task_updated', resourceType: 'task', resourceId: taskId, extra: { ...input } });
  return getTask(tx, ctx.actor!, taskId);
}
