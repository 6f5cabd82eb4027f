// The hold-approval flow: holds older than 7 days or asked for by the officer wait for an administrator, who
// approves (recording who, optionally extending the resume date) or refuses (work resumes: in_progress).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let officer: Person;
let otherOfficer: Person;
let citizen: Person;
let dept: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t);
  admin = await person(t, 'admin');
  officer = await person(t, 'nodal_officer', { department_id: dept });
  otherOfficer = await person(t, 'nodal_officer', { department_id: dept });
  citizen = await person(t, 'citizen');
  await t.database.db.execute(sql`INSERT INTO reports.area_assignments (user_id, area_type, area_name, area_data)
    VALUES (${otherOfficer.id}, 'radius', 'Ranchi', '{"type":"radius","center_lat":23.34,"center_lon":85.31,"radius_km":30}')`);
});
afterAll(() => t.close());

const post = (who: Person, url: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload });

/** A report in progress, then put on hold by its officer. */
async function onHold(): Promise<number> {
  const filed = await post(citizen, '/api/v1/reports', reportBody());
  expect(filed.statusCode, filed.body).toBe(201);
  const id = filed.json().report.id;
  for (const [who, action, body] of [
    [admin, 'assign-department', { department_id: dept }],
    [admin, 'assign-officer', { officer_id: officer.id }],
    [officer, 'acknowledge', {}],
    [officer, 'start-work', {}],
    [officer, 'on-hold', { hold_reason: 'Waiting for the asphalt delivery' }],
  ] as const) {
    const res = await post(who, `/api/v1/reports/${id}/${action}`, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  return id;
}

const pending = async () => {
  const res = await t.app.inject({ url: '/api/v1/reports/hold-approvals/pending', headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().holds.map((h: any) => h.report_id) as number[];
};
const auditActions = async (id: number) =>
  (
    await rows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM identity.audit_logs WHERE resource_type = 'report' AND resource_id = ${String(id)} ORDER BY id`,
    )
  ).map((r) => r.action);

describe('hold approvals', () => {
  it('the officer asks, the hold waits for an admin, who approves and extends it', async () => {
    const id = await onHold();
    expect(await pending()).not.toContain(id);
    const refused = await post(otherOfficer, `/api/v1/reports/hold-approvals/${id}/request-approval`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_assigned_officer');
    const asked = await post(officer, `/api/v1/reports/hold-approvals/${id}/request-approval`);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().hold_approval_required).toBe(true);
    expect(await pending()).toContain(id);

    expect((await post(officer, `/api/v1/reports/hold-approvals/${id}/approve`, { approved: true })).statusCode).toBe(
      403,
    );
    const approved = await post(admin, `/api/v1/reports/hold-approvals/${id}/approve`, {
      approved: true,
      approval_notes: 'Supplier confirmed',
      extended_duration_days: 5,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'on_hold',
      hold_approval_required: false,
      hold_approved_by_user_id: admin.id,
    });
    const resume = new Date(approved.json().estimated_resume_date).getTime();
    expect(resume).toBeGreaterThan(Date.now() + 4.9 * 86400_000);
    const task = await one<{ notes: string }>(
      t.database.db,
      sql`SELECT notes FROM reports.tasks WHERE report_id = ${id}`,
    );
    expect(task!.notes).toContain('[HOLD APPROVED] Supplier confirmed');
    expect(await pending()).not.toContain(id);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['hold_approval_requested', 'hold_approved']));
  });

  it('a hold older than 7 days waits without a request; refusing it sends the report back to in_progress', async () => {
    const id = await onHold();
    await t.database.db.execute(
      sql`UPDATE reports.reports SET status_updated_at = now() - interval '8 days' WHERE id = ${id}`,
    );
    expect(await pending()).toContain(id);
    const rejected = await post(admin, `/api/v1/reports/hold-approvals/${id}/approve`, {
      approved: false,
      approval_notes: 'The delivery is not a reason to stop',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'in_progress', hold_approval_required: false });
    const history = await rows<{ new_status: string; notes: string }>(
      t.database.db,
      sql`SELECT new_status, notes FROM reports.report_status_history WHERE report_id = ${id} ORDER BY id DESC LIMIT 1`,
    );
    expect(history[0].new_status).toBe('in_progress');
    expect(history[0].notes).toMatch(/^Hold rejected by admin: The delivery is not a reason to stop/);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['report_status_changed', 'hold_rejected']));
    expect(await pending()).not.toContain(id);
    const again = await post(admin, `/api/v1/reports/hold-approvals/${id}/approve`, { approved: true });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('not_on_hold');
  });

  it('refuses citizens, unknown reports and bad bodies', async () => {
    const id = await onHold();
    expect((await post(citizen, `/api/v1/reports/hold-approvals/${id}/approve`, { approved: true })).statusCode).toBe(
      403,
    );
    expect(
      (await t.app.inject({ url: '/api/v1/reports/hold-approvals/pending', headers: officer.headers })).statusCode,
    ).toBe(403);
    expect((await post(admin, '/api/v1/reports/hold-approvals/99999999/approve', { approved: true })).statusCode).toBe(
      404,
    );
    expect((await post(admin, `/api/v1/reports/hold-approvals/${id}/approve`, {})).statusCode).toBe(400);
    const noExtension = await post(admin, `/api/v1/reports/hold-approvals/${id}/approve`, {
      approved: false,
      extended_duration_days: 3,
    });
    expect(noExtension.statusCode).toBe(422);
    expect(noExtension.json().code).toBe('extension_needs_approval');
  });
});
