// Sessions of any user, the role catalogue, audit log search, API keys and the automatic role change.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, insertUser, tokenFor } from '../../../test/auth-tokens.ts';
import { createUser } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one, rows } from '../../db/client.ts';
import { verifyApiKey } from './api-keys.service.ts';
import { permissions, roles } from './role-catalogue.ts';
import { changeRole } from './role-change.ts';

let t: TestContext;
let adminId: number;
let admin: { authorization: string };

beforeAll(async () => {
  t = await startTestApp();
  adminId = await createUser(t.database.db, {
    username: 'root_admin',
    password: 'Correct-Horse-9-Battery',
    role: 'super_admin',
  });
  admin = await authHeaders(t, adminId);
});
afterAll(() => t.close());

describe('sessions of any user', () => {
  it('lists active sessions, revokes one (its token stops working) and audits it', async () => {
    const id = await insertUser(t, 'nodal_officer');
    const first = await tokenFor(t, id);
    const second = await tokenFor(t, id);
    const list = await t.app.inject({ url: `/api/v1/users/${id}/sessions`, headers: admin });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({
      user_id: id,
      is_active: true,
      ip_address: '127.0.0.1',
      login_method: 'password',
    });
    const target = sessions[0];
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${id}/sessions/${target.id}`,
      headers: admin,
    });
    expect(res.statusCode).toBe(204);
    const codes = await Promise.all(
      [first, second].map(
        async (token) =>
          (await t.app.inject({ url: '/api/v1/roles', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ),
    );
    expect(codes.sort()).toEqual([200, 401]);
    const after = await t.app.inject({ url: `/api/v1/users/${id}/sessions`, headers: admin });
    expect(after.json().sessions).toHaveLength(1);
    const all = await t.app.inject({ url: `/api/v1/users/${id}/sessions?include_ended=true`, headers: admin });
    expect(all.json().sessions.find((s: any) => s.id === target.id)).toMatchObject({
      is_active: false,
      revoked_reason: 'admin_revoked',
    });
    const audit = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM identity.audit_logs WHERE action = 'session_revoked'
          AND resource_id = ${String(target.id)} AND user_id = ${adminId}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('answers 404 for a session that belongs to someone else and for an unknown user', async () => {
    const a = await insertUser(t, 'citizen');
    const b = await insertUser(t, 'citizen');
    await tokenFor(t, b);
    const bSession = await one<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM identity.sessions WHERE user_id = ${b}`,
    );
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${a}/sessions/${bSession!.id}`,
      headers: admin,
    });
    expect(res.statusCode).toBe(404);
    const unknown = await t.app.inject({ url: '/api/v1/users/7777777/sessions', headers: admin });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/v1/roles', () => {
  it('lists every role of the catalogue with level and permissions, for any signed-in user', async () => {
    const citizen = await authHeaders(t, await insertUser(t, 'citizen'));
    const res = await t.app.inject({ url: '/api/v1/roles', headers: citizen });
    expect(res.statusCode).toBe(200);
    const list = res.json().roles;
    expect(list.map((r: any) => r.name).sort()).toEqual([...roles].sort());
    const auditor = list.find((r: any) => r.name === 'auditor');
    expect(auditor.level).toBe(5);
    expect(auditor.permissions).toContain('audit:read');
    expect(auditor.permissions).not.toContain('users:write');
    expect(list.find((r: any) => r.name === 'admin').permissions).toEqual([...permissions]);
    expect((await t.app.inject({ url: '/api/v1/roles' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/audit-logs', () => {
  it('filters by user, action, status, resource and time range, newest first', async () => {
    const id = await insertUser(t, 'citizen');
    await t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/unlock`, headers: admin });
    await t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/deactivate`, headers: admin });
    const byResource = await t.app.inject({
      url: `/api/v1/audit-logs?resource_type=user&resource_id=${id}`,
      headers: admin,
    });
    expect(byResource.statusCode).toBe(200);
    const body = byResource.json();
    expect(body.audit_logs.map((a: any) => a.action)).toEqual(['user_deactivated', 'account_unlocked']);
    expect(body.audit_logs[0]).toMatchObject({
      user_id: adminId,
      user_role: 'super_admin',
      status: 'success',
      request_id: expect.any(String),
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(body.total).toBe(2);
    const byAction = await t.app.inject({
      url: `/api/v1/audit-logs?action=account_unlocked&user_id=${adminId}`,
      headers: admin,
    });
    expect(byAction.json().audit_logs.every((a: any) => a.action === 'account_unlocked')).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await t.app.inject({ url: `/api/v1/audit-logs?from=${encodeURIComponent(future)}`, headers: admin });
    expect(none.json()).toMatchObject({ audit_logs: [], total: 0, total_pages: 1 });
    const failures = await t.app.inject({ url: '/api/v1/audit-logs?status=failure', headers: admin });
    expect(failures.json().audit_logs.every((a: any) => a.status === 'failure')).toBe(true);
  });
});

describe('API keys', () => {
  it('creates a key shown once, stores only its hash, verifies it for its scope, and revokes it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: 'Action Network sync', scope: 'osdi' },
    });
    expect(res.statusCode).toBe(201);
    const { api_key, key } = res.json();
    expect(key).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(api_key).toMatchObject({ name: 'Action Network sync', scope: 'osdi', key_prefix: key.slice(0, 11) });
    expect(api_key).not.toHaveProperty('key_hash');
    const stored = await one<{ key_hash: string }>(
      t.database.db,
      sql`SELECT key_hash FROM identity.api_keys WHERE id = ${api_key.id}`,
    );
    expect(stored!.key_hash).not.toContain(key);
    expect(stored!.key_hash).toMatch(/^[0-9a-f]{64}$/);

    expect(await verifyApiKey(t.database.db, key, 'osdi')).toEqual({
      id: api_key.id,
      name: 'Action Network sync',
      user_id: adminId,
    });
    expect(await verifyApiKey(t.database.db, key, 'open311')).toBeNull();
    expect(await verifyApiKey(t.database.db, `${key}x`, 'osdi')).toBeNull();
    const used = await one<{ last_used_at: string | null }>(
      t.database.db,
      sql`SELECT last_used_at FROM identity.api_keys WHERE id = ${api_key.id}`,
    );
    expect(used!.last_used_at).not.toBeNull();

    const list = await t.app.inject({ url: '/api/v1/api-keys', headers: admin });
    expect(list.json().api_keys.map((k: any) => k.id)).toContain(api_key.id);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${api_key.id}`, headers: admin });
    expect(del.statusCode).toBe(204);
    expect(await verifyApiKey(t.database.db, key, 'osdi')).toBeNull();
    const actions = await rows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM identity.audit_logs WHERE resource_type = 'api_key' AND resource_id = ${String(api_key.id)} ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['api_key_created', 'api_key_revoked']);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/api-keys/999999', headers: admin })).statusCode).toBe(
      404,
    );
  });

  it('refuses expired keys and keys of a deactivated user', async () => {
    const ownerId = await insertUser(t, 'admin');
    const owner = await authHeaders(t, ownerId);
    const make = async (payload: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: owner, payload })).json().key as string;
    const expiring = await make({
      name: 'short',
      scope: 'open311',
      expires_at: new Date(Date.now() + 60_000).toISOString(),
    });
    const plain = await make({ name: 'plain', scope: 'open311' });
    expect(await verifyApiKey(t.database.db, expiring, 'open311')).not.toBeNull();
    await t.database.db.execute(
      sql`UPDATE identity.api_keys SET expires_at = now() - interval '1 second' WHERE name = 'short'`,
    );
    expect(await verifyApiKey(t.database.db, expiring, 'open311')).toBeNull();
    expect(await verifyApiKey(t.database.db, plain, 'open311')).not.toBeNull();
    await t.app.inject({ method: 'POST', url: `/api/v1/users/${ownerId}/deactivate`, headers: admin });
    expect(await verifyApiKey(t.database.db, plain, 'open311')).toBeNull();
  });
});

