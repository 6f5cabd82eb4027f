import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, insertUser } from '../../../test/auth-tokens.ts';
import { createUser } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one, rows } from '../../db/client.ts';

let t: TestContext;
let adminId: number;
let admin: { authorization: string };

beforeAll(async () => {
  t = await startTestApp();
  adminId = await createUser(t.database.db, {
    username: 'chief_admin',
    password: 'Correct-Horse-9-Battery',
    role: 'admin',
  });
  admin = await authHeaders(t, adminId);
});
afterAll(() => t.close());

const post = (url: string, headers: object, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: headers as any, ...(payload ? { payload } : {}) });

async function auditRows(action: string, resourceId: number) {
  return rows<{ user_id: number | null; action: string; extra_data: any }>(
    t.database.db,
    sql`SELECT user_id, action, extra_data FROM identity.audit_logs
        WHERE action = ${action} AND resource_type = 'user' AND resource_id = ${String(resourceId)}`,
  );
}

describe('POST /api/v1/users', () => {
  it('creates a user, computes profile completion, records role history and an audit entry', async () => {
    const res = await post('/api/v1/users', admin, {
      username: 'jdoe',
      email: 'jdoe@example.org',
      password: 'Correct-Horse-42',
      role: 'moderator',
      first_name: 'Jane',
      last_name: 'Doe',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json().user;
    expect(user).toMatchObject({
      username: 'jdoe',
      email: 'jdoe@example.org',
      role: 'moderator',
      full_name: 'Jane Doe',
      profile_completion: 'basic',
      is_active: true,
      is_admin: false,
    });
    expect(user).not.toHaveProperty('password_hash');
    const stored = await one<{ password_hash: string }>(
      t.database.db,
      sql`SELECT password_hash FROM identity.users WHERE id = ${user.id}`,
    );
    expect(stored!.password_hash).toMatch(/^\$argon2id\$/);
    const history = await t.app.inject({ url: `/api/v1/users/${user.id}/role-history`, headers: admin });
    expect(history.json().role_history).toEqual([
      expect.objectContaining({ old_role: null, new_role: 'moderator', changed_by: adminId, automatic: false }),
    ]);
    expect(await auditRows('user_created', user.id)).toEqual([
      expect.objectContaining({ user_id: adminId, extra_data: { role: 'moderator' } }),
    ]);
  });

  it('answers 409 already_exists for a duplicate username or email', async () => {
    const again = await post('/api/v1/users', admin, { username: 'JDOE', role: 'citizen' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_exists');
    const email = await post('/api/v1/users', admin, { username: 'other', email: 'JDoe@example.org', role: 'citizen' });
    expect(email.statusCode).toBe(409);
  });

  it('refuses roles above the caller level with 403 role_too_high, allows its own level', async () => {
    const res = await post('/api/v1/users', admin, { username: 'wannabe', role: 'super_admin' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('role_too_high');
    const peer = await post('/api/v1/users', admin, { username: 'peer_admin', role: 'admin' });
    expect(peer.statusCode).toBe(201);
    expect(peer.json().user.is_admin).toBe(true);
  });

  it('applies the password policy and needs an identifier', async () => {
    const weak = await post('/api/v1/users', admin, { username: 'weakling', password: 'short', role: 'citizen' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'weak_password', problems: expect.arrayContaining([]) });
    expect(weak.json().problems.length).toBeGreaterThan(1);
    const none = await post('/api/v1/users', admin, { role: 'citizen', full_name: 'No Identifier' });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('identifier_required');
    const badRole = await post('/api/v1/users', admin, { username: 'nobody', role: 'emperor' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().code).toBe('validation_failed');
  });
});

describe('GET /api/v1/users', () => {
  it('filters by role and active state, searches username, email, phone and full name, and pages', async () => {
    await insertUser(t, 'nodal_officer', { username: 'officer_ravi', full_name: 'Ravi Kumar', phone: '+919876543210' });
    await insertUser(t, 'nodal_officer', { username: 'officer_anita', email: 'anita@city.example' });
    const byRole = await t.app.inject({ url: '/api/v1/users?role=nodal_officer', headers: admin });
    expect(byRole.statusCode).toBe(200);
    expect(
      byRole
        .json()
        .users.map((u: any) => u.username)
        .sort(),
    ).toEqual(['officer_anita', 'officer_ravi']);
    for (const [search, expected] of [
      ['ravi kum', 'officer_ravi'],
      ['ANITA@city', 'officer_anita'],
      ['98765', 'officer_ravi'],
      ['officer_a', 'officer_anita'],
    ]) {
      const res = await t.app.inject({ url: `/api/v1/users?search=${encodeURIComponent(search)}`, headers: admin });
      expect(
        res.json().users.map((u: any) => u.username),
        search,
      ).toEqual([expected]);
    }
    const wildcard = await t.app.inject({ url: '/api/v1/users?search=%25', headers: admin });
    expect(wildcard.json().total).toBe(0);
    const paged = await t.app.inject({ url: '/api/v1/users?per_page=2&page=2', headers: admin });
    const body = paged.json();
    expect(body.page).toBe(2);
    expect(body.per_page).toBe(2);
    expect(body.users).toHaveLength(2);
    expect(body.total_pages).toBe(Math.ceil(body.total / 2));
  });

  it('answers 404 for an unknown user id', async () => {
    const res = await t.app.inject({ url: '/api/v1/users/987654', headers: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('changes fields, unverifies a changed email and recomputes profile completion', async () => {
    const id = await insertUser(t, 'citizen', { email: 'old@example.org', full_name: 'Asha' });
    await t.database.db.execute(sql`UPDATE identity.users SET email_verified = true WHERE id = ${id}`);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { email: 'new@example.org', primary_address: '12 Main Road, Ranchi' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      email: 'new@example.org',
      email_verified: false,
      primary_address: '12 Main Road, Ranchi',
      profile_completion: 'complete',
    });
    expect(await auditRows('user_updated', id)).toEqual([
      expect.objectContaining({ extra_data: { fields: ['email', 'primary_address'] } }),
    ]);
  });

  it('refuses to remove the last identifier and to edit a user above the caller level', async () => {
    const id = await insertUser(t, 'citizen', { username: 'only_name' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { username: null },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('identifier_required');
    const boss = await insertUser(t, 'super_admin');
    const up = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${boss}`,
      headers: admin,
      payload: { bio: 'x' },
    });
    expect(up.statusCode).toBe(403);
    expect(up.json().code).toBe('role_too_high');
  });
});

describe('deactivate and activate', () => {
  it('deactivation ends every session of the user, so their token stops working', async () => {
    const id = await insertUser(t, 'moderator');
    const theirs = await authHeaders(t, id);
    await authHeaders(t, id);
    expect((await t.app.inject({ url: '/api/v1/roles', headers: theirs })).statusCode).toBe(200);
    const res = await post(`/api/v1/users/${id}/deactivate`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.is_active).toBe(false);
    const sessions = await rows<{ is_active: number; revoked_reason: string; revoked_at: string | null }>(
      t.database.db,
      sql`SELECT is_active, revoked_reason, revoked_at FROM identity.sessions WHERE user_id = ${id}`,
    );
    expect(sessions).toHaveLength(2);
    for (const s of sessions) {
      expect(s).toMatchObject({ is_active: 0, revoked_reason: 'user_deactivated' });
      expect(s.revoked_at).not.toBeNull();
    }
    expect((await t.app.inject({ url: '/api/v1/roles', headers: theirs })).statusCode).toBe(401);
    expect(await auditRows('user_deactivated', id)).toHaveLength(1);
    const back = await post(`/api/v1/users/${id}/activate`, admin);
    expect(back.json().user.is_active).toBe(true);
    // Old sessions stay ended: reactivation does not resurrect tokens.
    expect((await t.app.inject({ url: '/api/v1/roles', headers: theirs })).statusCode).toBe(401);
  });

  it('nobody deactivates their own account', async () => {
    const res = await post(`/api/v1/users/${adminId}/deactivate`, admin);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('own_account');
  });
});

describe('POST /api/v1/users/:id/role', () => {
  it('changes the role, writes role_history (automatic=false) and an audit entry', async () => {
    const id = await insertUser(t, 'citizen');
    const res = await post(`/api/v1/users/${id}/role`, admin, { role: 'moderator', reason: 'Covers ward 7' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('moderator');
    const history = await rows<any>(
      t.database.db,
      sql`SELECT old_role, new_role, changed_by, reason, automatic FROM identity.role_history WHERE user_id = ${id}`,
    );
    expect(history).toEqual([
      { old_role: 'citizen', new_role: 'moderator', changed_by: adminId, reason: 'Covers ward 7', automatic: false },
    ]);
    expect(await auditRows('user_role_changed', id)).toEqual([
      expect.objectContaining({
        user_id: adminId,
        extra_data: expect.objectContaining({ old_role: 'citizen', new_role: 'moderator', automatic: false }),
      }),
    ]);
    const same = await post(`/api/v1/users/${id}/role`, admin, { role: 'moderator', reason: 'again' });
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('role_unchanged');
  });

  it('enforces the level rule and forbids changing your own role', async () => {
    const id = await insertUser(t, 'citizen');
    const above = await post(`/api/v1/users/${id}/role`, admin, { role: 'SUPER_ADMIN', reason: 'x' });
    expect(above.statusCode).toBe(403);
    expect(above.json().code).toBe('role_too_high');
    const boss = await insertUser(t, 'super_admin');
    const demote = await post(`/api/v1/users/${boss}/role`, admin, { role: 'citizen', reason: 'x' });
    expect(demote.statusCode).toBe(403);
    expect(demote.json().code).toBe('role_too_high');
    const self = await post(`/api/v1/users/${adminId}/role`, admin, { role: 'citizen', reason: 'x' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('own_account');
    const missingReason = await post(`/api/v1/users/${id}/role`, admin, { role: 'moderator' });
    expect(missingReason.statusCode).toBe(400);
  });
});

describe('POST /api/v1/users/:id/unlock', () => {
  it('clears the lockout and the failure counter, and is audited', async () => {
    const id = await insertUser(t, 'auditor');
    await t.database.db.execute(
      sql`UPDATE identity.users SET failed_login_count = 5, locked_until = now() + interval '1 hour' WHERE id = ${id}`,
    );
    const res = await post(`/api/v1/users/${id}/unlock`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locked_until).toBeNull();
    const row = await one<{ failed_login_count: number }>(
      t.database.db,
      sql`SELECT failed_login_count FROM identity.users WHERE id = ${id}`,
    );
    expect(row!.failed_login_count).toBe(0);
    expect(await auditRows('account_unlocked', id)).toHaveLength(1);
  });
});
