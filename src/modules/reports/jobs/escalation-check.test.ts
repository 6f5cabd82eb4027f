// The escalation job, run through the job registry with timestamps set in the past by SQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../../db/client.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { department, type Person, person, reportBody } from '../test/fixtures.ts';
import { levelFor, severityFor } from './escalation-check.ts';

let t: TestContext;
let admin: Person;
let citizen: Person;
let officer: Person;
let dept: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t);
  admin = await person(t, 'admin');
  citizen = await person(t, 'citizen');
  officer = await person(t, 'nodal_officer', { department_id: dept });
});
afterAll(() => t.close());

const call = (who: Person, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as any,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as any }),
  });
const run = () => t.deps.jobs.runNow('reports.escalations.check');

async function working(severity = 'low'): Promise<number> {
  const id = (await call(citizen, 'POST', '/api/v1/reports', reportBody({ severity }))).json().report.id;
  await call(admin, 'POST', `/api/v1/reports/${id}/assign-department`, { department_id: dept });
  await call(admin, 'POST', `/api/v1/reports/${id}/assign-officer`, { officer_id: officer.id });
  await call(officer, 'POST', `/api/v1/reports/${id}/acknowledge`, {});
  expect((await call(officer, 'POST', `/api/v1/reports/${id}/start-work`, {})).json().status).toBe('in_progress');
  return id;
}
async function escalate(reportId: number, overdueHours: number, level = 'level_1', reason = 'citizen_complaint') {
  const e = (
    await call(admin, 'POST', '/api/v1/reports/escalations', {
      report_id: reportId,
      level,
      reason,
      description: 'Slow',
    })
  ).json();
  await t.database.db.execute(
    sql`UPDATE reports.escalations SET sla_deadline = now() - make_interval(hours => ${overdueHours}) WHERE id = ${e.id}`,
  );
  return e.id as number;
}
const escalation = (id: number) =>
  one<any>(t.database.db, sql`SELECT level, is_overdue, auto_escalated_at FROM reports.escalations WHERE id = ${id}`);
const severity = async (id: number) =>
  (await one<any>(t.database.db, sql`SELECT severity FROM reports.reports WHERE id = ${id}`)).severity;

describe('escalation rules', () => {
  it('maps overdue hours to severity and level', () => {
    expect([3, 4, 12, 12.5, 24.5, 48.5].map(severityFor)).toEqual([null, null, null, 'medium', 'high', 'critical']);
    expect([3, 4, 12, 24.5, 49].map(levelFor)).toEqual([null, 'level_2', 'level_2', 'level_3', 'level_3']);
  });
});

