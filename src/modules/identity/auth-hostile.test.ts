// Hostile input on every /api/v1/auth route: malformed JSON, a wrong content type, unknown fields, oversized
// strings, NUL bytes and wrong types each get a 4xx problem+json with a code, never a 500 and never a session.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one } from '../../db/client.ts';

const PASSWORD = 'Hostile-Input-Pass-3';
let t: TestContext;
let userId: number;

beforeAll(async () => {
  t = await startTestApp();
  userId = await createUser(t.database.db, { username: 'hostile', password: PASSWORD, role: 'viewer' });
});
afterAll(() => t.close());

/** Every auth route with a JSON body and a valid body for it. */
const routes: { method: 'POST' | 'PATCH'; url: string; body: Record<string, unknown>; signedIn?: boolean }[] = [
  { method: 'POST', url: '/api/v1/auth/login', body: { username: 'hostile', password: 'x' } },
  { method: 'POST', url: '/api/v1/auth/2fa/verify', body: { challenge_token: 'x', code: '123456' } },
  { method: 'POST', url: '/api/v1/auth/request-otp', body: { phone: '+14155552690' } },
  { method: 'POST', url: '/api/v1/auth/verify-otp', body: { phone: '+14155552690', otp: '123456' } },
  { method: 'POST', url: '/api/v1/auth/refresh', body: { refresh_token: 'x' } },
  { method: 'POST', url: '/api/v1/auth/request-password-reset', body: { email: 'a@example.org' } },
  { method: 'POST', url: '/api/v1/auth/reset-password', body: { token: 'x', new_password: 'x' } },
  { method: 'POST', url: '/api/v1/auth/verify-email', body: { token: 'x' } },
  { method: 'PATCH', url: '/api/v1/auth/me', body: { bio: 'x' }, signedIn: true },
  {
    method: 'POST',
    url: '/api/v1/auth/change-password',
    body: { current_password: 'x', new_password: 'x' },
    signedIn: true,
  },
  { method: 'POST', url: '/api/v1/auth/2fa/enable', body: { code: '123456' }, signedIn: true },
  { method: 'POST', url: '/api/v1/auth/2fa/disable', body: { password: 'x', code: '123456' }, signedIn: true },
  { method: 'POST', url: '/api/v1/auth/2fa/recovery-codes', body: { password: 'x' }, signedIn: true },
];

