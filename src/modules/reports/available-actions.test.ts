// The actions GET /api/v1/reports/:id offers are the ones the caller can send: each offered action answers 200,
// and a move the role could make only through a route it may not call is not offered.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let moderator: Person;
let officer: Person;
let dept: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t, 'pothole, road');
  admin = await person(t, 'admin');
  moderator = await person(t, 'moderator');
  officer = await person(t, 'nodal_officer', { department_id: dept });
  for (const p of [moderator, officer]) {
    await t.database.db.execute(sql`INSERT INTO reports.area_assignments (user_id, area_type, area_name, area_data)
      VALUES (${p.id}, 'radius', 'Ranchi', '{"type":"radius","center_lat":23.34,"center_lon":85.31,"radius_km":30}')`);
  }
});
afterAll(() => t.close());

const call = (who: Person, method: string, url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method: method as 'GET', url, headers: who.headers, payload });
async function file(): Promise<number> {
  const res = await call(admin, 'POST', '/api/v1/reports', reportBody());
  expect(res.statusCode, res.body).toBe(201);
  return res.json().report.id;
}
async function offered(who: Person, id: number): Promise<string[]> {
  const res = await call(who, 'GET', `/api/v1/reports/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().available_actions.map((a: { action: string; to_status: string }) => `${a.action}>${a.to_status}`);
}
const statusOf = async (id: number) => (await call(admin, 'GET', `/api/v1/reports/${id}`)).json().report.status;

describe('available actions through the API', () => {
  it('does not offer a moderator the status move they may not send, and their offered moves succeed', async () => {
    const id = await file();
    expect(await offered(moderator, id)).toEqual(['reject>rejected', 'mark-duplicate>duplicate']);
    // Why: the generic status route needs reports:update_status, which moderators lack.
    const refused = await call(moderator, 'POST', `/api/v1/reports/${id}/status`, { status: 'pending_classification' });
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({ status: 403, code: 'forbidden' });

    await call(admin, 'POST', `/api/v1/reports/${id}/status`, { status: 'pending_classification' });
    expect(await offered(moderator, id)).toEqual([
      'classify>classified',
      'reject>rejected',
      'mark-duplicate>duplicate',
    ]);
    const classified = await call(moderator, 'PUT', `/api/v1/reports/${id}/classify`, { manual_severity: 'high' });
    expect(classified.statusCode, classified.body).toBe(200);
    expect(classified.json()).toMatchObject({ status: 'classified', manual_severity: 'high' });
  });

  it('sends a rejected assignment back to classified through the action it offers', async () => {
    const id = await file();
    await call(admin, 'POST', `/api/v1/reports/${id}/assign-department`, { department_id: dept });
    await call(admin, 'POST', `/api/v1/reports/${id}/assign-officer`, { officer_id: officer.id });
    expect(await offered(officer, id)).toEqual([
      'acknowledge>acknowledged',
      'on-hold>on_hold',
      'reject-assignment>assignment_rejected',
    ]);
    const rejected = await call(officer, 'POST', `/api/v1/reports/${id}/reject-assignment`, { reason: 'Not mine' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await offered(officer, id)).toEqual([]);
    expect(await offered(moderator, id)).toEqual([]);
    const moves = await offered(admin, id);
    expect(moves).toEqual(['assign-officer>assigned_to_officer', 'status>classified', 'reject>rejected']);
    const back = await call(admin, 'POST', `/api/v1/reports/${id}/status`, { status: 'classified' });
    expect(back.statusCode, back.body).toBe(200);
    expect(await statusOf(id)).toBe('classified');
  });
});
