// POST /api/v1/reports/:id/validate: contributors confirm someone else's open report once; total_validations
// counts it, and a resolution makes it helpful (helpful_validations).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let officer: Person;
let citizen: Person;
let contributor: Person;
let dept: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t);
  admin = await person(t, 'admin');
  officer = await person(t, 'nodal_officer', { department_id: dept });
  citizen = await person(t, 'citizen');
  contributor = await person(t, 'contributor');
});
afterAll(() => t.close());

const post = (who: Person, url: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload });
const file = async (overrides: Record<string, unknown> = {}) => {
  const res = await post(citizen, '/api/v1/reports', reportBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().report.id as number;
};
const counters = async (id: number) =>
  (await one<{ total_validations: number; helpful_validations: number }>(
    t.database.db,
    sql`SELECT total_validations, helpful_validations FROM identity.users WHERE id = ${id}`,
  ))!;

describe('report validation', () => {
  it('a contributor confirms a public report once; resolving it makes the confirmation helpful', async () => {
    const id = await file();
    const before = await counters(contributor.id);
    const res = await post(contributor, `/api/v1/reports/${id}/validate`, { notes: 'Saw it this morning' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ report_id: id, validated: true, validations: 1 });
    expect(await counters(contributor.id)).toEqual({
      total_validations: before.total_validations + 1,
      helpful_validations: before.helpful_validations,
    });
    const twice = await post(contributor, `/api/v1/reports/${id}/validate`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_validated');
    expect((await counters(contributor.id)).total_validations).toBe(before.total_validations + 1);
    const audited = await one<{ user_id: number }>(
      t.database.db,
      sql`SELECT user_id FROM identity.audit_logs WHERE action = 'report_validated' AND resource_id = ${String(id)}`,
    );
    expect(audited!.user_id).toBe(contributor.id);

    for (const [who, action, body] of [
      [admin, 'assign-department', { department_id: dept }],
      [admin, 'assign-officer', { officer_id: officer.id }],
      [officer, 'acknowledge', {}],
      [officer, 'start-work', {}],
      [officer, 'submit-for-verification', {}],
      [admin, 'approve-resolution', {}],
    ] as const) {
      const moved = await post(who, `/api/v1/reports/${id}/${action}`, body);
      expect(moved.statusCode, `${action}: ${moved.body}`).toBe(200);
    }
    expect((await counters(contributor.id)).helpful_validations).toBe(before.helpful_validations + 1);
    const row = await one<{ helpful: boolean }>(
      t.database.db,
      sql`SELECT helpful FROM reports.report_validations WHERE report_id = ${id} AND user_id = ${contributor.id}`,
    );
    expect(row!.helpful).toBe(true);
    // a resolved report is no longer open to confirmation
    const late = await post(await person(t, 'contributor'), `/api/v1/reports/${id}/validate`);
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('report_not_open');
  });

  it('refuses citizens, own reports, reports the caller cannot see, and keeps one row per user and report', async () => {
    const id = await file();
    const asCitizen = await post(await person(t, 'citizen'), `/api/v1/reports/${id}/validate`);
    expect(asCitizen.statusCode).toBe(403);
    const ownReporter = await person(t, 'contributor');
    const own = await post(ownReporter, '/api/v1/reports', reportBody({ title: 'My own streetlight report' }));
    const ownRes = await post(ownReporter, `/api/v1/reports/${own.json().report.id}/validate`);
    expect(ownRes.statusCode).toBe(422);
    expect(ownRes.json().code).toBe('own_report');
    const hidden = await file({ is_public: false });
    expect((await post(contributor, `/api/v1/reports/${hidden}/validate`)).statusCode).toBe(404);
    expect((await post(contributor, '/api/v1/reports/99999999/validate')).statusCode).toBe(404);
    await expect(
      t.database.db.execute(
        sql`INSERT INTO reports.report_validations (report_id, user_id) VALUES (${id}, ${contributor.id}),
            (${id}, ${contributor.id})`,
      ),
    ).rejects.toThrow();
  });
});