let token = '';
async function headers(route: { signedIn?: boolean }, extra: Record<string, string> = {}) {
  if (route.signedIn && !token) token = (await signIn(t.app, 'hostile', PASSWORD)).access_token;
  return { ...(route.signedIn ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

function expectProblem(res: { statusCode: number; headers: any; json(): any }, label: string, status?: number) {
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  if (status) expect(res.statusCode, label).toBe(status);
  expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
  expect(res.json().code, label).toEqual(expect.any(String));
}

describe('hostile input on /api/v1/auth', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    for (const r of routes) {
      for (const payload of ['{"username": ', '{,}', "{'a':1}", '[1,2', 'null x']) {
        const res = await t.app.inject({
          method: r.method,
          url: r.url,
          payload,
          headers: await headers(r, { 'content-type': 'application/json' }),
        });
        expectProblem(res, `${r.url} ${payload}`, 400);
        expect(res.json().code).toBe('malformed_json');
      }
    }
  });

  it('a wrong content type → 415 (or 400), never parsed', async () => {
    for (const r of routes) {
      for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
        const res = await t.app.inject({
          method: r.method,
          url: r.url,
          payload: JSON.stringify(r.body),
          headers: await headers(r, { 'content-type': type }),
        });
        expectProblem(res, `${r.url} ${type}`);
        expect([400, 415]).toContain(res.statusCode);
      }
      // A form post of the right fields is not JSON either: refused by the schema, never signed in.
      const form = await t.app.inject({
        method: r.method,
        url: r.url,
        payload: new URLSearchParams(r.body as Record<string, string>).toString(),
        headers: await headers(r, { 'content-type': 'application/x-www-form-urlencoded' }),
      });
      expect(form.statusCode, `${r.url} form`).toBeGreaterThanOrEqual(400);
      expect(form.statusCode, `${r.url} form`).toBeLessThan(500);
    }
  });

  it('unknown fields → 400 naming the field', async () => {
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method,
        url: r.url,
        payload: { ...r.body, role: 'super_admin' },
        headers: await headers(r),
      });
      expectProblem(res, r.url, 400);
      expect(JSON.stringify(res.json().errors), r.url).toContain('role');
    }
  });

  it('oversized strings, wrong types and missing fields → 400', async () => {
    for (const r of routes) {
      for (const field of Object.keys(r.body)) {
        for (const value of ['x'.repeat(5000), 12345678, ['a'], { nested: true }, null]) {
          const res = await t.app.inject({
            method: r.method,
            url: r.url,
            payload: { ...r.body, [field]: value },
            headers: await headers(r),
          });
          // A number or a one-element array can be read as text; anything else must be refused.
          if (typeof value === 'number' || Array.isArray(value) || (value === null && r.method === 'PATCH')) {
            expect(res.statusCode, `${r.url} ${field}=${JSON.stringify(value)}`).toBeLessThan(500);
            continue;
          }
          expectProblem(res, `${r.url} ${field}=${JSON.stringify(value).slice(0, 20)}`, 400);
        }
      }
      if (r.method === 'POST') {
        const empty = await t.app.inject({ method: r.method, url: r.url, payload: {}, headers: await headers(r) });
        expectProblem(empty, `${r.url} {}`, 400);
      }
    }
  });

  it('NUL bytes and SQL-looking text are data: 4xx, never 500, and no one is signed in', async () => {
    for (const r of routes) {
      for (const value of ['\u0000', 'hostile\u0000', "' OR '1'='1", "admin'--", '%_\\']) {
        const payload = Object.fromEntries(Object.keys(r.body).map((k) => [k, value]));
        const res = await t.app.inject({ method: r.method, url: r.url, payload, headers: await headers(r) });
        const label = `${r.url} ${JSON.stringify(value)}`;
        expect(res.statusCode, label).toBeLessThan(500);
        // Text with a NUL byte cannot be stored; everything else is refused only where it is not valid data.
        if (value.includes('\u0000') || r.method !== 'PATCH') expectProblem(res, label);
      }
    }
    const sessions = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.sessions WHERE user_id = ${userId}`,
    );
    expect(sessions!.n).toBe(1); // only the one signIn() made for the signed-in routes
  });

  it('signed-in routes refuse missing and forged tokens with 401', async () => {
    const forged = [
      {},
      { authorization: 'Bearer not.a.jwt' },
      { authorization: 'Basic aG9zdGlsZTp4' },
      { authorization: `Bearer ${'a'.repeat(5000)}` },
    ];
    const signedInRoutes = [
      ...routes.filter((r) => r.signedIn).map((r) => ({ method: r.method, url: r.url, body: r.body })),
      { method: 'GET' as const, url: '/api/v1/auth/me', body: undefined },
      { method: 'GET' as const, url: '/api/v1/auth/sessions', body: undefined },
      { method: 'POST' as const, url: '/api/v1/auth/logout', body: undefined },
      { method: 'POST' as const, url: '/api/v1/auth/2fa/setup', body: undefined },
    ];
    for (const r of signedInRoutes) {
      for (const h of forged) {
        const res = await t.app.inject({
          method: r.method,
          url: r.url,
          headers: h,
          ...(r.body ? { payload: r.body } : {}),
        });
        expectProblem(res, `${r.method} ${r.url}`, 401);
        expect(res.json().code).toBe('unauthenticated');
      }
    }
  });

  it('bad session ids in the path → 400 or 404', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999', "1' OR '1'='1", '%00']) {
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${encodeURIComponent(id)}`,
        headers: await headers({ signedIn: true }),
      });
      expectProblem(res, id);
      expect([400, 404]).toContain(res.statusCode);
    }
  });
});
