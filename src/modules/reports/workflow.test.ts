// Every path of the transition table through the API, with prerequisites and illegal moves as 422s.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let moderator: Person;
let officer: Person;
let otherOfficer: Person;
let citizen: Person;
let dept: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t, 'pothole, road');
  admin = await person(t, 'admin');
  moderator = await person(t, 'moderator');
  officer = await person(t, 'nodal_officer', { department_id: dept });
  otherOfficer = await person(t, 'nodal_officer', { department_id: dept });
  citizen = await person(t, 'citizen');
  // the moderator and both officers work the whole city
  for (const p of [moderator, officer, otherOfficer]) {
    await t.database.db.execute(sql`INSERT INTO reports.area_assignments (user_id, area_type, area_name, area_data)
      VALUES (${p.id}, 'radius', 'Ranchi', '{"type":"radius","center_lat":23.34,"center_lon":85.31,"radius_km":30}')`);
  }
});
afterAll(() => t.close());

async function post(who: Person, url: string, payload: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url, headers: who.headers, payload });
}
async function file(): Promise<number> {
  const res = await post(citizen, '/api/v1/reports', reportBody());
  expect(res.statusCode, res.body).toBe(201);
  return res.json().report.id;
}
async function act(who: Person, id: number, action: string, payload: Record<string, unknown> = {}, method = 'POST') {
  return t.app.inject({ method: method as any, url: `/api/v1/reports/${id}/${action}`, headers: who.headers, payload });
}
async function ok(who: Person, id: number, action: string, payload: Record<string, unknown> = {}, method = 'POST') {
  const res = await act(who, id, action, payload, method);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}
async function problem(res: { statusCode: number; headers: any; json: () => any }, status: number, code: string) {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
}
/** received → classified → assigned_to_department → assigned_to_officer */
async function toOfficer(): Promise<number> {
  const id = await file();
  await ok(
    moderator,
    id,
    'classify',
    { manual_category: 'roads', manual_severity: 'high', classification_notes: 'ok' },
    'PUT',
  );
  await ok(admin, id, 'assign-department', { department_id: dept });
  await ok(admin, id, 'assign-officer', { officer_id: officer.id, priority: 8 });
  return id;
}
const history = async (id: number) =>
  (
    await rows<{ old_status: string | null; new_status: string }>(
      t.database.db,
      sql`SELECT old_status, new_status FROM reports.report_status_history WHERE report_id = ${id} ORDER BY id`,
    )
  ).map((h) => `${h.old_status}>${h.new_status}`);

