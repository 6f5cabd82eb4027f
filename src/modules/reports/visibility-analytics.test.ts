// Area visibility (PostGIS), list filters, my-reports, duplicate candidates, auto-promotion, analytics, edits.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let citizen: Person;
let dept: number;
// Ranchi centre and a point ~40 km away (Khunti)
const ranchi = { latitude: 23.3441, longitude: 85.3096 };
const far = { latitude: 23.07, longitude: 85.28 };

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t);
  admin = await person(t, 'admin');
  citizen = await person(t, 'citizen');
});
afterAll(() => t.close());

const call = (who: Person, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as any,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as any }),
  });
const file = async (body: Record<string, unknown>, who = citizen) => {
  const res = await call(who, 'POST', '/api/v1/reports', reportBody(body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('area visibility', () => {
  it('shows moderators and officers only reports inside their areas; others answer 404', async () => {
    const inside = (await file({ ...ranchi, title: 'Inside the circle', district: 'Ranchi' })).report;
    const outside = (await file({ ...far, title: 'Far away', district: 'Khunti' })).report;
    const mod = await person(t, 'moderator');
    const officer = await person(t, 'nodal_officer', { department_id: dept });
    const districtMod = await person(t, 'moderator');
    const polyOfficer = await person(t, 'nodal_officer', { department_id: dept });
    const area = (body: Record<string, unknown>) => call(admin, 'POST', '/api/v1/reports/areas', body);
    expect(
      (
        await area({
          user_id: mod.id,
          area_type: 'radius',
          area_name: 'Centre',
          area_data: { center_lat: 23.34, center_lon: 85.31, radius_km: 5 },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await area({
          user_id: officer.id,
          area_type: 'circle',
          area_name: 'Centre',
          area_data: { center_lat: 23.34, center_lon: 85.31, radius_km: 5 },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await area({
          user_id: districtMod.id,
          area_type: 'district',
          area_name: 'Khunti',
          area_data: { name: 'khunti' },
        })
      ).statusCode,
    ).toBe(201);
    const poly = await area({
      user_id: polyOfficer.id,
      area_type: 'polygon',
      area_name: 'South',
      area_data: {
        coordinates: [
          [23.0, 85.2],
          [23.1, 85.2],
          [23.1, 85.4],
          [23.0, 85.4],
        ],
      },
    });
    expect(poly.statusCode, poly.body).toBe(201);
    expect(
      (await area({ user_id: citizen.id, area_type: 'district', area_name: 'X', area_data: { name: 'x' } })).json()
        .code,
    ).toBe('not_area_staff');
    expect(
      (
        await area({
          user_id: mod.id,
          area_type: 'polygon',
          area_name: 'X',
          area_data: {
            coordinates: [
              [1, 2],
              [1, 2],
            ],
          },
        })
      ).statusCode,
    ).toBe(400);

    const sees = async (who: Person, id: number) => (await call(who, 'GET', `/api/v1/reports/${id}`)).statusCode;
    expect(await sees(mod, inside.id)).toBe(200);
    expect(await sees(mod, outside.id)).toBe(404);
    expect(await sees(officer, outside.id)).toBe(404);
    expect(await sees(districtMod, outside.id)).toBe(200);
    expect(await sees(districtMod, inside.id)).toBe(404);
    expect(await sees(polyOfficer, outside.id)).toBe(200);
    expect(await sees(polyOfficer, inside.id)).toBe(404);
    // acting on a report outside the area is a 404 too
    const act = await call(mod, 'PUT', `/api/v1/reports/${outside.id}/classify`, { manual_severity: 'high' });
    expect(act.statusCode).toBe(404);
    const list = (await call(mod, 'GET', '/api/v1/reports?per_page=200')).json();
    expect(list.reports.map((r: any) => r.id)).toContain(inside.id);
    expect(list.reports.map((r: any) => r.id)).not.toContain(outside.id);
    // citizens: own reports and public ones, read-only
    const other = await person(t, 'citizen');
    expect(await sees(other, inside.id)).toBe(200);
    await t.database.db.execute(sql`UPDATE reports.reports SET is_public = false WHERE id = ${inside.id}`);
    expect(await sees(other, inside.id)).toBe(404);
    expect(await sees(citizen, inside.id)).toBe(200);
    // deactivating the area hides the report again
    const areas = (await call(admin, 'GET', `/api/v1/reports/areas?user_id=${mod.id}`)).json().areas;
    await call(admin, 'PUT', `/api/v1/reports/areas/${areas[0].id}`, { is_active: false });
    expect(await sees(mod, inside.id)).toBe(404);
  });
});

describe('list filters and my reports', () => {
  it('filters by status, severity, category, department, overdue, needs review, dates, bbox and near', async () => {
    const a = (await file({ title: 'Water main burst', category: 'water', severity: 'critical' })).report;
    const b = (await file({ ...far, title: 'Overflowing garbage bin', category: 'sanitation', severity: 'low' }))
      .report;
    await call(admin, 'POST', `/api/v1/reports/${a.id}/assign-department`, { department_id: dept });
    await t.database.db.execute(
      sql`UPDATE reports.reports SET sla_due_at = now() - interval '1 hour' WHERE id = ${b.id}`,
    );
    const ids = async (qs: string) =>
      (await call(admin, 'GET', `/api/v1/reports?per_page=200&${qs}`)).json().reports.map((r: any) => r.id);
    expect(await ids('severity=critical')).toContain(a.id);
    expect(await ids('severity=critical')).not.toContain(b.id);
    expect(await ids('category=sanitation')).toContain(b.id);
    expect(await ids(`department_id=${dept}&status=assigned_to_department`)).toEqual([a.id]);
    expect(await ids('overdue=true')).toEqual([b.id]);
    await t.database.db.execute(
      sql`UPDATE reports.reports SET needs_review = (id = ${b.id}) WHERE id IN (${a.id}, ${b.id})`,
    );
    const review = await ids('needs_review=true');
    expect(review).toContain(b.id);
    expect(review).not.toContain(a.id);
    const reviewed = await ids('needs_review=false');
    expect(reviewed).toContain(a.id);
    expect(reviewed).not.toContain(b.id);
    expect(await ids('status=received&status=assigned_to_department')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids('from=2000-01-01&to=2000-12-31')).toEqual([]);
    const boxed = await ids('bbox=85.2,23.0,85.35,23.1');
    expect(boxed).toContain(b.id);
    expect(boxed).not.toContain(a.id);
    const near = await ids(`near_lat=${far.latitude}&near_lon=${far.longitude}&radius_m=500`);
    expect(near).toContain(b.id);
    expect(near).not.toContain(a.id);
    const page = (await call(admin, 'GET', '/api/v1/reports?per_page=1&page=2')).json();
    expect(page).toMatchObject({ per_page: 1, page: 2, reports: [expect.any(Object)] });
    expect(page.total).toBeGreaterThan(1);
    expect((await call(admin, 'GET', '/api/v1/reports?bbox=1,2,3')).statusCode).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/reports?near_lat=1')).json().code).toBe('invalid_near');
    expect((await call(citizen, 'GET', '/api/v1/reports')).statusCode).toBe(403);
    const mine = (await call(citizen, 'GET', '/api/v1/reports/my-reports?per_page=200')).json();
    expect(mine.reports.map((r: any) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(mine.reports.every((r: any) => r.user_id === citizen.id)).toBe(true);
  });

  it('lets the reporter edit while received, moderators later, and admins delete', async () => {
    const r = (await file({ title: 'Editable' })).report;
    expect((await call(citizen, 'PUT', `/api/v1/reports/${r.id}`, { title: 'Edited title' })).json().title).toBe(
      'Edited title',
    );
    expect((await call(citizen, 'PUT', `/api/v1/reports/${r.id}`, { severity: 'high' })).statusCode).toBe(403);
    const other = await person(t, 'citizen');
    expect((await call(other, 'PUT', `/api/v1/reports/${r.id}`, { title: 'Hijack' })).statusCode).toBe(404);
    await call(admin, 'POST', `/api/v1/reports/${r.id}/assign-department`, { department_id: dept });
    expect((await call(citizen, 'PUT', `/api/v1/reports/${r.id}`, { title: 'Too late' })).json().code).toBe(
      'report_locked',
    );
    expect(
      (await call(admin, 'PUT', `/api/v1/reports/${r.id}`, { severity: 'high', is_featured: true })).json(),
    ).toMatchObject({ severity: 'high', is_featured: true });
    expect((await call(citizen, 'DELETE', `/api/v1/reports/${r.id}`)).statusCode).toBe(403);
    expect((await call(admin, 'DELETE', `/api/v1/reports/${r.id}`)).statusCode).toBe(204);
    expect((await call(admin, 'GET', `/api/v1/reports/${r.id}`)).statusCode).toBe(404);
  });
});

describe('duplicate candidates', () => {
  it('finds open reports of the same category nearby with similar text', async () => {
    const first = (
      await file({
        title: 'Streetlight not working near temple',
        description: 'The streetlight near the temple is off',
        category: 'streetlight',
        ...ranchi,
      })
    ).report;
    // 20 m away, same category, similar text
    const second = await file({
      title: 'Streetlight not working by the temple',
      description: 'Streetlight off near temple',
      category: 'streetlight',
      latitude: ranchi.latitude + 0.00018,
      longitude: ranchi.longitude,
    });
    expect(second.duplicate_candidates.map((c: any) => c.id)).toEqual([first.id]);
    expect(second.duplicate_candidates[0].distance_m).toBeGreaterThan(10);
    expect(second.duplicate_candidates[0].distance_m).toBeLessThan(30);
    // same place, different category; same category, far; same category, unrelated text
    expect(
      (
        await file({ title: 'Streetlight not working near temple', category: 'roads', ...ranchi })
      ).duplicate_candidates.map((c: any) => c.id),
    ).not.toContain(first.id);
    expect(
      (await file({ title: 'Streetlight not working near temple', category: 'streetlight', ...far }))
        .duplicate_candidates,
    ).toEqual([]);
    expect(
      (await file({ title: 'Broken bench', description: 'Wooden seat cracked', category: 'streetlight', ...ranchi }))
        .duplicate_candidates,
    ).toEqual([]);
    // closed reports are not candidates
    await t.database.db.execute(sql`UPDATE reports.reports SET status = 'rejected' WHERE id = ${first.id}`);
    const later = await file({ title: 'Streetlight not working near temple', category: 'streetlight', ...ranchi });
    expect(later.duplicate_candidates.map((c: any) => c.id)).not.toContain(first.id);
    const detail = (await call(admin, 'GET', `/api/v1/reports/${second.report.id}`)).json();
    expect(detail.duplicate_candidates.map((c: any) => c.id)).toContain(later.report.id);
  });
});

describe('reputation and auto-promotion', () => {
  it('gives +5 per report and promotes a citizen with a complete profile at 100 / 5 / 10', async () => {
    const c = await person(t, 'citizen', {
      profile_completion: 'complete',
      reputation_score: 90,
      total_validations: 8,
      total_reports: 3,
    });
    let res = await file({ title: 'One more report' }, c);
    expect(res.promoted).toBe(false);
    res = await file({ title: 'And another report' }, c);
    expect(res.promoted).toBe(true);
    const u = await one<any>(
      t.database.db,
      sql`SELECT role, reputation_score, total_reports, total_validations FROM identity.users WHERE id = ${c.id}`,
    );
    expect(u).toEqual({ role: 'contributor', reputation_score: 100, total_reports: 5, total_validations: 10 });
    const h = await one<any>(
      t.database.db,
      sql`SELECT old_role, new_role, automatic, reason, changed_by FROM identity.role_history WHERE user_id = ${c.id}`,
    );
    expect(h).toEqual({
      old_role: 'citizen',
      new_role: 'contributor',
      automatic: true,
      reason: 'Auto-promotion based on reputation and activity',
      changed_by: null,
    });
    const incomplete = await person(t, 'citizen', {
      profile_completion: 'basic',
      reputation_score: 200,
      total_validations: 50,
      total_reports: 50,
    });
    expect((await file({ title: 'Not complete profile' }, incomplete)).promoted).toBe(false);
  });
});

describe('analytics', () => {
  it('counts by status, severity, category, department; SLA compliance; medians', async () => {
    const d2 = await department(t);
    const officer = await person(t, 'nodal_officer', { department_id: d2 });
    const r = (await file({ title: 'Analytics sample', severity: 'high' })).report;
    await call(admin, 'POST', `/api/v1/reports/${r.id}/assign-department`, { department_id: d2 });
    await call(admin, 'POST', `/api/v1/reports/${r.id}/assign-officer`, { officer_id: officer.id });
    await call(officer, 'POST', `/api/v1/reports/${r.id}/acknowledge`, {});
    await call(officer, 'POST', `/api/v1/reports/${r.id}/start-work`, {});
    await call(officer, 'POST', `/api/v1/reports/${r.id}/submit-for-verification`, {});
    await call(admin, 'POST', `/api/v1/reports/${r.id}/approve-resolution`, {});
    await t.database.db.execute(
      sql`UPDATE reports.reports SET created_at = resolved_at - interval '10 hours' WHERE id = ${r.id}`,
    );
    await t.database.db.execute(
      sql`UPDATE reports.tasks SET acknowledged_at = (SELECT created_at + interval '2 hours' FROM reports.reports WHERE id = ${r.id}) WHERE report_id = ${r.id}`,
    );
    const res = await call(admin, 'GET', `/api/v1/reports/analytics/stats?department_id=${d2}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      by_status: [{ key: 'resolved', count: 1 }],
      by_severity: [{ key: 'high', count: 1 }],
      by_category: [{ key: 'roads', count: 1 }],
      sla: { total: 1, met: 1, breached: 0, compliance_rate: 1 },
      median_hours_to_acknowledge: 2,
      median_hours_to_resolve: 10,
    });
    const all = (await call(admin, 'GET', '/api/v1/reports/analytics/stats')).json();
    expect(all.total).toBeGreaterThan(1);
    expect((await call(citizen, 'GET', '/api/v1/reports/analytics/stats')).statusCode).toBe(403);
  });
});
