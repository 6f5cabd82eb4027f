// reports.escalations.check (every 15 minutes, one runner at a time by advisory lock):
// 1. flags open escalations past their SLA deadline (is_overdue);
// 2. auto-escalates those overdue by 4 h or more (HEAD auto-escalation rules): the report's severity rises to
//    medium past 12 h, high past 24 h, critical past 48 h, and the escalation to level_2 from 4 h, level_3 past
//    24 h — never lowered, recorded in the status history and the audit log;
// 3. escalates stale work (in_progress > 14 days, on_hold > 30 days without a status change) with reason unresolved;
// 4. marks tasks past their SLA (sla_violated 2, warning 1 within 4 h) and flags officers with 3 or more SLA or
//    quality failures in 30 days.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../../db/client.ts';
import { audit, systemContext } from '../../identity/audit.ts';
import { flagOverdueEscalations, insertEscalation, openEscalationList } from '../escalations.service.ts';

export const escalationJobLock = 72736201;
const severityRank: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
const levelRank: Record<string, number> = { level_1: 1, level_2: 2, level_3: 3 };

export function severityFor(overdueHours: number): string | null {
  if (overdueHours > 48) return 'critical';
  if (overdueHours > 24) return 'high';
  if (overdueHours > 12) return 'medium';
  return null;
}

export function levelFor(overdueHours: number): string | null {
  if (overdueHours > 24) return 'level_3';
  if (overdueHours >= 4) return 'level_2';
  return null;
}

export interface EscalationCheckResult {
  locked: boolean;
  flagged: number;
  auto_escalated: number;
  stale_escalations: number;
  tasks_violated: number;
  officers_flagged: number;
}

async function autoEscalate(tx: Db): Promise<number> {
  const overdue = await rows<{
    id: number;
    report_id: number;
    level: string;
    severity: string;
    status: string;
    overdue_hours: number;
  }>(
    tx,
    sql`SELECT e.id, e.report_id, e.level, r.severity, r.status,
               extract(epoch FROM now() - e.sla_deadline)::float8 / 3600 AS overdue_hours
        FROM reports.escalations e JOIN reports.reports r ON r.id = e.report_id
        WHERE e.status IN (${openEscalationList}) AND e.sla_deadline <= now() - interval '4 hours'
        ORDER BY e.id FOR UPDATE OF e, r`,
  );
  let acted = 0;
  for (const e of overdue) {
    const severity = severityFor(e.overdue_hours);
    const level = levelFor(e.overdue_hours);
    const raiseSeverity = severity !== null && severityRank[severity] > severityRank[e.severity];
    const raiseLevel = level !== null && levelRank[level] > levelRank[e.level];
    if (!raiseSeverity && !raiseLevel) continue;
    const hours = Math.floor(e.overdue_hours);
    const changes = [
      raiseSeverity ? `severity ${e.severity} → ${severity}` : null,
      raiseLevel ? `escalation ${e.level} → ${level}` : null,
    ].filter(Boolean);
    const notes = `Auto-escalated: escalation #${e.id} overdue ${hours} h; ${changes.join(', ')}`;
    if (raiseSeverity)
      await tx.execute(sql`UPDATE reports.reports SET severity = ${severity} WHERE id = ${e.report_id}`);
    await tx.execute(
      sql`UPDATE reports.escalations SET is_overdue = true, auto_escalated_at = now(),
            level = ${raiseLevel ? level : e.level} WHERE id = ${e.id}`,
    );
    await tx.execute(
      sql`INSERT INTO reports.report_status_history (report_id, old_status, new_status, changed_by_user_id, notes)
          VALUES (${e.report_id}, ${e.status}, ${e.status}, NULL, ${notes})`,
    );
    await audit(tx, systemContext, {
      action: 'escalation_auto_escalated',
      resourceType: 'escalation',
      resourceId: e.id,
      description: notes,
      extra: {
        report_id: e.report_id,
        overdue_hours: hours,
        severity: raiseSeverity ? severity : null,
        level: raiseLevel ? level : null,
      },
    });
    acted++;
  }
  return acted;
}

/** The user recorded as the escalator of system escalations: the first active super admin or admin. */
async function systemEscalator(tx: Db): Promise<number | null> {
  const row = await one<{ id: number }>(
    tx,
    sql`SELECT id FROM identity.users WHERE is_active AND role IN ('super_admin', 'admin')
        ORDER BY CASE role WHEN 'super_admin' THEN 0 ELSE 1 END, id LIMIT 1`,
  );
  return row?.id ?? null;
}

