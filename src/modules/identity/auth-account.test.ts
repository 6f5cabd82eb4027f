// Self-service account flows end to end: my sessions (list, logout, logout-all, logout-others, revoke one),
// password change with the policy, password reset and email verification through emails read from the outbox,
// and my profile (PATCH /me: CiviLens profile completion, email re-verification).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one } from '../../db/client.ts';

const PASSWORD = 'Account-Owner-Pass-5';
const NEW_PASSWORD = 'Brand-New-Secret-77';
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ publicUrl: 'https://caucus.example.org' });
});
afterAll(() => t.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (url: string, payload?: unknown, token?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    ...(payload === undefined ? {} : { payload: payload as any }),
    headers: token ? auth(token) : {},
  });
const me = (token: string) => t.app.inject({ url: '/api/v1/auth/me', headers: auth(token) });
const login = (username: string, password: string) => post('/api/v1/auth/login', { username, password });

/** The token in the link of the newest email to `to` with `template`. */
async function tokenFromEmail(to: string, template: string, path: string): Promise<string> {
  const mail = await one<{ text_body: string; subject: string }>(
    t.database.db,
    sql`SELECT text_body, subject FROM mail.outbox
        WHERE channel = 'email' AND to_address = ${to} AND template = ${template} ORDER BY id DESC LIMIT 1`,
  );
  const link = mail!.text_body.match(new RegExp(`https://caucus\\.example\\.org${path}\\?token=([A-Za-z0-9_%-]+)`));
  expect(link, mail!.text_body).not.toBeNull();
  return decodeURIComponent(link![1]);
}

