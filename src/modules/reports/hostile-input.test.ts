// Hostile input on every reports route: malformed JSON, unknown fields, bad numbers, bad ids and SQL-ish
// strings get a 4xx problem+json, never a 500. The routes are the ones the app registers.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { authHeaders, insertUser } from '../../../test/auth-tokens.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { routeCollector } from '../../../test/route-collector.ts';

const routes = routeCollector();
const routeTable = routes.table;

let t: TestContext;
let adminId: number;
beforeAll(async () => {
  t = await startTestApp({ bodyLimit: 16384 }, undefined, { onRoute: routes.onRoute });
  adminId = await insertUser(t, 'super_admin');
  await t.database.db.execute(sql`INSERT INTO reports.departments (id, name) VALUES (1, 'D1')`);
});
afterAll(() => t.close());

const family = /^\/api\/v1\/reports(\/|$)/;
const reportRoutes = () => {
  const seen = new Set<string>();
  return routeTable().filter((r) => {
    const key = `${r.method} ${r.url}`;
    if (!family.test(r.url) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
const SQLISH = ["' OR '1'='1", '1; DROP TABLE reports.reports; --', '%_\\', "\u0000'", `\${jndi:x}`, '🙂'.repeat(3)];
const withParams = (url: string, value: string) =>
  url
    .replace(/:code/g, value === '1' ? 'roads' : encodeURIComponent(value))
    .replace(/:[A-Za-z_]+/g, encodeURIComponent(value));
const hasBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method);
const schemaOf = (r: ReturnType<typeof routeTable>[number], part: string) => (r.route.schema as any)?.[part];

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

describe('hostile input on reports routes', () => {
  it('covers the reports API', () => {
    expect(reportRoutes().length).toBeGreaterThan(50);
  });

  it('malformed JSON → 400 malformed_json', async () => {
    for (const r of reportRoutes().filter((x) => hasBody(x.method) && schemaOf(x, 'body'))) {
      const res = await send({
        method: r.method as any,
        url: withParams(r.url, '1'),
        payload: '{"a": ',
        headers: { 'content-type': 'application/json' },
      });
      expectClientError(res, `${r.method} ${r.url}`);
      expect(res.json().code).toBe('malformed_json');
    }
  });

  it('unknown fields in a body or query → 400', async () => {
    for (const r of reportRoutes()) {
      const url = withParams(r.url, '1');
      if (hasBody(r.method) && schemaOf(r, 'body')) {
        const res = await send({ method: r.method as any, url, payload: { unexpected_field: 1 } });
        expectClientError(res, `${r.method} ${r.url} body`);
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(400);
      }
      if (schemaOf(r, 'querystring')) {
        const res = await send({ method: r.method as any, url: `${url}?unexpected_param=1` });
        expectClientError(res, `${r.method} ${r.url} query`);
      }
    }
  });

  it('bad ids in paths → 400 or 404, never 500', async () => {
    for (const r of reportRoutes().filter((x) => x.url.includes(':'))) {
      for (const id of ['abc', '99999999999', '-1', '0', '1.5', "1' OR '1'='1", '%00', '424242']) {
        const res = await send({
          method: r.method as any,
          url: withParams(r.url, id),
          ...(hasBody(r.method) ? { payload: {} } : {}),
        });
        if (res.statusCode < 400) continue; // e.g. an empty edit of an existing thing is fine
        expectClientError(res, `${r.method} ${withParams(r.url, id)}`);
      }
    }
  });

  it('out-of-range numbers → 400', async () => {
    let checked = 0;
    for (const r of reportRoutes()) {
      const body = schemaOf(r, 'body')?.properties ?? {};
      for (const [name, prop] of Object.entries<any>(body)) {
        if (prop.type !== 'integer' && prop.type !== 'number') continue;
        for (const value of [-1e12, 1e12, 'abc', Number.NaN]) {
          const res = await send({ method: r.method as any, url: withParams(r.url, '1'), payload: { [name]: value } });
          expectClientError(res, `${r.method} ${r.url} ${name}=${value}`);
          checked++;
        }
      }
      const query = schemaOf(r, 'querystring')?.properties ?? {};
      for (const [name, prop] of Object.entries<any>(query)) {
        if (prop.type !== 'integer' && prop.type !== 'number') continue;
        for (const value of ['-99999999999', '99999999999', 'abc']) {
          const res = await send({ method: r.method as any, url: `${withParams(r.url, '1')}?${name}=${value}` });
          expectClientError(res, `${r.method} ${r.url}?${name}=${value}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('SQL-ish strings are data: never a 500, and the tables survive', async () => {
    for (const r of reportRoutes()) {
      const query = schemaOf(r, 'querystring')?.properties ?? {};
      const body = schemaOf(r, 'body')?.properties ?? {};
      for (const value of SQLISH) {
        for (const [name, prop] of Object.entries<any>(query)) {
          if (prop.type !== 'string' && !prop.anyOf) continue;
          const res = await send({
            method: r.method as any,
            url: `${withParams(r.url, '1')}?${name}=${encodeURIComponent(value)}`,
          });
          expect(res.statusCode, `${r.method} ${r.url}?${name}=${value}: ${res.body}`).toBeLessThan(500);
        }
        const strings = Object.entries<any>(body).filter(([, p]) => p.type === 'string' || p.anyOf);
        if (strings.length > 0 && hasBody(r.method)) {
          const payload = Object.fromEntries(strings.map(([name]) => [name, value]));
          const res = await send({ method: r.method as any, url: withParams(r.url, '1'), payload });
          expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(value)}: ${res.body}`).toBeLessThan(500);
        }
      }
    }
    const created = await send({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { title: "x'); DROP TABLE reports.reports; --", description: '\u0000', latitude: 23.3, longitude: 85.3 },
    });
    expect(created.statusCode).toBeLessThan(500);
    const n = await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM reports.categories`);
    expect(n!.n).toBeGreaterThanOrEqual(8);
  });
});