async function escalateStaleWork(tx: Db): Promise<number> {
  const stale = await rows<{ id: number; status: string; days: number }>(
    tx,
    sql`SELECT r.id, r.status, floor(extract(epoch FROM now() - r.status_updated_at) / 86400)::int AS days
        FROM reports.reports r
        WHERE ((r.status = 'in_progress' AND r.status_updated_at < now() - interval '14 days')
            OR (r.status = 'on_hold' AND r.status_updated_at < now() - interval '30 days'))
          AND NOT EXISTS (SELECT 1 FROM reports.escalations e
                          WHERE e.report_id = r.id AND e.reason = 'unresolved' AND e.status IN (${openEscalationList}))
        ORDER BY r.id`,
  );
  if (stale.length === 0) return 0;
  const escalator = await systemEscalator(tx);
  if (escalator === null) return 0;
  for (const r of stale) {
    const description =
      r.status === 'in_progress'
        ? `In progress for ${r.days} days without a status change`
        : `On hold for ${r.days} days without a status change`;
    const row = await insertEscalation(tx, escalator, {
      report_id: r.id,
      level: 'level_1',
      reason: 'unresolved',
      description,
    });
    await audit(tx, systemContext, {
      action: 'escalation_created',
      resourceType: 'escalation',
      resourceId: row.id,
      description: `Stale work: ${description}`,
      extra: { report_id: r.id, automatic: true },
    });
  }
  return stale.length;
}

async function markTaskSla(tx: Db): Promise<number> {
  const open = sql.raw(`'assigned', 'acknowledged', 'in_progress', 'pending_verification', 'on_hold'`);
  const violated = await rows<{ id: number }>(
    tx,
    sql`UPDATE reports.tasks SET sla_violated = 2, sla_violation_count = sla_violation_count + 1
        WHERE status IN (${open}) AND sla_deadline < now() AND sla_violated < 2 RETURNING id`,
  );
  await tx.execute(
    sql`UPDATE reports.tasks SET sla_violated = 1
        WHERE status IN (${open}) AND sla_violated = 0 AND sla_deadline BETWEEN now() AND now() + interval '4 hours'`,
  );
  return violated.length;
}

async function flagOfficers(tx: Db): Promise<number> {
  const flagged = await rows<{ user_id: number; failures: number }>(
    tx,
    sql`WITH failures AS (
          SELECT t.assigned_to AS user_id, count(*) AS n FROM reports.tasks t
          WHERE t.sla_violated = 2 AND t.sla_deadline > now() - interval '30 days'
          GROUP BY 1
          UNION ALL
          SELECT t.assigned_to, count(*) FROM reports.escalations e JOIN reports.tasks t ON t.report_id = e.report_id
          WHERE e.reason IN ('sla_breach', 'quality_issue') AND e.created_at > now() - interval '30 days'
          GROUP BY 1)
        INSERT INTO reports.officer_flags (user_id, failure_count)
        SELECT f.user_id, sum(f.n)::int FROM failures f
        JOIN identity.users u ON u.id = f.user_id AND u.role = 'nodal_officer'
        WHERE NOT EXISTS (SELECT 1 FROM reports.officer_flags o WHERE o.user_id = f.user_id AND o.cleared_at IS NULL)
        GROUP BY f.user_id HAVING sum(f.n) >= 3
        RETURNING user_id, failure_count AS failures`,
  );
  for (const f of flagged) {
    await audit(tx, systemContext, {
      action: 'officer_flagged',
      resourceType: 'user',
      resourceId: f.user_id,
      description: `${f.failures} SLA or quality failures in 30 days`,
      extra: { failures: f.failures },
    });
  }
  return flagged.length;
}

export async function runEscalationCheck(db: Db): Promise<EscalationCheckResult> {
  return db.transaction(async (tx) => {
    const lock = await one<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${escalationJobLock}) AS ok`);
    if (!lock?.ok) {
      return {
        locked: false,
        flagged: 0,
        auto_escalated: 0,
        stale_escalations: 0,
        tasks_violated: 0,
        officers_flagged: 0,
      };
    }
    const flagged = await flagOverdueEscalations(tx);
    const auto_escalated = await autoEscalate(tx);
    const stale_escalations = await escalateStaleWork(tx);
    const tasks_violated = await markTaskSla(tx);
    const officers_flagged = await flagOfficers(tx);
    return { locked: true, flagged, auto_escalated, stale_escalations, tasks_violated, officers_flagged };
  });
}
