// The audit log is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused on both engines,
// whoever runs them. The one change allowed is the foreign key nulling user_id when that user is deleted.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../src/db/client.ts';
import { audit } from '../src/modules/identity/audit.ts';
import { insertUser } from './auth-tokens.ts';
import { startTestApp, type TestContext } from './harness.ts';

let t: TestContext;
let userId: number;
let entryId: number;

beforeAll(async () => {
  t = await startTestApp();
  userId = await insertUser(t, 'moderator');
  await audit(
    t.database.db,
    { actor: null, ip: '10.0.0.1', requestId: 'req-1' },
    {
      action: 'login_success',
      userId,
      userRole: 'moderator',
      description: 'Signed in',
      extra: { method: 'password' },
    },
  );
  entryId = (await one<{ id: number }>(
    t.database.db,
    sql`SELECT id FROM identity.audit_logs WHERE user_id = ${userId}`,
  ))!.id;
});
afterAll(() => t.close());

async function refused(statement: string) {
  const error = await t.database.query(statement).then(
    () => null,
    (err: any) => err,
  );
  expect(error, `${statement} should be refused`).not.toBeNull();
  expect(String(error.message)).toMatch(/append-only/);
  expect(error.code).toBe('42501');
}

async function entry() {
  return one<Record<string, any>>(t.database.db, sql`SELECT * FROM identity.audit_logs WHERE id = ${entryId}`);
}

describe('identity.audit_logs is append-only', () => {
  it('refuses UPDATE of any column', async () => {
    const before = await entry();
    await refused(`UPDATE identity.audit_logs SET action = 'nothing_happened' WHERE id = ${entryId}`);
    await refused(`UPDATE identity.audit_logs SET description = NULL WHERE id = ${entryId}`);
    // Even nulling user_id by hand together with another change is refused.
    await refused(`UPDATE identity.audit_logs SET user_id = NULL, status = 'failure' WHERE id = ${entryId}`);
    await refused('UPDATE identity.audit_logs SET ip_address = NULL');
    expect(await entry()).toEqual(before);
  });

  it('refuses DELETE and TRUNCATE', async () => {
    await refused(`DELETE FROM identity.audit_logs WHERE id = ${entryId}`);
    await refused('DELETE FROM identity.audit_logs');
    await refused('TRUNCATE identity.audit_logs');
    await refused('TRUNCATE identity.audit_logs CASCADE');
    expect(await entry()).toBeDefined();
  });

  it('still accepts new entries', async () => {
    await t.database.query(
      "INSERT INTO identity.audit_logs (action, status, description) VALUES ('suspicious_activity', 'warning', 'test')",
    );
    const found = await rows(
      t.database.db,
      sql`SELECT 1 FROM identity.audit_logs WHERE action = 'suspicious_activity'`,
    );
    expect(found).toHaveLength(1);
  });

  it('deleting a user nulls user_id in their audit rows and changes nothing else', async () => {
    const before = await entry();
    expect(before!.user_id).toBe(userId);
    await t.database.query('DELETE FROM identity.users WHERE id = $1', [userId]);
    const after = await entry();
    expect(after).toEqual({ ...before, user_id: null });
  });
});
