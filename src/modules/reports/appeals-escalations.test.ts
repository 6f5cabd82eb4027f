// Appeals (types by role, review rules, reassignment, rework, withdraw) and escalations (SLA, lifecycle).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let citizen: Person;
let stranger: Person;
let officer: Person;
let officer2: Person;
let dept: number;
let dept2: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t);
  dept2 = await department(t);
  admin = await person(t, 'admin');
  citizen = await person(t, 'citizen');
  stranger = await person(t, 'citizen');
  officer = await person(t, 'nodal_officer', { department_id: dept });
  officer2 = await person(t, 'nodal_officer', { department_id: dept });
});
afterAll(() => t.close());

const call = (who: Person, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as any,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as any }),
  });

async function assigned(): Promise<number> {
  const id = (await call(citizen, 'POST', '/api/v1/reports', reportBody())).json().report.id;
  await call(admin, 'POST', `/api/v1/reports/${id}/assign-department`, { department_id: dept });
  expect(
    (await call(admin, 'POST', `/api/v1/reports/${id}/assign-officer`, { officer_id: officer.id })).statusCode,
  ).toBe(200);
  return id;
}
async function resolved(): Promise<number> {
  const id = await assigned();
  for (const a of ['acknowledge', 'start-work', 'submit-for-verification'])
    await call(officer, 'POST', `/api/v1/reports/${id}/${a}`, {});
  expect((await call(admin, 'POST', `/api/v1/reports/${id}/approve-resolution`, {})).json().status).toBe('resolved');
  return id;
}

