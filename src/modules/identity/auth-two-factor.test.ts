// Two-factor authentication end to end, with real TOTP codes computed by otplib from the secret the set-up
// answers: set-up, enable, the sign-in challenge, replay refusal, recovery codes (single use), challenge limits,
// disable (password and code), new recovery codes.
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one } from '../../db/client.ts';

const PASSWORD = 'Second-Factor-Pass-7';
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ lockoutThreshold: 10 });
});
afterAll(() => t.close());

const post = (url: string, payload?: unknown, token?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    ...(payload === undefined ? {} : { payload: payload as any }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

/** The TOTP code `steps` 30-second steps after `base` (unix seconds). */
const totpAt = (secret: string, base: number, steps = 0) => generate({ secret, epoch: base + steps * 30 });
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function turnOn(username: string) {
  const tokens = await signIn(t.app, username, PASSWORD);
  const setup = await post('/api/v1/auth/2fa/setup', undefined, tokens.access_token);
  expect(setup.statusCode).toBe(200);
  const { secret } = setup.json();
  const base = nowSeconds();
  const enabled = await post('/api/v1/auth/2fa/enable', { code: await totpAt(secret, base) }, tokens.access_token);
  expect(enabled.statusCode).toBe(200);
  return { tokens, secret, base, recoveryCodes: enabled.json().recovery_codes as string[] };
}

async function challenge(username: string) {
  const res = await post('/api/v1/auth/login', { username, password: PASSWORD });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({
    two_factor_required: true,
    challenge_token: expect.any(String),
    methods: ['totp', 'recovery_code'],
  });
  return res.json().challenge_token as string;
}

const verify = (challengeToken: string, code: string) =>
  post('/api/v1/auth/2fa/verify', { challenge_token: challengeToken, code });

describe('two-factor authentication', () => {
  it('set-up → enable with a real code → sign-in answers a challenge → a real code answers tokens', async () => {
    const id = await createUser(t.database.db, { username: 'tina', password: PASSWORD, role: 'admin' });
    const tokens = await signIn(t.app, 'tina', PASSWORD);
    const setup = await post('/api/v1/auth/2fa/setup', undefined, tokens.access_token);
    expect(setup.statusCode).toBe(200);
    const { secret, otpauth_url, qr_svg } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(otpauth_url).toMatch(/^otpauth:\/\/totp\/Caucus:/);
    expect(otpauth_url).toContain(`secret=${secret}`);
    expect(qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const stored = await one<{ totp_secret: string; two_fa_enabled: boolean }>(
      t.database.db,
      sql`SELECT totp_secret, two_fa_enabled FROM identity.users WHERE id = ${id}`,
    );
    expect(stored!.two_fa_enabled).toBe(false);
    expect(stored!.totp_secret).not.toContain(secret);

    // Not on yet: signing in still answers tokens.
    expect((await signIn(t.app, 'tina', PASSWORD)).access_token).toEqual(expect.any(String));

    const base = nowSeconds();
    const code = await totpAt(secret, base);
    const wrong = await post(
      '/api/v1/auth/2fa/enable',
      { code: code === '000000' ? '111111' : '000000' },
      tokens.access_token,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('invalid_code');
    const enabled = await post('/api/v1/auth/2fa/enable', { code }, tokens.access_token);
    expect(enabled.statusCode).toBe(200);
    const codes: string[] = enabled.json().recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const again = await post('/api/v1/auth/2fa/setup', undefined, tokens.access_token);
    expect(again.statusCode).toBe(409);

    const challengeToken = await challenge('tina');
    expect((await verify(challengeToken, '12345')).json().code).toBe('invalid_code');
    // The code that enabled 2FA was spent: the same code again is a replay.
    const replay = await verify(challengeToken, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_code');
    const ok = await verify(challengeToken, await totpAt(secret, base, 1));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ token_type: 'bearer', access_token: expect.any(String) });
    // A challenge is single-use.
    expect((await verify(challengeToken, codes[0])).statusCode).toBe(401);

    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${ok.json().access_token}` },
    });
    expect(me.json().user.two_fa_enabled).toBe(true);
    const audit = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE user_id = ${id} AND action = 'two_fa_enabled'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('a recovery code works once only (case, spaces and dashes do not matter)', async () => {
    await createUser(t.database.db, { username: 'ugo', password: PASSWORD, role: 'viewer' });
    const { recoveryCodes } = await turnOn('ugo');
    const typed = ` ${recoveryCodes[0].toUpperCase().replace('-', ' ')} `;
    const first = await verify(await challenge('ugo'), typed);
    expect(first.statusCode).toBe(200);
    const second = await verify(await challenge('ugo'), recoveryCodes[0]);
    expect(second.statusCode).toBe(401);
    expect(second.json().code).toBe('invalid_code');
    expect((await verify(await challenge('ugo'), recoveryCodes[1])).statusCode).toBe(200);
  });

  it('a challenge allows five attempts, expires, and cannot be made up', async () => {
    const id = await createUser(t.database.db, { username: 'vic', password: PASSWORD, role: 'viewer' });
    const { recoveryCodes } = await turnOn('vic');
    const burned = await challenge('vic');
    for (let i = 0; i < 5; i++) expect((await verify(burned, 'wrong-code-x')).statusCode).toBe(401);
    expect((await verify(burned, recoveryCodes[0])).statusCode).toBe(401);

    const expiring = await challenge('vic');
    await t.database.db.execute(
      sql`UPDATE identity.one_time_codes SET expires_at = now() - interval '1 second'
          WHERE user_id = ${id} AND purpose = 'two_factor' AND consumed_at IS NULL`,
    );
    expect((await verify(expiring, recoveryCodes[0])).statusCode).toBe(401);
    expect((await verify('made-up-challenge', recoveryCodes[0])).statusCode).toBe(401);
    // The recovery code was never spent by those refusals.
    expect((await verify(await challenge('vic'), recoveryCodes[0])).statusCode).toBe(200);
  });

  it('disable needs the password AND a code; then sign-in answers tokens directly', async () => {
    const id = await createUser(t.database.db, { username: 'wes', password: PASSWORD, role: 'viewer' });
    const { tokens, secret, base } = await turnOn('wes');
    const next = await totpAt(secret, base, 1);
    const noPassword = await post(
      '/api/v1/auth/2fa/disable',
      { password: 'Wrong-Password-1', code: next },
      tokens.access_token,
    );
    expect(noPassword.statusCode).toBe(403);
    expect(noPassword.json().code).toBe('wrong_password');
    const badCode = await post(
      '/api/v1/auth/2fa/disable',
      { password: PASSWORD, code: next === '123456' ? '654321' : '123456' },
      tokens.access_token,
    );
    expect(badCode.statusCode).toBe(403);
    expect(badCode.json().code).toBe('invalid_code');
    const missing = await post('/api/v1/auth/2fa/disable', { password: PASSWORD }, tokens.access_token);
    expect(missing.statusCode).toBe(400);
    const off = await post('/api/v1/auth/2fa/disable', { password: PASSWORD, code: next }, tokens.access_token);
    expect(off.statusCode).toBe(204);
    const user = await one<{ two_fa_enabled: boolean; totp_secret: string | null; codes: number }>(
      t.database.db,
      sql`SELECT two_fa_enabled, totp_secret,
                 (SELECT count(*)::int FROM identity.recovery_codes WHERE user_id = ${id}) AS codes
          FROM identity.users WHERE id = ${id}`,
    );
    expect(user).toEqual({ two_fa_enabled: false, totp_secret: null, codes: 0 });
    expect((await signIn(t.app, 'wes', PASSWORD)).access_token).toEqual(expect.any(String));
    const twice = await post('/api/v1/auth/2fa/disable', { password: PASSWORD, code: next }, tokens.access_token);
    expect(twice.statusCode).toBe(409);
  });

  it('disable with a recovery code; new recovery codes need the password and replace the old ones', async () => {
    await createUser(t.database.db, { username: 'xia', password: PASSWORD, role: 'viewer' });
    const { tokens, recoveryCodes } = await turnOn('xia');
    const refused = await post(
      '/api/v1/auth/2fa/recovery-codes',
      { password: 'Wrong-Password-2' },
      tokens.access_token,
    );
    expect(refused.statusCode).toBe(403);
    const renewed = await post('/api/v1/auth/2fa/recovery-codes', { password: PASSWORD }, tokens.access_token);
    expect(renewed.statusCode).toBe(200);
    const fresh: string[] = renewed.json().recovery_codes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    expect((await verify(await challenge('xia'), recoveryCodes[0])).statusCode).toBe(401);
    const off = await post('/api/v1/auth/2fa/disable', { password: PASSWORD, code: fresh[3] }, tokens.access_token);
    expect(off.statusCode).toBe(204);
  });

  it('a phone-code sign-in of a 2FA account answers the challenge, and the session records the otp method', async () => {
    const id = await createUser(t.database.db, {
      username: 'yan',
      password: PASSWORD,
      role: 'citizen',
      phone: '+14155552699',
    });
    const { recoveryCodes } = await turnOn('yan');
    expect((await post('/api/v1/auth/request-otp', { phone: '+14155552699' })).statusCode).toBe(202);
    const sms = await one<{ text_body: string }>(
      t.database.db,
      sql`SELECT text_body FROM mail.outbox WHERE channel = 'sms' AND to_address = '+14155552699' ORDER BY id DESC LIMIT 1`,
    );
    const otp = sms!.text_body.match(/\b(\d{6})\b/)![1];
    const answer = await post('/api/v1/auth/verify-otp', { phone: '+14155552699', otp });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().two_factor_required).toBe(true);
    const ok = await verify(answer.json().challenge_token, recoveryCodes[0]);
    expect(ok.statusCode).toBe(200);
    const session = await one<{ login_method: string }>(
      t.database.db,
      sql`SELECT login_method FROM identity.sessions WHERE user_id = ${id} ORDER BY id DESC LIMIT 1`,
    );
    expect(session!.login_method).toBe('otp');
  });
});