describe('my sessions', () => {
  it('lists my active sessions with the current one marked, and ends them one, others or all', async () => {
    await createUser(t.database.db, { username: 'kai', password: PASSWORD, role: 'viewer' });
    const a = await signIn(t.app, 'kai', PASSWORD);
    const b = await signIn(t.app, 'kai', PASSWORD);
    const c = await signIn(t.app, 'kai', PASSWORD);
    const list = await t.app.inject({ url: '/api/v1/auth/sessions', headers: auth(a.access_token) });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions;
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s: any) => s.current)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ login_method: 'password', ip_address: '127.0.0.1' });

    // Revoke one (session c) from session a.
    const cId = sessions.find((s: any) => !s.current && s.id === Math.max(...sessions.map((x: any) => x.id))).id;
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${cId}`,
      headers: auth(a.access_token),
    });
    expect(del.statusCode).toBe(204);
    expect((await me(c.access_token)).statusCode).toBe(401);
    expect((await me(a.access_token)).statusCode).toBe(200);

    // logout-others keeps a, ends b.
    const d = await signIn(t.app, 'kai', PASSWORD);
    expect((await post('/api/v1/auth/logout-others', undefined, a.access_token)).statusCode).toBe(204);
    expect((await me(b.access_token)).statusCode).toBe(401);
    expect((await me(d.access_token)).statusCode).toBe(401);
    expect((await me(a.access_token)).statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refresh_token: d.refresh_token })).statusCode).toBe(401);

    // logout ends the current session only.
    const e = await signIn(t.app, 'kai', PASSWORD);
    expect((await post('/api/v1/auth/logout', undefined, e.access_token)).statusCode).toBe(204);
    expect((await me(e.access_token)).statusCode).toBe(401);
    expect((await me(a.access_token)).statusCode).toBe(200);

    // logout-all ends every one, this one included.
    const f = await signIn(t.app, 'kai', PASSWORD);
    expect((await post('/api/v1/auth/logout-all', undefined, a.access_token)).statusCode).toBe(204);
    expect((await me(a.access_token)).statusCode).toBe(401);
    expect((await me(f.access_token)).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refresh_token: f.refresh_token })).statusCode).toBe(401);
  });

  it("another user's session id is not found (404), and a missing one too", async () => {
    await createUser(t.database.db, { username: 'lou', password: PASSWORD, role: 'admin' });
    await createUser(t.database.db, { username: 'max', password: PASSWORD, role: 'viewer' });
    const lou = await signIn(t.app, 'lou', PASSWORD);
    const max = await signIn(t.app, 'max', PASSWORD);
    const maxSessions = (await t.app.inject({ url: '/api/v1/auth/sessions', headers: auth(max.access_token) })).json();
    const maxSession = maxSessions.sessions[0].id;
    for (const id of [maxSession, 2147483647]) {
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${id}`,
        headers: auth(lou.access_token),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await me(max.access_token)).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/sessions' })).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('change-password lists every policy problem (400 weak_password), checks the current one, ends other sessions', async () => {
    const id = await createUser(t.database.db, { username: 'nia', password: PASSWORD, role: 'viewer' });
    const a = await signIn(t.app, 'nia', PASSWORD);
    const b = await signIn(t.app, 'nia', PASSWORD);
    const weak = await post(
      '/api/v1/auth/change-password',
      { current_password: PASSWORD, new_password: 'short' },
      a.access_token,
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('weak_password');
    expect(weak.json().problems).toEqual(
      expect.arrayContaining([
        'must be at least 12 characters',
        'must contain an upper-case letter',
        'must contain a digit',
      ]),
    );
    const wrong = await post(
      '/api/v1/auth/change-password',
      { current_password: 'Not-My-Password-1', new_password: NEW_PASSWORD },
      a.access_token,
    );
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('wrong_password');
    const ok = await post(
      '/api/v1/auth/change-password',
      { current_password: PASSWORD, new_password: NEW_PASSWORD },
      a.access_token,
    );
    expect(ok.statusCode).toBe(204);
    expect((await me(a.access_token)).statusCode).toBe(200);
    expect((await me(b.access_token)).statusCode).toBe(401);
    expect((await login('nia', PASSWORD)).statusCode).toBe(401);
    expect((await login('nia', NEW_PASSWORD)).statusCode).toBe(200);
    const audited = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE user_id = ${id} AND action = 'password_change'`,
    );
    expect(audited!.n).toBe(1);
  });

  it('reset: request → token from the email → reset → old password fails, new works, sessions ended; once only', async () => {
    const id = await createUser(t.database.db, {
      username: 'ola',
      password: PASSWORD,
      role: 'viewer',
      email: 'ola@example.org',
    });
    const before = await signIn(t.app, 'ola', PASSWORD);
    const unknown = await post('/api/v1/auth/request-password-reset', { email: 'nobody@example.org' });
    const known = await post('/api/v1/auth/request-password-reset', { email: 'OLA@example.org' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const token = await tokenFromEmail('ola@example.org', 'password_reset', '/reset-password');

    const weak = await post('/api/v1/auth/reset-password', { token, new_password: 'weakpassword' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('weak_password');
    const reset = await post('/api/v1/auth/reset-password', { token, new_password: NEW_PASSWORD });
    expect(reset.statusCode).toBe(204);
    expect((await login('ola', PASSWORD)).json().code).toBe('invalid_credentials');
    expect((await login('ola', NEW_PASSWORD)).statusCode).toBe(200);
    expect((await me(before.access_token)).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refresh_token: before.refresh_token })).statusCode).toBe(401);

    const again = await post('/api/v1/auth/reset-password', { token, new_password: 'Another-Good-Pass-9' });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
    const forged = await post('/api/v1/auth/reset-password', { token: 'x'.repeat(43), new_password: NEW_PASSWORD });
    expect(forged.json().code).toBe('invalid_token');
    const actions = await one<{ req: number; done: number }>(
      t.database.db,
      sql`SELECT count(*) FILTER (WHERE action = 'password_reset_request')::int AS req,
                 count(*) FILTER (WHERE action = 'password_reset_complete')::int AS done
          FROM identity.audit_logs WHERE user_id = ${id}`,
    );
    expect(actions).toEqual({ req: 1, done: 1 });
  });

  it('a reset token expires after an hour and a newer request retires the older token', async () => {
    await createUser(t.database.db, { username: 'pia', password: PASSWORD, role: 'viewer', email: 'pia@example.org' });
    await post('/api/v1/auth/request-password-reset', { email: 'pia@example.org' });
    const first = await tokenFromEmail('pia@example.org', 'password_reset', '/reset-password');
    const expiry = await one<{ minutes: number }>(
      t.database.db,
      sql`SELECT round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes FROM identity.one_time_codes
          WHERE purpose = 'password_reset' AND destination = 'pia@example.org' ORDER BY id DESC LIMIT 1`,
    );
    expect(expiry!.minutes).toBe(60);
    await post('/api/v1/auth/request-password-reset', { email: 'pia@example.org' });
    const second = await tokenFromEmail('pia@example.org', 'password_reset', '/reset-password');
    expect((await post('/api/v1/auth/reset-password', { token: first, new_password: NEW_PASSWORD })).statusCode).toBe(
      400,
    );
    await t.database.db.execute(
      sql`UPDATE identity.one_time_codes SET expires_at = now() - interval '1 second'
          WHERE purpose = 'password_reset' AND destination = 'pia@example.org'`,
    );
    expect((await post('/api/v1/auth/reset-password', { token: second, new_password: NEW_PASSWORD })).statusCode).toBe(
      400,
    );
  });
});

describe('email verification', () => {
  it('request → token from the email → verify; the token works once', async () => {
    await createUser(t.database.db, {
      username: 'quin',
      password: PASSWORD,
      role: 'viewer',
      email: 'quin@example.org',
    });
    const s = await signIn(t.app, 'quin', PASSWORD);
    const req = await post('/api/v1/auth/request-email-verification', undefined, s.access_token);
    expect(req.statusCode).toBe(202);
    const token = await tokenFromEmail('quin@example.org', 'email_verify', '/verify-email');
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(204);
    expect((await me(s.access_token)).json().user.email_verified).toBe(true);
    const again = await post('/api/v1/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
    const already = await post('/api/v1/auth/request-email-verification', undefined, s.access_token);
    expect(already.statusCode).toBe(409);
    expect((await post('/api/v1/auth/request-email-verification')).statusCode).toBe(401);
  });

  it('a link sent to an old address does not verify a new one', async () => {
    await createUser(t.database.db, { username: 'rui', password: PASSWORD, role: 'viewer', email: 'rui@example.org' });
    const s = await signIn(t.app, 'rui', PASSWORD);
    await post('/api/v1/auth/request-email-verification', undefined, s.access_token);
    const token = await tokenFromEmail('rui@example.org', 'email_verify', '/verify-email');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { email: 'rui.new@example.org' },
      headers: auth(s.access_token),
    });
    expect(patch.statusCode).toBe(200);
    expect((await post('/api/v1/auth/verify-email', { token })).json().code).toBe('invalid_token');
    expect((await me(s.access_token)).json().user.email_verified).toBe(false);
  });
});

describe('my profile', () => {
  it('PATCH /me recomputes profile_completion (minimal → basic → complete) and unverifies a changed email', async () => {
    const id = await createUser(t.database.db, { username: 'sol', password: PASSWORD, role: 'citizen' });
    await t.database.db.execute(
      sql`UPDATE identity.users SET email = 'sol@example.org', email_verified = true WHERE id = ${id}`,
    );
    const s = await signIn(t.app, 'sol', PASSWORD);
    const patch = (payload: unknown) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', payload: payload as any, headers: auth(s.access_token) });
    const named = await patch({ full_name: 'Sol Reyes', preferred_language: 'es', sms_notifications: false });
    expect(named.statusCode).toBe(200);
    expect(named.json().user).toMatchObject({
      full_name: 'Sol Reyes',
      preferred_language: 'es',
      sms_notifications: false,
      profile_completion: 'basic',
      email_verified: true,
    });
    const complete = await patch({
      primary_address: '1 Main St, Raleigh NC',
      primary_latitude: 35.78,
      primary_longitude: -78.64,
    });
    expect(complete.json().user).toMatchObject({ profile_completion: 'complete', primary_latitude: 35.78 });
    const sameEmail = await patch({ email: 'SOL@example.org' });
    expect(sameEmail.json().user.email_verified).toBe(true);
    const newEmail = await patch({ email: 'sol.reyes@example.org' });
    expect(newEmail.json().user).toMatchObject({ email: 'sol.reyes@example.org', email_verified: false });
    const cleared = await patch({ full_name: null });
    expect(cleared.json().user.profile_completion).toBe('minimal');

    for (const bad of [
      { role: 'admin' },
      { username: 'someone' },
      { email: 'not-an-email' },
      { avatar_url: 'javascript:alert(1)' },
      { primary_latitude: 91 },
      { bio: 'x'.repeat(2001) },
    ]) {
      const res = await patch(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await createUser(t.database.db, {
      username: 'taken',
      password: PASSWORD,
      role: 'viewer',
      email: 'taken@example.org',
    });
    const duplicate = await patch({ email: 'taken@example.org' });
    expect(duplicate.statusCode).toBe(409);
  });

  it('completing the profile promotes a citizen who already meets the reputation rule', async () => {
    const id = await createUser(t.database.db, { username: 'uma', password: PASSWORD, role: 'citizen' });
    await t.database.db.execute(
      sql`UPDATE identity.users SET reputation_score = 120, total_reports = 6, total_validations = 12,
                 full_name = 'Uma Li', email = 'uma@example.org'
          WHERE id = ${id}`,
    );
    const s = await signIn(t.app, 'uma', PASSWORD);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { primary_address: '2 Oak Ave' },
      headers: auth(s.access_token),
    });
    expect(res.json().user).toMatchObject({ profile_completion: 'complete', role: 'contributor' });
    const history = await one<{ automatic: boolean; new_role: string }>(
      t.database.db,
      sql`SELECT automatic, new_role FROM identity.role_history WHERE user_id = ${id}`,
    );
    expect(history).toEqual({ automatic: true, new_role: 'contributor' });
  });
});