describe('appeals', () => {
  it('lets each role file only its own appeal types', async () => {
    const id = await assigned();
    const mk = (who: Person, appeal_type: string) =>
      call(who, 'POST', '/api/v1/reports/appeals', { report_id: id, appeal_type, reason: 'Because' });
    expect((await mk(citizen, 'classification')).statusCode).toBe(201);
    expect((await mk(citizen, 'classification')).json().code).toBe('appeal_open');
    expect((await mk(citizen, 'workload')).json().code).toBe('appeal_type_not_allowed');
    expect((await mk(stranger, 'resolution')).statusCode).toBe(403);
    expect((await mk(officer, 'workload')).statusCode).toBe(201);
    expect((await mk(admin, 'quality_concern')).statusCode).toBe(201);
    const bad = await mk(citizen, 'vibes');
    expect(bad.statusCode).toBe(400);
  });

  it('reviews only submitted or under_review appeals; withdraw by the submitter', async () => {
    const id = await assigned();
    const appeal = (
      await call(citizen, 'POST', '/api/v1/reports/appeals', {
        report_id: id,
        appeal_type: 'classification',
        reason: 'Wrong category',
      })
    ).json();
    expect(
      (await call(admin, 'POST', `/api/v1/reports/appeals/${appeal.id}/review`, { status: 'under_review' })).json()
        .status,
    ).toBe('under_review');
    expect((await call(stranger, 'POST', `/api/v1/reports/appeals/${appeal.id}/withdraw`)).statusCode).toBe(404);
    expect((await call(citizen, 'POST', `/api/v1/reports/appeals/${appeal.id}/withdraw`)).json().status).toBe(
      'withdrawn',
    );
    const again = await call(admin, 'POST', `/api/v1/reports/appeals/${appeal.id}/review`, { status: 'approved' });
    expect({ s: again.statusCode, c: again.json().code }).toEqual({ s: 422, c: 'appeal_not_reviewable' });
    const rejectedOne = (
      await call(citizen, 'POST', '/api/v1/reports/appeals', {
        report_id: id,
        appeal_type: 'rejection',
        reason: 'x y z',
      })
    ).json();
    await call(admin, 'POST', `/api/v1/reports/appeals/${rejectedOne.id}/review`, {
      status: 'rejected',
      review_notes: 'No',
    });
    expect(
      (await call(admin, 'POST', `/api/v1/reports/appeals/${rejectedOne.id}/review`, { status: 'approved' })).json()
        .code,
    ).toBe('appeal_not_reviewable');
    const stats = (await call(admin, 'GET', '/api/v1/reports/appeals/stats')).json();
    expect(stats.by_status).toEqual(
      expect.arrayContaining([
        { key: 'withdrawn', count: 1 },
        { key: 'rejected', count: 1 },
      ]),
    );
  });

  it('an approved incorrect_assignment reassigns the officer and department', async () => {
    const id = await assigned();
    const appeal = (
      await call(officer, 'POST', '/api/v1/reports/appeals', {
        report_id: id,
        appeal_type: 'incorrect_assignment',
        reason: 'Not my area',
      })
    ).json();
    const noTarget = await call(admin, 'POST', `/api/v1/reports/appeals/${appeal.id}/review`, { status: 'approved' });
    expect(noTarget.json().code).toBe('reassignment_required');
    const other = await person(t, 'nodal_officer', { department_id: dept2 });
    const res = await call(admin, 'POST', `/api/v1/reports/appeals/${appeal.id}/review`, {
      status: 'approved',
      reassigned_to_user_id: other.id,
      reassigned_to_department_id: dept2,
      reassignment_reason: 'Belongs to dept 2',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      reassigned_to_user_id: other.id,
      reassigned_to_department_id: dept2,
    });
    const row = await one<any>(
      t.database.db,
      sql`SELECT r.department_id, t.assigned_to FROM reports.reports r JOIN reports.tasks t ON t.report_id = r.id WHERE r.id = ${id}`,
    );
    expect(row).toEqual({ department_id: dept2, assigned_to: other.id });
  });

  it('an approved resolution appeal with requires_rework sends report and task back to in_progress', async () => {
    const id = await resolved();
    const appeal = (
      await call(citizen, 'POST', '/api/v1/reports/appeals', {
        report_id: id,
        appeal_type: 'resolution',
        reason: 'Still broken',
      })
    ).json();
    const res = await call(admin, 'POST', `/api/v1/reports/appeals/${appeal.id}/review`, {
      status: 'approved',
      requires_rework: true,
      rework_assigned_to_user_id: officer2.id,
      rework_notes: 'Redo the patch',
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await one<any>(
      t.database.db,
      sql`SELECT r.status AS report_status, t.status AS task_status, t.assigned_to, t.notes FROM reports.reports r JOIN reports.tasks t ON t.report_id = r.id WHERE r.id = ${id}`,
    );
    expect(row).toEqual({
      report_status: 'in_progress',
      task_status: 'in_progress',
      assigned_to: officer2.id,
      notes: 'REWORK REQUIRED: Redo the patch',
    });
    expect((await call(officer, 'POST', `/api/v1/reports/appeals/${appeal.id}/complete-rework`, {})).statusCode).toBe(
      404,
    );
    const done = await call(officer2, 'POST', `/api/v1/reports/appeals/${appeal.id}/complete-rework`, {
      notes: 'Redone',
    });
    expect(done.json()).toMatchObject({ rework_completed: true });
    expect((await one<any>(t.database.db, sql`SELECT status FROM reports.reports WHERE id = ${id}`)).status).toBe(
      'pending_verification',
    );
    expect((await call(officer2, 'POST', `/api/v1/reports/appeals/${appeal.id}/complete-rework`, {})).json().code).toBe(
      'no_rework_pending',
    );
  });
});

describe('escalations', () => {
  it('sets the SLA deadline, moves through its statuses and flags overdue ones', async () => {
    const id = await assigned();
    const created = await call(admin, 'POST', '/api/v1/reports/escalations', {
      report_id: id,
      level: 'level_1',
      reason: 'sla_breach',
      description: 'Too slow',
    });
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json();
    const hours = (Date.parse(e.sla_deadline) - Date.parse(e.created_at)) / 3_600_000;
    expect(Math.round(hours)).toBe(24);
    const custom = (
      await call(admin, 'POST', '/api/v1/reports/escalations', {
        report_id: id,
        level: 'level_2',
        reason: 'vip_attention',
        description: 'Mayor asked',
        sla_hours: 2,
      })
    ).json();
    expect(Math.round((Date.parse(custom.sla_deadline) - Date.parse(custom.created_at)) / 3_600_000)).toBe(2);
    expect((await call(admin, 'POST', `/api/v1/reports/escalations/${e.id}/acknowledge`)).json()).toMatchObject({
      status: 'acknowledged',
    });
    expect(
      (
        await call(admin, 'POST', `/api/v1/reports/escalations/${e.id}/update`, {
          status: 'action_taken',
          action_taken: 'Crew sent',
        })
      ).json(),
    ).toMatchObject({
      status: 'action_taken',
      action_taken: 'Crew sent',
    });
    expect(
      (await call(admin, 'POST', `/api/v1/reports/escalations/${e.id}/update`, { status: 'under_review' })).json().code,
    ).toBe('invalid_transition');
    expect(
      (await call(admin, 'POST', `/api/v1/reports/escalations/${e.id}/resolve`, { response_notes: 'Fixed' })).json()
        .status,
    ).toBe('resolved');
    expect((await call(admin, 'POST', `/api/v1/reports/escalations/${e.id}/de-escalate`)).json().code).toBe(
      'escalation_closed',
    );
    await t.database.db.execute(
      sql`UPDATE reports.escalations SET sla_deadline = now() - interval '1 hour' WHERE id = ${custom.id}`,
    );
    expect((await call(admin, 'POST', '/api/v1/reports/escalations/check-overdue')).json()).toEqual({ flagged: 1 });
    const overdue = (await call(admin, 'GET', '/api/v1/reports/escalations?is_overdue=true')).json();
    expect(overdue.escalations.map((x: any) => x.id)).toEqual([custom.id]);
    expect((await call(admin, 'POST', `/api/v1/reports/escalations/${custom.id}/de-escalate`)).json().status).toBe(
      'de_escalated',
    );
    const stats = (await call(admin, 'GET', '/api/v1/reports/escalations/stats')).json();
    expect(stats).toMatchObject({ total: 2, open: 0 });
    expect(
      (
        await call(citizen, 'POST', '/api/v1/reports/escalations', {
          report_id: id,
          level: 'level_1',
          reason: 'unresolved',
          description: 'abc',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(admin, 'POST', '/api/v1/reports/escalations', {
          report_id: id,
          level: 'level_4',
          reason: 'unresolved',
          description: 'abc',
        })
      ).statusCode,
    ).toBe(400);
  });
});
