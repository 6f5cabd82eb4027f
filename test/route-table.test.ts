// Every route of the built app declares who may call it, and a route that does not stops the app from starting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { modules } from '../src/modules/index.ts';
import { permissions } from '../src/modules/identity/role-catalogue.ts';
import { startTestApp, type TestContext } from './harness.ts';
import { routeCollector } from './route-collector.ts';

const routes = routeCollector();
const routeTable = routes.table;

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({}, undefined, { onRoute: routes.onRoute });
});
afterAll(() => t.close());

const validAccess = new Set<string>(['public', 'authenticated', 'api_key:osdi', 'api_key:open311', ...permissions]);

describe('route table', () => {
  it('collects the whole app, including plugin routes', () => {
    const urls = routeTable().map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/health');
    expect(urls).toContain('GET /api/v1/users');
    expect(urls).toContain('GET /api/v1/mail/outbox');
    expect(urls.some((u) => u.startsWith('GET /api/docs'))).toBe(true);
  });

  it('every route declares an access rule that the catalogue knows', () => {
    const undeclared = routeTable()
      .filter((r) => !validAccess.has(String((r.route.config as any)?.access)))
      .map((r) => `${r.method} ${r.url} → ${String((r.route.config as any)?.access)}`);
    expect(undeclared).toEqual([]);
  });

  it('admin routes are never public: each needs a permission (the role list needs a signed-in user)', () => {
    const admin = routeTable().filter((r) => /^\/api\/v1\/(users|audit-logs|api-keys|roles|mail)(\/|$)/.test(r.url));
    expect(admin.length).toBeGreaterThanOrEqual(17);
    for (const r of admin) {
      const access = String((r.route.config as any).access);
      if (r.url === '/api/v1/roles') expect(access).toBe('authenticated');
      else expect((permissions as readonly string[]).includes(access), `${r.method} ${r.url}: ${access}`).toBe(true);
    }
  });

  it('every /api/v1 JSON route has a response schema, and request schemas are closed', () => {
    const problems: string[] = [];
    for (const r of routeTable().filter((x) => x.url.startsWith('/api/v1/'))) {
      const schema = (r.route.schema ?? {}) as Record<string, any>;
      // File downloads (…/errors.csv) answer a file, not JSON.
      const download = /\.[a-z0-9]{2,5}$/.test(r.url);
      if (!schema.response && !download) problems.push(`${r.method} ${r.url}: no response schema`);
      for (const part of ['body', 'querystring', 'params']) {
        const s = schema[part];
        if (s && s.type === 'object' && s.additionalProperties !== false) {
          problems.push(`${r.method} ${r.url}: ${part} accepts unknown properties`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a route without config.access makes buildApp throw', async () => {
    modules.push({
      name: 'careless',
      routes: (app) => {
        app.get('/api/v1/careless', async () => ({ ok: true }));
      },
    });
    try {
      await expect(buildApp(t.deps)).rejects.toThrow(/GET \/api\/v1\/careless declares no access rule/);
    } finally {
      modules.pop();
    }
  });
});
