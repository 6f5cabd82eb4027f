// A user's reporting stats (me and by id), the contributor promotion candidates, and the role-change analytics.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let citizen: Person;

beforeAll(async () => {
  t = await startTestApp();
  admin = await person(t, 'admin');
  citizen = await person(t, 'citizen');
});
afterAll(() => t.close());

const get = (who: Person | null, url: string) => t.app.inject({ url, headers: who?.headers ?? {} });

describe('user stats', () => {
  it("answers my reports, reputation and next milestone, and the same to staff by id; others' ids are 404", async () => {
    for (const title of ['Overflowing drain by the school', 'Streetlight out on Station Road']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: citizen.headers,
        payload: reportBody({ title }),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const me = await get(citizen, '/api/v1/reports/users/me/stats');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toEqual({
      user_id: citizen.id,
      role: 'citizen',
      reputation_score: 10,
      total_reports: 2,
      in_progress_reports: 2,
      active_reports: 2,
      resolved_reports: 0,
      total_validations: 2,
      helpful_validations: 0,
      tasks_resolved: 0,
      can_promote_to_contributor: false,
      next_milestone: 'Earn 90 more reputation points',
    });
    expect((await get(citizen, `/api/v1/reports/users/${citizen.id}/stats`)).json()).toEqual(me.json());
    expect((await get(admin, `/api/v1/reports/users/${citizen.id}/stats`)).json()).toEqual(me.json());
    const other = await person(t, 'citizen');
    const refused = await get(other, `/api/v1/reports/users/${citizen.id}/stats`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('not_found');
    expect((await get(admin, '/api/v1/reports/users/99999999/stats')).statusCode).toBe(404);
    expect((await get(null, '/api/v1/reports/users/me/stats')).statusCode).toBe(401);
  });
});

describe('promotion candidates', () => {
  it('lists citizens who qualify first, then those near the thresholds, with what each still lacks', async () => {
    const qualifies = await person(t, 'citizen', {
      reputation_score: 120,
      total_reports: 6,
      total_validations: 12,
      profile_completion: 'complete',
    });
    const near = await person(t, 'citizen', {
      reputation_score: 95,
      total_reports: 19,
      total_validations: 19,
      profile_completion: 'basic',
    });
    const far = await person(t, 'citizen', { reputation_score: 40 });
    const contributor = await person(t, 'contributor', { reputation_score: 300 });
    const res = await get(admin, '/api/v1/reports/users/promotion-candidates');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const ids = body.candidates.map((c: any) => c.user_id);
    expect(ids.slice(0, 2)).toEqual([qualifies.id, near.id]);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(contributor.id);
    expect(body.candidates[0]).toMatchObject({ qualifies: true, missing: [] });
    expect(body.candidates[1]).toMatchObject({
      qualifies: false,
      missing: ['Earn 5 more reputation points', 'Complete your profile to unlock contributor status'],
    });
    expect(body.thresholds).toEqual({
      reputation: 100,
      total_reports: 5,
      total_validations: 10,
      profile_completion: 'complete',
    });
    const eligible = (await get(admin, '/api/v1/reports/users/promotion-candidates?eligible_only=true')).json();
    expect(eligible.candidates.map((c: any) => c.user_id)).toEqual([qualifies.id]);
    expect(eligible.total).toBe(1);
    expect((await get(citizen, '/api/v1/reports/users/promotion-candidates')).statusCode).toBe(403);
  });
});

describe('role-change analytics', () => {
  it('counts the changes of the period, automatic and manual, by new role (account creation is no change)', async () => {
    const before = (await get(admin, '/api/v1/users/analytics/role-changes?days=7')).json();
    const promoted = await person(t, 'citizen');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${promoted.id}/role`,
      headers: admin.headers,
      payload: { role: 'moderator', reason: 'Runs the ward meetings' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await t.database.db.execute(
      sql`INSERT INTO identity.role_history (user_id, old_role, new_role, reason, automatic)
          VALUES (${citizen.id}, 'citizen', 'contributor', 'Auto-promotion based on reputation and activity', true),
                 (${citizen.id}, 'contributor', 'citizen', 'old', false)`,
    );
    await t.database.db.execute(
      sql`UPDATE identity.role_history SET created_at = now() - interval '40 days' WHERE reason = 'old'`,
    );
    const after = await get(admin, '/api/v1/users/analytics/role-changes?days=7');
    expect(after.statusCode, after.body).toBe(200);
    const a = after.json();
    expect(a.period_days).toBe(7);
    expect(a.total_changes - before.total_changes).toBe(2);
    expect(a.auto_promotions - before.auto_promotions).toBe(1);
    expect(a.manual_changes - before.manual_changes).toBe(1);
    expect(a.changes_by_role.moderator - (before.changes_by_role.moderator ?? 0)).toBe(1);
    expect(a.changes_by_role.contributor - (before.changes_by_role.contributor ?? 0)).toBe(1);
    expect((await get(admin, '/api/v1/users/analytics/role-changes?days=0')).statusCode).toBe(400);
    expect((await get(citizen, '/api/v1/users/analytics/role-changes')).statusCode).toBe(403);
  });
});
