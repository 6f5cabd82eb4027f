// Signing in: password (username, email or phone), phone code (creating a citizen account on first use, as
// CiviLens signs up), and the second step when 2FA is on. Failures are audited and counted for lockout in a
// transaction that commits before the error is answered.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import { type AuditContext, audit } from './audit.ts';
import { lockedError, recordFailure } from './lockout.ts';
import {
  checkDigitCode,
  consumeCode,
  countFailedAttempt,
  findLiveToken,
  issueDigitCode,
  issueToken,
  recentCodeCount,
} from './one-time-codes.ts';
import { verifyPassword } from './passwords.ts';
import { possiblePhone, validPhone } from './phone.ts';
import { checkSecondFactor } from './second-factor.ts';
import { type AuthDeps, lockoutPolicy, type Tokens } from './session-tokens.ts';
import { type LoginMethod, startSession } from './sessions.service.ts';
import { findUserByPhone, findUserForSignIn, lockUserForSignIn, type SignInUser } from './sign-in.queries.ts';
import { createOtpCitizen } from './otp-signup.ts';

export interface TwoFactorChallenge {
  two_factor_required: true;
  challenge_token: string;
  methods: ['totp', 'recovery_code'];
}
export type LoginAnswer = Tokens | TwoFactorChallenge;

const challengeTtlSeconds = 300;

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The username, email or phone and password do not match an account');
export const invalidCode = () => new AppError(401, 'invalid_code', 'The code is wrong, expired or already used');
export const accountInactive = () =>
  new AppError(403, 'account_inactive', 'This account is deactivated or has expired; contact an administrator');

type Outcome<T> = { answer: T } | { error: AppError };
function settle<T>(outcome: Outcome<T>): T {
  if ('error' in outcome) throw outcome.error;
  return outcome.answer;
}

const whoOf = (user: SignInUser) => ({ userId: user.id, userRole: user.role });

/** Tokens, or a 2FA challenge when the account has 2FA on. */
async function finishSignIn(
  tx: Db,
  deps: AuthDeps,
  context: AuditContext,
  user: SignInUser,
  method: LoginMethod,
): Promise<LoginAnswer> {
  if (!user.two_fa_enabled) return startSession(tx, deps, context, user, method);
  const challenge = await issueToken(tx, {
    purpose: 'two_factor',
    userId: user.id,
    destination: method,
    ttlSeconds: challengeTtlSeconds,
  });
  await audit(tx, context, {
    ...whoOf(user),
    action: 'two_fa_challenge',
    description: 'First factor accepted; waiting for the second',
    extra: { method },
  });
  return { two_factor_required: true, challenge_token: challenge, methods: ['totp', 'recovery_code'] };
}