describe('reports.escalations.check', () => {
  it('is registered with a 15-minute cron', () => {
    const d = t.deps.jobs.definitions.get('reports.escalations.check');
    expect(d?.cron).toBe('*/15 * * * *');
    expect(d?.singleton).toBe(true);
  });

  it('flags overdue escalations and acts only from 4 h overdue, raising severity and level', async () => {
    const r1 = await working();
    const r2 = await working();
    const r3 = await working();
    const r4 = await working('critical');
    const e1 = await escalate(r1, 2); // overdue, under 4 h: flagged only
    const e2 = await escalate(r2, 13); // medium, level_2
    const e3 = await escalate(r3, 49); // critical, level_3
    const e4 = await escalate(r4, 30, 'level_3'); // nothing to raise
    await run();
    expect(await escalation(e1)).toMatchObject({ is_overdue: true, level: 'level_1', auto_escalated_at: null });
    expect(await severity(r1)).toBe('low');
    expect(await escalation(e2)).toMatchObject({ is_overdue: true, level: 'level_2' });
    expect(await severity(r2)).toBe('medium');
    expect(await escalation(e3)).toMatchObject({ level: 'level_3' });
    expect(await severity(r3)).toBe('critical');
    expect(await escalation(e4)).toMatchObject({ level: 'level_3', auto_escalated_at: null });
    const notes = await rows<any>(
      t.database.db,
      sql`SELECT notes FROM reports.report_status_history WHERE report_id = ${r3} AND notes LIKE 'Auto-escalated%'`,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].notes).toContain('severity low → critical');
    const audits = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = 'escalation_auto_escalated'`,
    );
    expect(audits!.n).toBe(2);
    // a second run changes nothing more
    await run();
    expect(
      (await one<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = 'escalation_auto_escalated'`,
      ))!.n,
    ).toBe(2);
  });

  it('escalates stale work with reason unresolved, once', async () => {
    const stuck = await working();
    const held = await working();
    const fresh = await working();
    await call(officer, 'POST', `/api/v1/reports/${held}/on-hold`, { hold_reason: 'Waiting' });
    await t.database.db.execute(
      sql`UPDATE reports.reports SET status_updated_at = now() - interval '15 days' WHERE id = ${stuck}`,
    );
    await t.database.db.execute(
      sql`UPDATE reports.reports SET status_updated_at = now() - interval '31 days' WHERE id = ${held}`,
    );
    await t.database.db.execute(
      sql`UPDATE reports.reports SET status_updated_at = now() - interval '13 days' WHERE id = ${fresh}`,
    );
    await run();
    await run();
    const unresolved = await rows<any>(
      t.database.db,
      sql`SELECT report_id, level, description, escalated_by_user_id FROM reports.escalations WHERE reason = 'unresolved' ORDER BY report_id`,
    );
    expect(unresolved.map((e) => e.report_id)).toEqual([stuck, held]);
    expect(unresolved[0].description).toMatch(/^In progress for 15 days/);
    expect(unresolved[1].description).toMatch(/^On hold for 31 days/);
    expect(unresolved[0].escalated_by_user_id).toBe(admin.id);
  });

  it('marks task SLA violations and flags officers with 3 or more failures in 30 days', async () => {
    const slow = await person(t, 'nodal_officer', { department_id: dept });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = (await call(citizen, 'POST', '/api/v1/reports', reportBody())).json().report.id;
      await call(admin, 'POST', `/api/v1/reports/${id}/assign-department`, { department_id: dept });
      await call(admin, 'POST', `/api/v1/reports/${id}/assign-officer`, { officer_id: slow.id });
      ids.push(id);
    }
    await t.database.db.execute(
      sql`UPDATE reports.tasks SET sla_deadline = now() - interval '1 day' WHERE assigned_to = ${slow.id} AND report_id IN (${ids[0]}, ${ids[1]})`,
    );
    await run();
    expect(
      (
        await one<any>(
          t.database.db,
          sql`SELECT count(*)::int AS n FROM reports.officer_flags WHERE user_id = ${slow.id}`,
        )
      ).n,
    ).toBe(0);
    const violated = await rows<any>(
      t.database.db,
      sql`SELECT sla_violated FROM reports.tasks WHERE assigned_to = ${slow.id} ORDER BY report_id`,
    );
    expect(violated.map((v) => v.sla_violated)).toEqual([2, 2, 0]);
    await call(admin, 'POST', '/api/v1/reports/escalations', {
      report_id: ids[2],
      level: 'level_1',
      reason: 'quality_issue',
      description: 'Poor work',
    });
    await run();
    await run();
    const flags = await rows<any>(
      t.database.db,
      sql`SELECT failure_count FROM reports.officer_flags WHERE user_id = ${slow.id}`,
    );
    expect(flags).toEqual([{ failure_count: 3 }]);
  });

  it('takes the advisory lock; a second runner holding it makes the job skip', async () => {
    const { runEscalationCheck } = await import('./escalation-check.ts');
    // PostgreSQL: another connection holds the lock. PGlite has one session, where advisory locks are re-entrant.
    const client = t.database.pool ? await t.database.pool.connect() : null;
    const hold = (q: string) => (client ? client.query(q) : t.database.query(q));
    await hold('SELECT pg_advisory_lock(72736201)');
    try {
      expect((await runEscalationCheck(t.database.db)).locked).toBe(client === null);
    } finally {
      await hold('SELECT pg_advisory_unlock(72736201)');
      client?.release();
    }
    expect((await runEscalationCheck(t.database.db)).locked).toBe(true);
  });
});
