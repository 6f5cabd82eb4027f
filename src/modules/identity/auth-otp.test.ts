// Phone sign-in: request a code (sent through the outbox's SMS adapter), read it from mail.outbox, verify it.
// A new number gets a citizen account (CiviLens sign-up); wrong codes are limited; codes are single-use.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one, rows } from '../../db/client.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as any });
const requestOtp = (phone: string) => post('/api/v1/auth/request-otp', { phone });
const verifyOtp = (body: { phone: string; otp: string; full_name?: string }) => post('/api/v1/auth/verify-otp', body);

/** The code in the newest SMS to `e164`, read from the outbox like an SMS gateway would. */
async function latestCode(e164: string): Promise<string> {
  const sms = await one<{ text_body: string; template: string; channel: string }>(
    t.database.db,
    sql`SELECT text_body, template, channel FROM mail.outbox
        WHERE channel = 'sms' AND to_address = ${e164} ORDER BY id DESC LIMIT 1`,
  );
  expect(sms!.template).toBe('login_otp');
  return sms!.text_body.match(/\b(\d{6})\b/)![1];
}

const wrongCode = (code: string) => (code === '000000' ? '000001' : '000000');

describe('phone sign-in', () => {
  it('request → code from the outbox → verify creates a citizen account (account_created_via otp)', async () => {
    const res = await requestOtp('(415) 555-2601');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ message: expect.any(String), expires_in: 600 });
    const code = await latestCode('+14155552601');
    const signedIn = await verifyOtp({ phone: '+1 415 555 2601', otp: code, full_name: 'Rosa Diaz' });
    expect(signedIn.statusCode).toBe(200);
    const tokens = signedIn.json();
    expect(tokens.token_type).toBe('bearer');
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(me.json().user).toMatchObject({
      phone: '+14155552601',
      phone_verified: true,
      role: 'citizen',
      account_created_via: 'otp',
      full_name: 'Rosa Diaz',
      profile_completion: 'basic',
      username: null,
    });
    expect(me.json().permissions).toContain('reports:create');
    const session = await one<{ login_method: string }>(
      t.database.db,
      sql`SELECT login_method FROM identity.sessions WHERE user_id = ${me.json().user.id}`,
    );
    expect(session!.login_method).toBe('otp');
    const actions = await rows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM identity.audit_logs WHERE user_id = ${me.json().user.id} ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user_created', 'phone_verified', 'login_success', 'session_created']),
    );
    // The request came before the account existed: it is recorded without a user.
    const requested = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = 'otp_requested' AND user_id IS NULL`,
    );
    expect(requested!.n).toBeGreaterThan(0);
    // The code is single-use.
    const reuse = await verifyOtp({ phone: '+14155552601', otp: code });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('invalid_code');
  });

  it('signs an existing account in (no second account) and marks its phone verified', async () => {
    const id = await createUser(t.database.db, {
      username: 'sam',
      password: 'Phone-Owner-Pass-1',
      role: 'nodal_officer',
      phone: '+14155552602',
    });
    await requestOtp('4155552602');
    const res = await verifyOtp({ phone: '4155552602', otp: await latestCode('+14155552602') });
    expect(res.statusCode).toBe(200);
    const user = await one<{ phone_verified: boolean; n: number }>(
      t.database.db,
      sql`SELECT phone_verified, (SELECT count(*)::int FROM identity.users WHERE phone = '+14155552602') AS n
          FROM identity.users WHERE id = ${id}`,
    );
    expect(user).toEqual({ phone_verified: true, n: 1 });
  });

  it('answers the same for a number with and without an account', async () => {
    await createUser(t.database.db, {
      username: 'tia',
      password: 'Phone-Owner-Pass-2',
      role: 'citizen',
      phone: '+14155552603',
    });
    const known = await requestOtp('+14155552603');
    const unknown = await requestOtp('+14155552604');
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.json()).toEqual(unknown.json());
  });

  it('five wrong codes burn the code: the right one is then refused', async () => {
    await requestOtp('+14155552605');
    const code = await latestCode('+14155552605');
    for (let i = 0; i < 5; i++) {
      const res = await verifyOtp({ phone: '+14155552605', otp: wrongCode(code) });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_code');
    }
    expect((await verifyOtp({ phone: '+14155552605', otp: code })).statusCode).toBe(401);
    const created = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.users WHERE phone = '+14155552605'`,
    );
    expect(created!.n).toBe(0);
    // A new code works.
    await requestOtp('+14155552605');
    expect((await verifyOtp({ phone: '+14155552605', otp: await latestCode('+14155552605') })).statusCode).toBe(200);
  });

  it('a new code retires the previous one; an expired code is refused', async () => {
    await requestOtp('+14155552606');
    const older = await latestCode('+14155552606');
    await requestOtp('+14155552606');
    const newer = await latestCode('+14155552606');
    if (older !== newer) expect((await verifyOtp({ phone: '+14155552606', otp: older })).statusCode).toBe(401);
    await t.database.db.execute(
      sql`UPDATE identity.one_time_codes SET expires_at = now() - interval '1 second'
          WHERE destination = '+14155552606' AND consumed_at IS NULL`,
    );
    expect((await verifyOtp({ phone: '+14155552606', otp: newer })).statusCode).toBe(401);
  });

  it('refuses numbers that are not phone numbers (400) and floods of codes to one number (429)', async () => {
    for (const phone of ['12', 'abc', 'ana@example.org', '+1 555', "' OR '1'='1"]) {
      const res = await requestOtp(phone);
      expect(res.statusCode, phone).toBe(400);
      expect(res.json().code).toBe('invalid_phone');
    }
    for (let i = 0; i < 5; i++) expect((await requestOtp('+14155552607')).statusCode).toBe(202);
    const flood = await requestOtp('+14155552607');
    expect(flood.statusCode).toBe(429);
    expect(flood.json().code).toBe('too_many_codes');
  });

  it('refuses a deactivated account with 403 account_inactive', async () => {
    const id = await createUser(t.database.db, {
      username: 'una',
      password: 'Phone-Owner-Pass-3',
      role: 'citizen',
      phone: '+14155552608',
    });
    await t.database.db.execute(sql`UPDATE identity.users SET is_active = false WHERE id = ${id}`);
    await requestOtp('+14155552608');
    const res = await verifyOtp({ phone: '+14155552608', otp: await latestCode('+14155552608') });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('account_inactive');
  });
});