// POST /api/v1/auth/login
export async function login(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  input: { username: string; password: string },
): Promise<LoginAnswer> {
  const identifier = input.username.trim();
  const user = await findUserForSignIn(db, identifier, possiblePhone(identifier));
  const kind = identifier.includes('@') ? 'email' : possiblePhone(identifier) ? 'phone_or_username' : 'username';
  if (!user) {
    await verifyPassword(null, input.password);
    await audit(db, context, {
      userId: null,
      userRole: null,
      action: 'login_failure',
      status: 'failure',
      extra: { reason: 'unknown_user', identifier_kind: kind },
    });
    throw invalidCredentials();
  }
  if (user.locked) {
    await audit(db, context, {
      ...whoOf(user),
      action: 'login_failure',
      status: 'failure',
      extra: { reason: 'account_locked' },
    });
    throw lockedError(user.locked_until!);
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  return settle(
    await db.transaction(async (tx): Promise<Outcome<LoginAnswer>> => {
      if (!passwordOk) {
        // An account without a password cannot be guessed into; counting would only let others lock it.
        const failure = user.password_hash ? await recordFailure(tx, user.id, lockoutPolicy(deps)) : null;
        await audit(tx, context, {
          ...whoOf(user),
          action: 'login_failure',
          status: 'failure',
          extra: { reason: user.password_hash ? 'wrong_password' : 'no_password', failed_count: failure?.count },
        });
        if (failure?.lockedUntil) {
          await audit(tx, context, {
            ...whoOf(user),
            action: 'account_locked',
            status: 'warning',
            resourceType: 'user',
            resourceId: user.id,
            extra: { failed_count: failure.count, locked_until: failure.lockedUntil },
          });
          return { error: lockedError(failure.lockedUntil) };
        }
        return { error: invalidCredentials() };
      }
      if (!user.active) {
        await audit(tx, context, {
          ...whoOf(user),
          action: 'login_failure',
          status: 'failure',
          extra: { reason: 'account_inactive' },
        });
        return { error: accountInactive() };
      }
      return { answer: await finishSignIn(tx, deps, context, user, 'password') };
    }),
  );
}

// POST /api/v1/auth/2fa/verify
export async function verifyTwoFactor(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  input: { challenge_token: string; code: string },
): Promise<Tokens> {
  return settle(
    await db.transaction(async (tx): Promise<Outcome<Tokens>> => {
      const challenge = await findLiveToken(tx, 'two_factor', input.challenge_token);
      const user = challenge?.user_id ? await lockUserForSignIn(tx, challenge.user_id) : null;
      if (!challenge || !user) return { error: invalidCode() };
      if (!user.active || !user.two_fa_enabled) {
        await consumeCode(tx, challenge.id);
        return { error: user.active ? invalidCode() : accountInactive() };
      }
      if (user.locked) return { error: lockedError(user.locked_until!) };
      const factor = await checkSecondFactor(tx, deps.secrets, user, input.code);
      if (!factor) {
        await countFailedAttempt(tx, challenge.id);
        const failure = await recordFailure(tx, user.id, lockoutPolicy(deps));
        await audit(tx, context, {
          ...whoOf(user),
          action: 'login_failure',
          status: 'failure',
          extra: { reason: 'wrong_second_factor', failed_count: failure.count },
        });
        if (failure.lockedUntil) {
          await consumeCode(tx, challenge.id);
          await audit(tx, context, {
            ...whoOf(user),
            action: 'account_locked',
            status: 'warning',
            resourceType: 'user',
            resourceId: user.id,
            extra: { failed_count: failure.count, locked_until: failure.lockedUntil },
          });
          return { error: lockedError(failure.lockedUntil) };
        }
        return { error: invalidCode() };
      }
      await consumeCode(tx, challenge.id);
      const method: LoginMethod = challenge.destination === 'otp' ? 'otp' : 'password';
      return { answer: await startSession(tx, deps, context, user, method) };
    }),
  );
}

export const otpTtlSeconds = 600;
const otpFloodWindowMinutes = 15;
const otpFloodMax = 5;

const invalidPhone = (phone: string) =>
  badRequest('invalid_phone', `${JSON.stringify(phone)} is not a phone number we can send a code to`);

// POST /api/v1/auth/request-otp: the same answer whether or not the number has an account.
export async function requestOtp(db: Db, deps: AuthDeps, context: AuditContext, input: { phone: string }) {
  const phone = validPhone(input.phone);
  if (!phone) throw invalidPhone(input.phone);
  if ((await recentCodeCount(db, 'login_otp', phone, otpFloodWindowMinutes)) >= otpFloodMax) {
    throw new AppError(429, 'too_many_codes', 'Too many codes were sent to this number; wait a few minutes', {
      headers: { 'retry-after': String(otpFloodWindowMinutes * 60) },
    });
  }
  await db.transaction(async (tx) => {
    const user = await findUserByPhone(tx, phone);
    const code = await issueDigitCode(tx, {
      purpose: 'login_otp',
      destination: phone,
      userId: user?.id ?? null,
      ttlSeconds: otpTtlSeconds,
    });
    await deps.mail.queueSms(tx, {
      to: phone,
      text: `Your Caucus sign-in code is ${code}. It expires in ${otpTtlSeconds / 60} minutes. Never share it.`,
      template: 'login_otp',
    });
    await audit(tx, context, {
      userId: user?.id ?? null,
      userRole: user?.role ?? null,
      action: 'otp_requested',
      description: 'A sign-in code was sent by SMS',
      extra: { new_number: !user },
    });
  });
  return { message: 'A sign-in code is on its way by SMS.', expires_in: otpTtlSeconds };
}

// POST /api/v1/auth/verify-otp
export async function verifyOtp(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  input: { phone: string; otp: string; full_name?: string },
): Promise<LoginAnswer> {
  const phone = validPhone(input.phone);
  if (!phone) throw invalidPhone(input.phone);
  return settle(
    await db.transaction(async (tx): Promise<Outcome<LoginAnswer>> => {
      const check = await checkDigitCode(tx, 'login_otp', phone, input.otp.trim());
      let user = await findUserByPhone(tx, phone);
      if (!check.ok) {
        await audit(tx, context, {
          userId: user?.id ?? null,
          userRole: user?.role ?? null,
          action: 'login_failure',
          status: 'failure',
          extra: { reason: check.burned ? 'code_burned' : 'wrong_code', method: 'otp' },
        });
        return { error: invalidCode() };
      }
      if (!user) {
        user = await createOtpCitizen(tx, context, phone, input.full_name?.trim() || null);
      } else {
        if (!user.active) {
          await audit(tx, context, {
            ...whoOf(user),
            action: 'login_failure',
            status: 'failure',
            extra: { reason: 'account_inactive', method: 'otp' },
          });
          return { error: accountInactive() };
        }
        if (user.locked) return { error: lockedError(user.locked_until!) };
        if (!user.phone_verified) {
          await tx.execute(sql`UPDATE identity.users SET phone_verified = true WHERE id = ${user.id}`);
          await audit(tx, context, {
            ...whoOf(user),
            action: 'phone_verified',
            resourceType: 'user',
            resourceId: user.id,
          });
        }
      }
      return { answer: await finishSignIn(tx, deps, context, user, 'otp') };
    }),
  );
}
