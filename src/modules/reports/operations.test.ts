// Tasks, bulk operations, auto-assign, workload, departments and categories through the API.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let citizen: Person;
let officerA: Person;
let officerB: Person;
let dept: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t);
  admin = await person(t, 'admin');
  citizen = await person(t, 'citizen');
  officerA = await person(t, 'nodal_officer', { department_id: dept });
  officerB = await person(t, 'nodal_officer', { department_id: dept });
  await person(t, 'nodal_officer', { department_id: dept, is_active: false });
});
afterAll(() => t.close());

const call = (who: Person, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as any,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as any }),
  });

async function routed(): Promise<number> {
  const res = await call(citizen, 'POST', '/api/v1/reports', reportBody({ title: `Issue ${Math.random()}` }));
  const id = res.json().report.id;
  expect(
    (await call(admin, 'POST', `/api/v1/reports/${id}/assign-department`, { department_id: dept })).statusCode,
  ).toBe(200);
  return id;
}

describe('auto-assign and workload', () => {
  it('assigns the least-loaded active officer of the department', async () => {
    const first = await routed();
    await call(admin, 'POST', `/api/v1/reports/${first}/assign-officer`, { officer_id: officerA.id });
    const second = await routed();
    const res = await call(admin, 'POST', `/api/v1/reports/${second}/auto-assign-officer`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'assigned_to_officer', assigned_officer_id: officerB.id });
    const third = await routed();
    const next = await call(admin, 'POST', `/api/v1/reports/${third}/auto-assign-officer`, {});
    expect(next.json().assigned_officer_id).toBe(officerA.id); // 1 each: the lower id wins
    const workload = await call(admin, 'GET', `/api/v1/reports/workload/department/${dept}`);
    expect(workload.statusCode).toBe(200);
    const loads = Object.fromEntries(workload.json().officers.map((o: any) => [o.officer_id, o.open_tasks]));
    expect(loads[officerA.id]).toBe(2);
    expect(loads[officerB.id]).toBe(1);
    const officers = await call(admin, 'GET', `/api/v1/reports/workload/officers?department_id=${dept}`);
    expect(officers.json().officers).toHaveLength(3);
  });

  it('answers 422 no_officer_available for a department without officers', async () => {
    const empty = await department(t);
    const res = await call(citizen, 'POST', '/api/v1/reports', reportBody());
    const id = res.json().report.id;
    await call(admin, 'POST', `/api/v1/reports/${id}/assign-department`, { department_id: empty });
    const auto = await call(admin, 'POST', `/api/v1/reports/${id}/auto-assign-officer`, {});
    expect(auto.statusCode).toBe(422);
    expect(auto.json().code).toBe('no_officer_available');
  });
});