describe('changeRole() for automatic promotion', () => {
  it('promotes, writes role_history automatic=true and an audit entry about the user; a no-op writes nothing', async () => {
    const id = await insertUser(t, 'citizen');
    const reason = 'Auto-promotion based on reputation and activity';
    const result = await t.database.db.transaction((tx) =>
      changeRole(tx, { userId: id, newRole: 'contributor', changedBy: null, reason, automatic: true }),
    );
    expect(result).toEqual({ changed: true, oldRole: 'citizen', newRole: 'contributor' });
    const history = await rows<any>(
      t.database.db,
      sql`SELECT old_role, new_role, changed_by, reason, automatic FROM identity.role_history WHERE user_id = ${id}`,
    );
    expect(history).toEqual([
      { old_role: 'citizen', new_role: 'contributor', changed_by: null, reason, automatic: true },
    ]);
    const audit = await rows<any>(
      t.database.db,
      sql`SELECT user_id, user_role, extra_data FROM identity.audit_logs WHERE action = 'user_role_changed' AND resource_id = ${String(id)}`,
    );
    expect(audit).toEqual([
      {
        user_id: id,
        user_role: 'citizen',
        extra_data: expect.objectContaining({ automatic: true, new_role: 'contributor' }),
      },
    ]);
    const again = await t.database.db.transaction((tx) =>
      changeRole(tx, { userId: id, newRole: 'contributor', changedBy: null, reason, automatic: true }),
    );
    expect(again.changed).toBe(false);
    const count = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*) AS n FROM identity.role_history WHERE user_id = ${id}`,
    );
    expect(count!.n).toBe(1);
  });
});
