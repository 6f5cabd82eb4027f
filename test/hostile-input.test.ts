// Hostile input on every identity route family (auth, users, roles, audit logs, API keys, mail outbox):
// malformed JSON, a wrong content type, an oversized body, unknown fields, out-of-range numbers, bad ids and
// SQL-ish strings get a 4xx problem+json with a code, never a 500. The routes are the ones the app registers,
// so a route added later is covered without editing this file.
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../src/db/client.ts';
import { authHeaders, insertUser } from './auth-tokens.ts';
import { startTestApp, type TestContext } from './harness.ts';
import { routeCollector } from './route-collector.ts';

const routes = routeCollector();
const routeTable = routes.table;

const BODY_LIMIT = 4096;
let t: TestContext;
let adminId: number;

beforeAll(async () => {
  t = await startTestApp({ bodyLimit: BODY_LIMIT }, undefined, { onRoute: routes.onRoute });
  adminId = await insertUser(t, 'super_admin');
});
afterAll(() => t.close());

const family = /^\/api\/v1\/(auth|users|roles|audit-logs|api-keys|mail)(\/|$)/;
const identityRoutes = () => routeTable().filter((r) => family.test(r.url));
const SQLISH = ["' OR '1'='1", '1; DROP TABLE identity.users; --', "admin'--", '%_\\', "\u0000'", '$(jndi:x)'];

/** A fresh token per request: a hostile call to logout must not sign the next calls out. */
async function send(options: InjectOptions) {
  const headers = { ...(await authHeaders(t, adminId)), ...(options.headers ?? {}) };
  return t.app.inject({ ...options, headers });
}

function expectClientError(res: { statusCode: number; headers: any; json: () => any }, label: string) {
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
  expect(res.json().code, label).toEqual(expect.any(String));
}

/** The URL with every :param replaced by `value`. */
const withParams = (url: string, value: string) => url.replace(/:[A-Za-z_]+/g, encodeURIComponent(value));
const withSafeParams = (url: string) => withParams(url, '1');
const hasBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method);
const schemaOf = (r: ReturnType<typeof routeTable>[number], part: string) => (r.route.schema as any)?.[part];

