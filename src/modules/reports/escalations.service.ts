// Escalations up the hierarchy (level_1 department head, level_2 city manager, level_3 mayor/council), each with
// an SLA deadline (now + sla_hours, 24 h by default) that check-overdue and the escalation job watch.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound, unprocessable } from '../../http/errors.ts';
import { pageOffset, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { hasPermission } from '../identity/role-catalogue.ts';
import { assertVisible } from './report-access.ts';
import { visibleReports } from './report-visibility.ts';
import { presentRow, presentRows } from './row.presenter.ts';

export { escalationLevels, escalationReasons } from '../../shared/report-vocabulary.ts';
export const escalationStatuses = [
  'escalated',
  'acknowledged',
  'under_review',
  'action_taken',
  'resolved',
  'de_escalated',
] as const;
const openEscalation = ['escalated', 'acknowledged', 'under_review', 'action_taken'];
export const openEscalationList = sql.raw(openEscalation.map((s) => `'${s}'`).join(', '));
export const defaultSlaHours = 24;

export interface EscalationInput {
  report_id: number;
  level: string;
  reason: string;
  description: string;
  previous_actions?: string;
  urgency_notes?: string;
  escalated_to_user_id?: number;
  sla_hours?: number;
}

/** Inserts an escalation with its SLA deadline (the caller checks who may). */
export async function insertEscalation(tx: Db, escalatedBy: number, input: EscalationInput) {
  return one<any>(
    tx,
    sql`INSERT INTO reports.escalations (report_id, escalated_by_user_id, escalated_to_user_id, level, reason, description,
          previous_actions, urgency_notes, sla_deadline)
        VALUES (${input.report_id}, ${escalatedBy}, ${input.escalated_to_user_id ?? null}, ${input.level}, ${input.reason},
          ${input.description}, ${input.previous_actions ?? null}, ${input.urgency_notes ?? null},
          now() + make_interval(hours => ${input.sla_hours ?? defaultSlaHours}))
        RETURNING *`,
  );
}

export async function createEscalation(tx: Db, ctx: AuditContext, input: EscalationInput) {
  const actor = await assertVisible(tx, ctx.actor, [input.report_id], 'act');
  const report = await one<{ status: string }>(
    tx,
    sql`SELECT status FROM reports.reports WHERE id = ${input.report_id}`,
  );
  if (['closed', 'rejected', 'duplicate'].includes(report!.status)) {
    throw unprocessable('report_closed', `A ${report!.status} report cannot be escalated`);
  }
  if (input.escalated_to_user_id) {
    const target = await one(
      tx,
      sql`SELECT 1 FROM identity.users WHERE id = ${input.escalated_to_user_id} AND is_active`,
    );
    if (!target) throw unprocessable('unknown_user', `User ${input.escalated_to_user_id} does not exist`);
  }
  const row = await insertEscalation(tx, actor.userId, input);
  await audit(tx, ctx, {
    action: 'escalation_created',
    resourceType: 'escalation',
    resourceId: row.id,
    extra: { report_id: input.report_id, level: input.level, reason: input.reason },
  });
  return presentRow(row);
}

export interface EscalationListQuery {
  status?: string;
  level?: string;
  reason?: string;
  is_overdue?: boolean;
  report_id?: number;
  page: number;
  per_page: number;
}

export async function listEscalations(db: Db, actor: Actor, q: EscalationListQuery) {
  const where: SQL[] = [visibleReports(actor)];
  if (q.status) where.push(sql`e.status = ${q.status}`);
  if (q.level) where.push(sql`e.level = ${q.level}`);
  if (q.reason) where.push(sql`e.reason = ${q.reason}`);
  if (q.is_overdue !== undefined) where.push(sql`e.is_overdue = ${q.is_overdue}`);
  if (q.report_id) where.push(sql`e.report_id = ${q.report_id}`);
  const cond = sql.join(where, sql` AND `);
  const list = await rows<any>(
    db,
    sql`SELECT e.* FROM reports.escalations e JOIN reports.reports r ON r.id = e.report_id WHERE ${cond}
        ORDER BY e.is_overdue DESC, e.sla_deadline NULLS LAST, e.id LIMIT ${q.per_page} OFFSET ${pageOffset(q.page, q.per_page)}`,
  );
  const count = await one<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM reports.escalations e JOIN reports.reports r ON r.id = e.report_id WHERE ${cond}`,
  );
  return {
    escalations: presentRows(list),
    total: count!.total,
    page: q.page,
    per_page: q.per_page,
    total_pages: totalPages(count!.total, q.per_page),
  };
}

export async function escalationStats(db: Db, actor: Actor) {
  const by = async (column: 'status' | 'level' | 'reason') =>
    rows<{ key: string; count: number }>(
      db,
      sql`SELECT e.${sql.raw(column)} AS key, count(*)::int AS count
          FROM reports.escalations e JOIN reports.reports r ON r.id = e.report_id
          WHERE ${visibleReports(actor)} GROUP BY 1 ORDER BY 1`,
    );
  const totals = await one<{ total: number; overdue: number; open: number }>(
    db,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE e.is_overdue AND e.status IN (${openEscalationList}))::int AS overdue,
               count(*) FILTER (WHERE e.status IN (${openEscalationList}))::int AS open
        FROM reports.escalations e JOIN reports.reports r ON r.id = e.report_id WHERE ${visibleReports(actor)}`,
  );
  return { ...totals!, by_status: await by('status'), by_level: await by('level'), by_reason: await by('reason') };
}