describe('report workflow through the API', () => {
  it('walks the main path to closed, with history and audit for every change', async () => {
    const id = await toOfficer();
    const classified = await one<any>(
      t.database.db,
      sql`SELECT manual_category, manual_severity, severity, classified_by_user_id FROM reports.reports WHERE id = ${id}`,
    );
    expect(classified).toEqual({
      manual_category: 'roads',
      manual_severity: 'high',
      severity: 'high',
      classified_by_user_id: moderator.id,
    });
    expect((await ok(officer, id, 'acknowledge')).status).toBe('acknowledged');
    expect((await ok(officer, id, 'start-work')).status).toBe('in_progress');
    expect((await ok(officer, id, 'submit-for-verification', { resolution_notes: 'Filled' })).status).toBe(
      'pending_verification',
    );
    expect((await ok(admin, id, 'approve-resolution')).status).toBe('resolved');
    expect((await ok(admin, id, 'status', { status: 'closed' })).status).toBe('closed');
    expect(await history(id)).toEqual([
      'null>received',
      'received>pending_classification',
      'pending_classification>classified',
      'classified>assigned_to_department',
      'assigned_to_department>assigned_to_officer',
      'assigned_to_officer>acknowledged',
      'acknowledged>in_progress',
      'in_progress>pending_verification',
      'pending_verification>resolved',
      'resolved>closed',
    ]);
    const task = await one<any>(
      t.database.db,
      sql`SELECT status, priority, resolution_notes FROM reports.tasks WHERE report_id = ${id}`,
    );
    expect(task).toEqual({ status: 'resolved', priority: 8, resolution_notes: 'Filled' });
    const audits = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE resource_type = 'report' AND resource_id = ${String(id)} AND action = 'report_status_changed'`,
    );
    expect(audits!.n).toBe(9);
  });

  it('reopens a closed report and reworks it; reject-resolution sends work back', async () => {
    const id = await toOfficer();
    await ok(officer, id, 'acknowledge');
    await ok(officer, id, 'start-work');
    await ok(officer, id, 'submit-for-verification');
    expect((await ok(admin, id, 'reject-resolution', { reason: 'Still broken' })).status).toBe('in_progress');
    await ok(officer, id, 'submit-for-verification');
    await ok(admin, id, 'approve-resolution');
    expect((await ok(admin, id, 'reopen', { reason: 'Came back' })).status).toBe('reopened');
    expect((await ok(officer, id, 'start-work')).status).toBe('in_progress');
    await ok(officer, id, 'submit-for-verification');
    expect((await ok(admin, id, 'reject', { rejection_reason: 'Not fixable' })).status).toBe('rejected');
    await problem(await act(admin, id, 'reopen'), 422, 'invalid_transition');
  });

  it('puts work on hold with a reason and resumes from it', async () => {
    const id = await toOfficer();
    await problem(await act(officer, id, 'on-hold', {}), 400, 'validation_failed');
    const held = await ok(officer, id, 'on-hold', { hold_reason: 'Waiting for material' });
    expect(held).toMatchObject({ status: 'on_hold', hold_reason: 'Waiting for material' });
    expect((await ok(officer, id, 'start-work')).status).toBe('in_progress');
    await ok(officer, id, 'on-hold', { hold_reason: 'Rain' });
    expect((await ok(admin, id, 'assign-officer', { officer_id: otherOfficer.id })).status).toBe('assigned_to_officer');
    expect(
      await one<any>(t.database.db, sql`SELECT assigned_to, status FROM reports.tasks WHERE report_id = ${id}`),
    ).toEqual({
      assigned_to: otherOfficer.id,
      status: 'assigned',
    });
  });

  it('lets the assigned officer reject the assignment, then reassigns or sends it back to classified', async () => {
    const id = await toOfficer();
    await problem(
      await act(otherOfficer, id, 'reject-assignment', { reason: 'Not mine' }),
      403,
      'not_assigned_officer',
    );
    const rejected = await ok(officer, id, 'reject-assignment', { reason: 'Wrong ward' });
    expect(rejected).toMatchObject({
      status: 'assignment_rejected',
      assignment_rejection_reason: 'Wrong ward',
      assignment_rejected_by_user_id: officer.id,
    });
    expect((await ok(admin, id, 'assign-officer', { officer_id: otherOfficer.id })).status).toBe('assigned_to_officer');
    await ok(otherOfficer, id, 'reject-assignment', { reason: 'Also not mine' });
    expect((await ok(admin, id, 'status', { status: 'classified' })).status).toBe('classified');
  });

  it('rejects and marks duplicates at intake', async () => {
    const a = await file();
    const b = await file();
    await problem(
      await act(moderator, b, 'mark-duplicate', { duplicate_of_report_id: b }),
      422,
      'invalid_duplicate_target',
    );
    const dup = await ok(moderator, b, 'mark-duplicate', { duplicate_of_report_id: a });
    expect(dup).toMatchObject({ status: 'duplicate', is_duplicate: true, duplicate_of_report_id: a });
    const rej = await ok(moderator, a, 'reject', { rejection_reason: 'Spam' });
    expect(rej).toMatchObject({ status: 'rejected', rejection_reason: 'Spam' });
    await problem(await act(admin, a, 'status', { status: 'received' }), 422, 'invalid_transition');
  });

  it('answers prerequisites and illegal moves with 422 and a stable code', async () => {
    const id = await file();
    await problem(await act(admin, id, 'status', { status: 'assigned_to_department' }), 422, 'department_required');
    await problem(await act(admin, id, 'status', { status: 'assigned_to_officer' }), 422, 'invalid_transition');
    await problem(await act(admin, id, 'assign-officer', { officer_id: officer.id }), 422, 'department_required');
    await problem(await act(admin, id, 'acknowledge'), 422, 'invalid_transition');
    await problem(await act(admin, id, 'approve-resolution'), 422, 'invalid_transition');
    await problem(await act(admin, id, 'status', { status: 'rejected' }), 422, 'reason_required');
    await problem(await act(admin, id, 'status', { status: 'duplicate' }), 422, 'duplicate_of_required');
    await ok(admin, id, 'assign-department', { department_id: dept });
    await problem(await act(admin, id, 'status', { status: 'assigned_to_officer' }), 422, 'task_required');
    await problem(await act(admin, id, 'assign-officer', { officer_id: citizen.id }), 422, 'not_an_officer');
    const res = await act(admin, id, 'status', { status: 'flying' });
    await problem(res, 400, 'validation_failed');
    // the unchanged status is allowed and writes nothing
    expect((await ok(admin, id, 'status', { status: 'assigned_to_department' })).status).toBe('assigned_to_department');
  });

  it('keeps roles to their moves', async () => {
    const id = await file();
    await problem(await act(citizen, id, 'classify', {}, 'PUT'), 403, 'forbidden');
    await problem(await act(officer, id, 'assign-department', { department_id: dept }), 403, 'forbidden');
    await problem(await act(moderator, id, 'approve-resolution'), 403, 'forbidden');
  });

  it('adds progress updates without changing the status', async () => {
    const id = await toOfficer();
    await ok(officer, id, 'add-update', { notes: 'Crew on the way' });
    const h = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}/history`, headers: officer.headers });
    expect(h.json().history.at(-1)).toMatchObject({
      old_status: 'assigned_to_officer',
      new_status: 'assigned_to_officer',
      notes: 'Crew on the way',
    });
    // Staff see who made each change; the citizen who filed it sees the change, not the officer's name.
    const name = await one<{ name: string }>(
      t.database.db,
      sql`SELECT coalesce(full_name, username) AS name FROM identity.users WHERE id = ${officer.id}`,
    );
    expect(h.json().history.at(-1)).toMatchObject({ changed_by_user_id: officer.id, changed_by_name: name!.name });
    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}/history`, headers: citizen.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().history.at(-1)).toMatchObject({ notes: 'Crew on the way', changed_by_name: null });
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: citizen.headers });
    expect(
      detail.json().status_history.every((e: { changed_by_name: string | null }) => e.changed_by_name === null),
    ).toBe(true);
  });

  it('offers the moves of the transition table as actions, disabled with a reason when a prerequisite is missing', async () => {
    const id = await file();
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: admin.headers })).json();
    expect(detail.available_actions.map((a: any) => a.to_status)).toEqual([
      'pending_classification',
      'assigned_to_department',
      'rejected',
      'duplicate',
    ]);
    expect(detail.available_actions.every((a: any) => a.enabled)).toBe(true);
    await t.database.db.execute(
      sql`UPDATE reports.reports SET department_id = ${dept}, status = 'assigned_to_department' WHERE id = ${id}`,
    );
    await t.database.db.execute(sql`INSERT INTO reports.tasks (report_id, assigned_to) VALUES (${id}, ${officer.id})`);
    await t.database.db.execute(sql`UPDATE reports.reports SET status = 'assigned_to_officer' WHERE id = ${id}`);
    await t.database.db.execute(sql`DELETE FROM reports.tasks WHERE report_id = ${id}`);
    const again = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: admin.headers })).json();
    const ack = again.available_actions.find((a: any) => a.to_status === 'acknowledged');
    expect(ack).toMatchObject({ action: 'acknowledge', enabled: false, disabled_code: 'task_required' });
  });
});