describe('hostile input on identity routes', () => {
  it('covers the admin routes at least', () => {
    const urls = identityRoutes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining(['POST /api/v1/users', 'GET /api/v1/audit-logs', 'POST /api/v1/api-keys']),
    );
  });

  it('malformed JSON → 400 malformed_json', async () => {
    for (const r of identityRoutes().filter((x) => hasBody(x.method) && schemaOf(x, 'body'))) {
      for (const payload of ['{"username": ', '{,}', "{'a':1}", '[1,2']) {
        const res = await send({
          method: r.method as any,
          url: withSafeParams(r.url),
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expectClientError(res, `${r.method} ${r.url} ${payload}`);
        expect(res.json().code).toBe('malformed_json');
      }
    }
  });

  it('a content type the API does not take → 415 (text/plain, which Fastify parses, → 400)', async () => {
    for (const r of identityRoutes().filter((x) => hasBody(x.method) && schemaOf(x, 'body'))) {
      // (application/x-www-form-urlencoded is parsed app-wide on purpose: Open311 clients post forms.)
      for (const type of ['text/plain', 'application/xml', 'text/csv', 'application/octet-stream']) {
        const res = await send({
          method: r.method as any,
          url: withSafeParams(r.url),
          payload: '<user>x</user>',
          headers: { 'content-type': type },
        });
        expectClientError(res, `${r.method} ${r.url} ${type}`);
        // /api/v1/auth takes JSON only (no cross-site form or text posts), so text/plain is a 415 there too.
        const parsesText = type === 'text/plain' && !r.url.startsWith('/api/v1/auth/');
        expect(res.statusCode, `${r.method} ${r.url} ${type}`).toBe(parsesText ? 400 : 415);
      }
    }
  });

  it('a body over the limit → 413 body_too_large', async () => {
    for (const r of identityRoutes().filter((x) => hasBody(x.method))) {
      const res = await send({
        method: r.method as any,
        url: withSafeParams(r.url),
        payload: JSON.stringify({ name: 'x'.repeat(BODY_LIMIT * 2) }),
        headers: { 'content-type': 'application/json' },
      });
      expectClientError(res, `${r.method} ${r.url}`);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(413);
      expect(res.json().code).toBe('body_too_large');
    }
  });

  it('unknown fields in a body or query → 400 naming the field', async () => {
    for (const r of identityRoutes()) {
      const url = withSafeParams(r.url);
      if (hasBody(r.method) && schemaOf(r, 'body')) {
        const res = await send({ method: r.method as any, url, payload: { unexpected_field: 1 } });
        expectClientError(res, `${r.method} ${r.url} body`);
        expect(res.statusCode).toBe(400);
        expect(JSON.stringify(res.json().errors), `${r.method} ${r.url}`).toContain('unexpected_field');
      }
      if (schemaOf(r, 'querystring')) {
        const res = await send({ method: r.method as any, url: `${url}?unexpected_param=1` });
        expectClientError(res, `${r.method} ${r.url} query`);
        expect(res.statusCode).toBe(400);
        expect(JSON.stringify(res.json().errors)).toContain('unexpected_param');
      }
    }
  });

  it('out-of-range and non-numeric numbers in queries and bodies → 400', async () => {
    const bad = ['-1', '0', '1e12', '99999999999', 'abc', '1.5', 'NaN', ''];
    let checked = 0;
    for (const r of identityRoutes()) {
      const query = schemaOf(r, 'querystring')?.properties ?? {};
      for (const [name, prop] of Object.entries<any>(query)) {
        if (prop.type !== 'integer' && prop.type !== 'number') continue;
        for (const value of bad) {
          const res = await send({ method: r.method as any, url: `${withSafeParams(r.url)}?${name}=${value}` });
          if (value === '' && res.statusCode < 400) continue; // an empty value may mean "not given"
          expectClientError(res, `${r.method} ${r.url}?${name}=${value}`);
          checked++;
        }
      }
      const body = schemaOf(r, 'body')?.properties ?? {};
      for (const [name, prop] of Object.entries<any>(body)) {
        const numeric = prop.type === 'integer' || prop.anyOf?.some((p: any) => p.type === 'integer');
        if (!numeric) continue;
        for (const value of [-1, 0, 1e12, 99999999999, 'abc', 1.5]) {
          const res = await send({ method: r.method as any, url: withSafeParams(r.url), payload: { [name]: value } });
          expectClientError(res, `${r.method} ${r.url} ${name}=${value}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('bad ids in paths → 400 or 404, never 500', async () => {
    const withIds = identityRoutes().filter((r) => r.url.includes(':'));
    expect(withIds.length).toBeGreaterThan(0);
    for (const r of withIds) {
      for (const id of ['abc', '99999999999', '-1', '0', '1.5', '1e3', "1' OR '1'='1", '%00']) {
        const res = await send({
          method: r.method as any,
          url: withParams(r.url, id),
          ...(hasBody(r.method) ? { payload: {} } : {}),
        });
        expectClientError(res, `${r.method} ${withParams(r.url, id)}`);
      }
    }
    const abc = await send({ url: '/api/v1/users/abc' });
    expect(abc.statusCode).toBe(400);
    expect(abc.json().code).toBe('validation_failed');
    const huge = await send({ url: '/api/v1/users/99999999999' });
    expect(huge.statusCode).toBe(400);
  });

  it('SQL-ish strings are data: never a 500, and the tables survive', async () => {
    for (const r of identityRoutes()) {
      const query = schemaOf(r, 'querystring')?.properties ?? {};
      const body = schemaOf(r, 'body')?.properties ?? {};
      for (const value of SQLISH) {
        for (const [name, prop] of Object.entries<any>(query)) {
          if (prop.type !== 'string' && !prop.anyOf) continue;
          const res = await send({
            method: r.method as any,
            url: `${withSafeParams(r.url)}?${name}=${encodeURIComponent(value)}`,
          });
          expect(res.statusCode, `${r.method} ${r.url}?${name}=${value}`).toBeLessThan(500);
        }
        const strings = Object.entries<any>(body).filter(([, p]) => p.type === 'string' || p.anyOf);
        if (strings.length > 0 && hasBody(r.method)) {
          const payload = Object.fromEntries(strings.map(([name]) => [name, value]));
          const res = await send({ method: r.method as any, url: withSafeParams(r.url), payload });
          expect(res.statusCode, `${r.method} ${r.url} ${value}`).toBeLessThan(500);
        }
      }
    }
    const search = await send({ url: `/api/v1/users?search=${encodeURIComponent("' OR 1=1 --")}` });
    expect(search.statusCode).toBe(200);
    expect(search.json().total).toBe(0);
    const users = await one<{ n: number }>(t.database.db, sql`SELECT count(*) AS n FROM identity.users`);
    expect(users!.n).toBeGreaterThan(0);
  });
});