describe('bulk operations', () => {
  it('reports success or failure per id', async () => {
    const a = await routed();
    const b = await routed();
    const fresh = (await call(citizen, 'POST', '/api/v1/reports', reportBody())).json().report.id;
    const res = await call(admin, 'POST', '/api/v1/reports/bulk/assign-officer', {
      report_ids: [a, b, fresh, 999999],
      officer_id: officerB.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 2, failed: 2 });
    const byId = Object.fromEntries(res.json().results.map((r: any) => [r.id, r]));
    expect(byId[a].success).toBe(true);
    expect(byId[fresh]).toMatchObject({ success: false, code: 'department_required' });
    expect(byId[999999]).toMatchObject({ success: false, code: 'not_found' });

    const sev = await call(admin, 'POST', '/api/v1/reports/bulk/update-severity', {
      report_ids: [a, b],
      severity: 'critical',
    });
    expect(sev.json().succeeded).toBe(2);
    expect((await one<any>(t.database.db, sql`SELECT severity FROM reports.reports WHERE id = ${a}`)).severity).toBe(
      'critical',
    );

    const st = await call(admin, 'POST', '/api/v1/reports/bulk/status', {
      report_ids: [a, fresh],
      status: 'on_hold',
      reason: 'Monsoon',
    });
    expect(st.json().results.map((r: any) => r.success)).toEqual([true, false]);

    const dep = await call(admin, 'POST', '/api/v1/reports/bulk/assign-department', {
      report_ids: [fresh],
      department_id: dept,
    });
    expect(dep.json().succeeded).toBe(1);
    const auto = await call(admin, 'POST', '/api/v1/reports/bulk/auto-assign-officer', { report_ids: [fresh] });
    expect(auto.json().succeeded).toBe(1);
    const audits = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action LIKE 'bulk_%'`,
    );
    expect(audits!.n).toBeGreaterThanOrEqual(5);
  });

  it('needs reports:bulk', async () => {
    const res = await call(officerA, 'POST', '/api/v1/reports/bulk/status', { report_ids: [1], status: 'closed' });
    expect(res.statusCode).toBe(403);
  });
});

describe('tasks', () => {
  it('lets the assigned officer work the task; the task follows the report', async () => {
    const id = await routed();
    await call(admin, 'POST', `/api/v1/reports/${id}/assign-officer`, { officer_id: officerA.id, priority: 9 });
    const mine = await call(officerA, 'GET', '/api/v1/reports/tasks?status=assigned');
    const task = mine.json().tasks.find((x: any) => x.report_id === id);
    expect(task).toMatchObject({ priority: 9, status: 'assigned', report_status: 'assigned_to_officer' });
    // officer B has no area here and no task on this report: the task does not exist for them
    expect((await call(officerB, 'POST', `/api/v1/reports/tasks/${task.id}/acknowledge`, {})).statusCode).toBe(404);
    expect((await call(officerA, 'POST', `/api/v1/reports/tasks/${task.id}/acknowledge`, {})).json().status).toBe(
      'acknowledged',
    );
    expect((await call(officerA, 'POST', `/api/v1/reports/tasks/${task.id}/start`, {})).json().report_status).toBe(
      'in_progress',
    );
    const resolved = await call(officerA, 'POST', `/api/v1/reports/tasks/${task.id}/resolve`, {
      resolution_notes: 'Patched',
    });
    expect(resolved.json()).toMatchObject({
      status: 'pending_verification',
      report_status: 'pending_verification',
      resolution_notes: 'Patched',
    });
    expect((await call(admin, 'PUT', `/api/v1/reports/tasks/${task.id}`, { priority: 11 })).statusCode).toBe(400);
    expect((await call(admin, 'PUT', `/api/v1/reports/tasks/${task.id}`, { priority: 2 })).json().priority).toBe(2);
    expect((await call(officerB, 'GET', `/api/v1/reports/tasks/${task.id}`)).statusCode).toBe(404);
  });
});

describe('departments and categories', () => {
  it('CRUD, stats and officers', async () => {
    const created = await call(admin, 'POST', '/api/v1/reports/departments', {
      name: 'Streetlights',
      keywords: 'lamp, light',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await call(admin, 'POST', '/api/v1/reports/departments', { name: 'Streetlights' })).json().code).toBe(
      'already_exists',
    );
    expect(
      (await call(admin, 'PUT', `/api/v1/reports/departments/${id}`, { contact_email: 'lights@city.example' })).json()
        .contact_email,
    ).toBe('lights@city.example');
    const stats = await call(admin, 'GET', `/api/v1/reports/departments/${dept}/stats`);
    expect(stats.json().officers).toBe(3);
    expect((await call(admin, 'GET', '/api/v1/reports/departments/stats/all')).json().stats.length).toBeGreaterThan(1);
    expect((await call(admin, 'GET', `/api/v1/reports/departments/${dept}/officers`)).json().officers).toHaveLength(3);
    expect((await call(citizen, 'POST', '/api/v1/reports/departments', { name: 'Parks' })).statusCode).toBe(403);
    const cat = await call(admin, 'PUT', '/api/v1/reports/categories/streetlight', {
      department_id: id,
      duplicate_radius_m: 40,
    });
    expect(cat.json()).toMatchObject({ code: 'streetlight', department_id: id, duplicate_radius_m: 40 });
    expect((await call(admin, 'DELETE', `/api/v1/reports/departments/${id}`)).statusCode).toBe(204);
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/reports/categories' });
    expect(pub.json().categories.map((c: any) => c.code)).toEqual([
      'drainage',
      'electricity',
      'other',
      'public_property',
      'roads',
      'sanitation',
      'streetlight',
      'water',
    ]);
  });
});
