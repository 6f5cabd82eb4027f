// Password sign-in end to end: by username, email and phone; the same 401 for an unknown user and a wrong
// password; lockout and its reset; inactive accounts; the audit trail; refresh rotation and reuse detection.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one, rows } from '../../db/client.ts';

const PASSWORD = 'Sturdy-Passphrase-42';
const THRESHOLD = 3;
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ lockoutThreshold: THRESHOLD, lockoutMinutes: 15 });
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
const refresh = (refreshToken: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: refreshToken } });
const me = (accessToken: string) =>
  t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${accessToken}` } });

async function auditRows(userId: number | null, action: string) {
  return rows<{ status: string; extra_data: any; ip_address: string | null }>(
    t.database.db,
    sql`SELECT status, extra_data, ip_address FROM identity.audit_logs
        WHERE action = ${action} AND user_id IS NOT DISTINCT FROM ${userId} ORDER BY id`,
  );
}

describe('password sign-in', () => {
  it('signs in by username, email and phone (E.164 or national digits) and the token works', async () => {
    const id = await createUser(t.database.db, {
      username: 'ana',
      password: PASSWORD,
      role: 'admin',
      email: 'ana@example.org',
      phone: '+14155552671',
    });
    for (const name of ['ana', 'ANA', 'ana@example.org', 'Ana@Example.org', '+14155552671', '(415) 555-2671']) {
      const res = await login(name, PASSWORD, { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0' });
      expect(res.statusCode, name).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ token_type: 'bearer', expires_in: t.deps.config.accessTokenTtl });
      const who = await me(body.access_token);
      expect(who.statusCode).toBe(200);
      expect(who.json().user.id).toBe(id);
      expect(who.json().permissions).toContain('users:read');
    }
    const user = await one<{ login_count: number; last_login: string | null }>(
      t.database.db,
      sql`SELECT login_count, last_login FROM identity.users WHERE id = ${id}`,
    );
    expect(user!.login_count).toBe(6);
    expect(user!.last_login).not.toBeNull();
    const session = await one<Record<string, any>>(
      t.database.db,
      sql`SELECT * FROM identity.sessions WHERE user_id = ${id} ORDER BY id DESC LIMIT 1`,
    );
    expect(session).toMatchObject({ login_method: 'password', is_active: 1, ip_address: '127.0.0.1' });
    expect(session!.device_info).toMatchObject({ browser: 'Firefox', os: 'Windows' });
    expect(session!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const ttl = (new Date(session!.expires_at).getTime() - new Date(session!.created_at).getTime()) / 1000;
    expect(Math.abs(ttl - t.deps.config.refreshTokenTtl)).toBeLessThan(5);
    expect(await auditRows(id, 'login_success')).toHaveLength(6);
    expect(await auditRows(id, 'session_created')).toHaveLength(6);
  });

  it('answers the same 401 invalid_credentials for an unknown user and a wrong password, and audits both', async () => {
    const id = await createUser(t.database.db, { username: 'ben', password: PASSWORD, role: 'viewer' });
    const wrong = await login('ben', 'Wrong-Password-123');
    const unknown = await login('nobody-here', 'Wrong-Password-123');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('invalid_credentials');
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
    const failures = await auditRows(id, 'login_failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ status: 'failure', extra_data: { reason: 'wrong_password' } });
    const anonymous = await auditRows(null, 'login_failure');
    expect(anonymous.map((r) => r.extra_data.reason)).toContain('unknown_user');
    const all = await rows<{ extra: string }>(
      t.database.db,
      sql`SELECT coalesce(extra_data::text, '') || coalesce(description, '') AS extra FROM identity.audit_logs`,
    );
    for (const row of all) {
      expect(row.extra).not.toContain('Wrong-Password-123');
      expect(row.extra).not.toContain(PASSWORD);
    }
  });

  it(`locks the account after ${THRESHOLD} failures in a row (423 with locked_until), even for the right password`, async () => {
    const id = await createUser(t.database.db, { username: 'cleo', password: PASSWORD, role: 'viewer' });
    for (let i = 1; i < THRESHOLD; i++) expect((await login('cleo', `Wrong-${i}-Password`)).statusCode).toBe(401);
    const locking = await login('cleo', 'Wrong-last-Password');
    expect(locking.statusCode).toBe(423);
    expect(locking.json().code).toBe('account_locked');
    const right = await login('cleo', PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('account_locked');
    const until = new Date(right.json().locked_until).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThan(16 * 60_000);
    expect(await auditRows(id, 'account_locked')).toHaveLength(1);

    // When the lock has run out, the right password works and the count starts again.
    await t.database.db.execute(
      sql`UPDATE identity.users SET locked_until = now() - interval '1 second' WHERE id = ${id}`,
    );
    expect((await login('cleo', PASSWORD)).statusCode).toBe(200);
    const user = await one<{ failed_login_count: number; locked_until: string | null }>(
      t.database.db,
      sql`SELECT failed_login_count, locked_until FROM identity.users WHERE id = ${id}`,
    );
    expect(user).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('a success before the threshold resets the count', async () => {
    const id = await createUser(t.database.db, { username: 'dan', password: PASSWORD, role: 'viewer' });
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i < THRESHOLD; i++) expect((await login('dan', 'Not-The-Password-1')).statusCode).toBe(401);
      expect((await login('dan', PASSWORD)).statusCode).toBe(200);
    }
    const user = await one<{ failed_login_count: number }>(
      t.database.db,
      sql`SELECT failed_login_count FROM identity.users WHERE id = ${id}`,
    );
    expect(user!.failed_login_count).toBe(0);
  });

  it('refuses a deactivated or expired account with 403 account_inactive, but only with the right password', async () => {
    await createUser(t.database.db, { username: 'eve', password: PASSWORD, role: 'viewer', is_active: false });
    const temp = await createUser(t.database.db, { username: 'fay', password: PASSWORD, role: 'TEMP' });
    await t.database.db.execute(
      sql`UPDATE identity.users SET expires_at = now() - interval '1 day' WHERE id = ${temp}`,
    );
    for (const name of ['eve', 'fay']) {
      expect((await login(name, 'Wrong-Password-9')).json().code).toBe('invalid_credentials');
      const res = await login(name, PASSWORD);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('account_inactive');
    }
  });

  it('does not let a password sign in to an account that has none, and does not lock it', async () => {
    const id = await createUser(t.database.db, { username: 'gus', password: PASSWORD, role: 'citizen' });
    await t.database.db.execute(sql`UPDATE identity.users SET password_hash = NULL WHERE id = ${id}`);
    for (let i = 0; i < THRESHOLD + 1; i++) expect((await login('gus', PASSWORD)).statusCode).toBe(401);
    const user = await one<{ locked_until: string | null }>(
      t.database.db,
      sql`SELECT locked_until FROM identity.users WHERE id = ${id}`,
    );
    expect(user!.locked_until).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('rotates: new tokens for the same session, the old refresh token is single-use', async () => {
    const id = await createUser(t.database.db, { username: 'hal', password: PASSWORD, role: 'viewer' });
    const first = await signIn(t.app, 'hal', PASSWORD);
    const res = await refresh(first.refresh_token);
    expect(res.statusCode).toBe(200);
    const second = res.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.token_type).toBe('bearer');
    expect((await me(second.access_token)).statusCode).toBe(200);
    const third = await refresh(second.refresh_token);
    expect(third.statusCode).toBe(200);
    const tokens = await rows<{ rotated_at: string | null; family_id: string; session_id: number }>(
      t.database.db,
      sql`SELECT rotated_at, family_id, session_id FROM identity.refresh_tokens WHERE user_id = ${id} ORDER BY id`,
    );
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens.map((r) => r.family_id)).size).toBe(1);
    expect(new Set(tokens.map((r) => r.session_id)).size).toBe(1);
    expect(tokens.map((r) => r.rotated_at !== null)).toEqual([true, true, false]);
    expect(await auditRows(id, 'token_refresh')).toHaveLength(2);
  });

  it('reuse of a rotated token → 401 refresh_token_reused; the family and the session are revoked', async () => {
    const id = await createUser(t.database.db, { username: 'ida', password: PASSWORD, role: 'viewer' });
    const first = await signIn(t.app, 'ida', PASSWORD);
    const other = await signIn(t.app, 'ida', PASSWORD);
    const rotated = (await refresh(first.refresh_token)).json();
    expect((await me(rotated.access_token)).statusCode).toBe(200);

    const reuse = await refresh(first.refresh_token);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('refresh_token_reused');
    // The newer token of the family is refused too, and the session's access token no longer works.
    const newer = await refresh(rotated.refresh_token);
    expect(newer.statusCode).toBe(401);
    expect(newer.json().code).toBe('invalid_refresh_token');
    expect((await me(rotated.access_token)).statusCode).toBe(401);
    expect((await me(first.access_token)).statusCode).toBe(401);
    // Another session of the same user is untouched.
    expect((await me(other.access_token)).statusCode).toBe(200);
    expect((await refresh(other.refresh_token)).statusCode).toBe(200);
    const warned = await auditRows(id, 'token_reuse_detected');
    expect(warned).toHaveLength(1);
    expect(warned[0].status).toBe('warning');
  });

  it('refuses unknown, expired and ended-session refresh tokens with 401 invalid_refresh_token', async () => {
    const id = await createUser(t.database.db, { username: 'joe', password: PASSWORD, role: 'viewer' });
    expect((await refresh('not-a-token')).json().code).toBe('invalid_refresh_token');
    const a = await signIn(t.app, 'joe', PASSWORD);
    await t.database.db.execute(
      sql`UPDATE identity.refresh_tokens SET expires_at = now() - interval '1 second'
          WHERE user_id = ${id}`,
    );
    const expired = await refresh(a.refresh_token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('invalid_refresh_token');
    const b = await signIn(t.app, 'joe', PASSWORD);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: `Bearer ${b.access_token}` },
    });
    expect(out.statusCode).toBe(204);
    expect((await refresh(b.refresh_token)).json().code).toBe('invalid_refresh_token');
    const c = await signIn(t.app, 'joe', PASSWORD);
    await t.database.db.execute(sql`UPDATE identity.users SET is_active = false WHERE id = ${id}`);
    expect((await refresh(c.refresh_token)).json().code).toBe('invalid_refresh_token');
  });
});
