// Each role of the catalogue against each admin route: 2xx exactly when the role holds the route's permission,
// 403 otherwise, 401 without a token; an auditor never succeeds at a write, and a refused write leaves no trace.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../src/db/client.ts';
import { hasPermission, type Permission, roles } from '../src/modules/identity/role-catalogue.ts';
import { authHeaders, insertUser, tokenFor } from './auth-tokens.ts';
import { startTestApp, type TestContext } from './harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Case {
  name: string;
  access: Permission | 'authenticated';
  write: boolean;
  /** Builds the request, creating whatever it acts on so that a permitted caller succeeds. */
  request: () => Promise<InjectOptions>;
}

const target = () => insertUser(t, 'citizen');

const cases: Case[] = [
  { name: 'list users', access: 'users:read', write: false, request: async () => ({ url: '/api/v1/users' }) },
  {
    name: 'get a user',
    access: 'users:read',
    write: false,
    request: async () => ({ url: `/api/v1/users/${await target()}` }),
  },
  {
    name: 'role history',
    access: 'users:read',
    write: false,
    request: async () => ({ url: `/api/v1/users/${await target()}/role-history` }),
  },
  {
    name: 'role-change analytics',
    access: 'users:read',
    write: false,
    request: async () => ({ url: '/api/v1/users/analytics/role-changes?days=30' }),
  },
  {
    name: 'create a user',
    access: 'users:write',
    write: true,
    request: async () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `new_${randomUUID().slice(0, 12)}`, role: 'citizen' },
    }),
  },
  {
    name: 'update a user',
    access: 'users:write',
    write: true,
    request: async () => ({ method: 'PATCH', url: `/api/v1/users/${await target()}`, payload: { bio: 'Volunteer' } }),
  },
  {
    name: 'deactivate a user',
    access: 'users:write',
    write: true,
    request: async () => ({ method: 'POST', url: `/api/v1/users/${await target()}/deactivate` }),
  },
  {
    name: 'activate a user',
    access: 'users:write',
    write: true,
    request: async () => {
      const id = await target();
      await t.database.db.execute(sql`UPDATE identity.users SET is_active = false WHERE id = ${id}`);
      return { method: 'POST', url: `/api/v1/users/${id}/activate` };
    },
  },
  {
    name: 'change a role',
    access: 'users:change_role',
    write: true,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/users/${await target()}/role`,
      payload: { role: 'contributor', reason: 'Trusted reporter' },
    }),
  },
  {
    name: 'unlock a user',
    access: 'users:unlock',
    write: true,
    request: async () => ({ method: 'POST', url: `/api/v1/users/${await target()}/unlock` }),
  },
  {
    name: "list a user's sessions",
    access: 'sessions:read_any',
    write: false,
    request: async () => ({ url: `/api/v1/users/${await target()}/sessions` }),
  },
  {
    name: "revoke a user's session",
    access: 'sessions:revoke_any',
    write: true,
    request: async () => {
      const id = await target();
      await tokenFor(t, id);
      const session = await one<{ id: number }>(
        t.database.db,
        sql`SELECT id FROM identity.sessions WHERE user_id = ${id}`,
      );
      return { method: 'DELETE', url: `/api/v1/users/${id}/sessions/${session!.id}` };
    },
  },
  {
    name: 'search the audit log',
    access: 'audit:read',
    write: false,
    request: async () => ({ url: '/api/v1/audit-logs' }),
  },
  {
    name: 'list API keys',
    access: 'api_keys:manage',
    write: false,
    request: async () => ({ url: '/api/v1/api-keys' }),
  },
  {
    name: 'create an API key',
    access: 'api_keys:manage',
    write: true,
    request: async () => ({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'matrix', scope: 'osdi' } }),
  },
  {
    name: 'revoke an API key',
    access: 'api_keys:manage',
    write: true,
    request: async () => {
      const key = await one<{ id: number }>(
        t.database.db,
        sql`INSERT INTO identity.api_keys (name, scope, key_prefix, key_hash)
            VALUES ('matrix', 'open311', 'ck_matrix', ${randomUUID().replace(/-/g, '').padEnd(64, '0')}) RETURNING id`,
      );
      return { method: 'DELETE', url: `/api/v1/api-keys/${key!.id}` };
    },
  },
  {
    name: 'read the mail outbox',
    access: 'outbox:read',
    write: false,
    request: async () => ({ url: '/api/v1/mail/outbox' }),
  },
  { name: 'list roles', access: 'authenticated', write: false, request: async () => ({ url: '/api/v1/roles' }) },
];

const allowed = (role: string, c: Case) => c.access === 'authenticated' || hasPermission(role, c.access);

async function auditCount(userId: number) {
  return (await one<{ n: number }>(
    t.database.db,
    sql`SELECT count(*) AS n FROM identity.audit_logs WHERE user_id = ${userId}`,
  ))!.n;
}

describe('authorization matrix', () => {
  it.each([...roles])('%s gets exactly what its permissions allow', async (role) => {
    const userId = await insertUser(t, role);
    const headers = await authHeaders(t, userId);
    const outcomes: string[] = [];
    const expected: string[] = [];
    let permittedWrites = 0;
    for (const c of cases) {
      const request = await c.request();
      const res = await t.app.inject({ ...request, headers });
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      outcomes.push(`${c.name}: ${ok ? '2xx' : res.statusCode}`);
      expected.push(`${c.name}: ${allowed(role, c) ? '2xx' : 403}`);
      if (res.statusCode === 403) expect(res.json().code, `${role} ${c.name}`).toBe('forbidden');
      if (ok && c.write) permittedWrites++;
    }
    expect(outcomes).toEqual(expected);
    // Every permitted write left exactly one audit record, a refused one none.
    expect(await auditCount(userId)).toBe(permittedWrites);
  });

  it('an auditor never succeeds at a write', async () => {
    const auditorId = await insertUser(t, 'auditor');
    const headers = await authHeaders(t, auditorId);
    for (const c of cases.filter((x) => x.write)) {
      const res = await t.app.inject({ ...(await c.request()), headers });
      expect(res.statusCode, c.name).toBe(403);
    }
    expect(await auditCount(auditorId)).toBe(0);
  });

  it('answers 401 unauthenticated to every admin route without a token, or with a bad one', async () => {
    for (const c of cases) {
      const request = await c.request();
      for (const headers of [
        {},
        { authorization: 'Bearer not-a-token' },
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
      ]) {
        const res = await t.app.inject({ ...request, headers });
        expect(res.statusCode, c.name).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json().code).toBe('unauthenticated');
      }
    }
  });
});
