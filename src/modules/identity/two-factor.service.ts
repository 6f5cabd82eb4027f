// Two-factor authentication, self-service: set up (a new TOTP secret, stored encrypted, not yet on), enable
// with a first code (answers ten recovery codes, shown once), disable (password and a code), new recovery codes.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, badRequest, conflict } from '../../http/errors.ts';
import { type AuditContext, audit } from './audit.ts';
import { confirmPassword } from './reauth.ts';
import { deleteRecoveryCodes, replaceRecoveryCodes } from './recovery-codes.ts';
import { checkSecondFactor } from './second-factor.ts';
import { decrypt, encrypt } from './secrets.ts';
import type { AuthDeps } from './session-tokens.ts';
import { checkTotp, newTotpSecret, totpQrSvg, totpUrl } from './totp.ts';

interface TwoFactorRow {
  id: number;
  username: string | null;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  two_fa_enabled: boolean;
  totp_secret: string | null;
  totp_last_step: number | null;
}

function lockTwoFactor(tx: Db, userId: number) {
  return one<TwoFactorRow>(
    tx,
    sql`SELECT id, username, email, phone, password_hash, two_fa_enabled, totp_secret, totp_last_step
        FROM identity.users WHERE id = ${userId} FOR UPDATE`,
  );
}

const notEnabled = () => conflict('two_fa_not_enabled', 'Two-factor authentication is not on for this account');

// POST /api/v1/auth/2fa/setup
export async function setupTwoFactor(db: Db, deps: AuthDeps, context: AuditContext, actor: Actor) {
  const secret = newTotpSecret();
  const account = await db.transaction(async (tx) => {
    const user = await lockTwoFactor(tx, actor.userId);
    if (!user) throw notEnabled();
    if (user.two_fa_enabled) {
      throw conflict('two_fa_already_enabled', 'Two-factor authentication is already on; turn it off first');
    }
    // Turning 2FA off needs the password, so an account without one could never turn it off again.
    if (!user.password_hash) {
      throw badRequest('no_password', 'Set a password (password reset by email) before turning on two-factor');
    }
    await tx.execute(
      sql`UPDATE identity.users SET totp_secret = ${encrypt(deps.secrets, secret)}, totp_last_step = NULL
          WHERE id = ${actor.userId}`,
    );
    await audit(tx, context, { action: 'two_fa_setup', resourceType: 'user', resourceId: actor.userId });
    return user.email ?? user.username ?? user.phone ?? `user-${user.id}`;
  });
  const otpauthUrl = totpUrl(secret, account);
  return { secret, otpauth_url: otpauthUrl, qr_svg: await totpQrSvg(otpauthUrl) };
}

// POST /api/v1/auth/2fa/enable
export async function enableTwoFactor(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  actor: Actor,
  input: { code: string },
) {
  return db.transaction(async (tx) => {
    const user = await lockTwoFactor(tx, actor.userId);
    if (user?.two_fa_enabled) throw conflict('two_fa_already_enabled', 'Two-factor authentication is already on');
    if (!user?.totp_secret)
      throw badRequest('two_fa_not_set_up', 'Start the set-up first (POST /api/v1/auth/2fa/setup)');
    const step = await checkTotp(decrypt(deps.secrets, user.totp_secret), input.code.trim(), user.totp_last_step);
    if (step === null) {
      throw badRequest('invalid_code', 'The code does not match; check the time on your device and try a new code');
    }
    await tx.execute(
      sql`UPDATE identity.users SET two_fa_enabled = true, two_fa_enabled_at = now(), totp_last_step = ${step}
          WHERE id = ${actor.userId}`,
    );
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await audit(tx, context, { action: 'two_fa_enabled', resourceType: 'user', resourceId: actor.userId });
    return { recovery_codes: codes };
  });
}

// POST /api/v1/auth/2fa/disable: the password and a current TOTP or recovery code.
export async function disableTwoFactor(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  actor: Actor,
  input: { password: string; code: string },
) {
  const current = await one<{ two_fa_enabled: boolean }>(
    db,
    sql`SELECT two_fa_enabled FROM identity.users WHERE id = ${actor.userId}`,
  );
  if (!current?.two_fa_enabled) throw notEnabled();
  await confirmPassword(db, deps, context, actor.userId, input.password, 'two_fa_disable');
  const ok = await db.transaction(async (tx) => {
    const user = await lockTwoFactor(tx, actor.userId);
    if (!user?.two_fa_enabled) return true;
    const factor = await checkSecondFactor(tx, deps.secrets, user, input.code);
    if (!factor) {
      await audit(tx, context, {
        action: 'two_fa_disabled',
        status: 'failure',
        resourceType: 'user',
        resourceId: actor.userId,
        extra: { reason: 'wrong_code' },
      });
      return false;
    }
    await tx.execute(
      sql`UPDATE identity.users SET two_fa_enabled = false, two_fa_enabled_at = NULL, totp_secret = NULL,
                 totp_last_step = NULL
          WHERE id = ${actor.userId}`,
    );
    await deleteRecoveryCodes(tx, actor.userId);
    await audit(tx, context, {
      action: 'two_fa_disabled',
      resourceType: 'user',
      resourceId: actor.userId,
      extra: { confirmed_with: factor },
    });
    return true;
  });
  if (!ok) throw new AppError(403, 'invalid_code', 'The code is wrong or already used');
}

// POST /api/v1/auth/2fa/recovery-codes
export async function regenerateRecoveryCodes(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  actor: Actor,
  input: { password: string },
) {
  const current = await one<{ two_fa_enabled: boolean }>(
    db,
    sql`SELECT two_fa_enabled FROM identity.users WHERE id = ${actor.userId}`,
  );
  if (!current?.two_fa_enabled) throw notEnabled();
  await confirmPassword(db, deps, context, actor.userId, input.password, 'recovery_codes');
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await audit(tx, context, {
      action: 'recovery_codes_regenerated',
      resourceType: 'user',
      resourceId: actor.userId,
    });
    return { recovery_codes: codes };
  });
}