export async function getEscalation(db: Db, actor: Actor, id: number, forUpdate = false) {
  const row = await one<any>(
    db,
    sql`SELECT * FROM reports.escalations WHERE id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row) throw notFound('Escalation', id);
  if (row.escalated_to_user_id !== actor.userId) {
    await assertVisible(db, actor, [row.report_id], 'read').catch(() => {
      throw notFound('Escalation', id);
    });
  }
  return row;
}

export interface EscalationChange {
  status?: 'acknowledged' | 'under_review' | 'action_taken' | 'resolved' | 'de_escalated';
  response_notes?: string;
  action_taken?: string;
}

/** Acknowledge, update, resolve or de-escalate: by escalation managers or the person escalated to. */
export async function changeEscalation(
  tx: Db,
  ctx: AuditContext,
  id: number,
  change: EscalationChange,
  action: string,
) {
  const actor = ctx.actor!;
  const current = await getEscalation(tx, actor, id, true);
  if (!hasPermission(actor.role, 'escalations:manage') && current.escalated_to_user_id !== actor.userId) {
    throw notFound('Escalation', id);
  }
  if (!openEscalation.includes(current.status)) {
    throw unprocessable('escalation_closed', `A ${current.status} escalation cannot change`);
  }
  const to = change.status ?? current.status;
  if (openEscalation.includes(to) && openEscalation.indexOf(to) < openEscalation.indexOf(current.status)) {
    throw unprocessable('invalid_transition', `An escalation cannot go back from ${current.status} to ${to}`);
  }
  const row = await one<any>(
    tx,
    sql`UPDATE reports.escalations SET status = ${to},
          acknowledged_at = CASE WHEN ${to} <> 'escalated' THEN COALESCE(acknowledged_at, now()) ELSE acknowledged_at END,
          resolved_at = CASE WHEN ${to} IN ('resolved', 'de_escalated') THEN now() ELSE resolved_at END,
          response_notes = COALESCE(${change.response_notes ?? null}, response_notes),
          action_taken = COALESCE(${change.action_taken ?? null}, action_taken)
        WHERE id = ${id} RETURNING *`,
  );
  await audit(tx, ctx, {
    action: `escalation_${action}`,
    resourceType: 'escalation',
    resourceId: id,
    extra: { from: current.status, to },
  });
  return presentRow(row);
}

/** Flags open escalations past their deadline; answers how many were newly flagged. */
export async function flagOverdueEscalations(db: Db): Promise<number> {
  const flagged = await rows<{ id: number }>(
    db,
    sql`UPDATE reports.escalations SET is_overdue = true
        WHERE status IN (${openEscalationList}) AND sla_deadline < now() AND NOT is_overdue RETURNING id`,
  );
  return flagged.length;
}
