// Re-authentication for sensitive self-service changes (password change, turning 2FA off, new recovery codes):
// the current password again. Wrong passwords count toward lockout like failed sign-ins, so a stolen access
// token cannot be used to guess the password.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import { type AuditContext, audit } from './audit.ts';
import { lockedError, recordFailure } from './lockout.ts';
import { passwordProblems, verifyPassword } from './passwords.ts';
import { type AuthDeps, lockoutPolicy } from './session-tokens.ts';

export const wrongPassword = () => new AppError(403, 'wrong_password', 'The password you entered is wrong');

/** 400 weak_password listing every rule the password breaks. */
export function assertPasswordPolicy(password: string, field = 'new_password') {
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    throw badRequest('weak_password', `The new password ${problems.join(', ')}`, {
      problems,
      errors: problems.map((message) => ({ field, message })),
    });
  }
}

/** Checks `password` against the user's; throws 403 wrong_password (counted) or 423 when locked. */
export async function confirmPassword(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  userId: number,
  password: string,
  during: string,
): Promise<void> {
  const user = await one<{ password_hash: string | null; locked: boolean; locked_until: string | null; role: string }>(
    db,
    sql`SELECT password_hash, COALESCE(locked_until > now(), false) AS locked, locked_until, role
        FROM identity.users WHERE id = ${userId}`,
  );
  if (!user) throw wrongPassword();
  if (user.locked) throw lockedError(user.locked_until!);
  if (!user.password_hash) {
    throw badRequest(
      'no_password',
      'This account signs in with phone codes and has no password; set one through password reset by email first',
    );
  }
  if (await verifyPassword(user.password_hash, password)) return;
  const lockedUntil = await db.transaction(async (tx) => {
    const failure = await recordFailure(tx, userId, lockoutPolicy(deps));
    await audit(tx, context, {
      action: 'login_failure',
      status: 'failure',
      description: `Wrong password when confirming: ${during}`,
      extra: { reason: 'wrong_password', during, failed_count: failure.count },
    });
    if (failure.lockedUntil) {
      await audit(tx, context, {
        action: 'account_locked',
        status: 'warning',
        resourceType: 'user',
        resourceId: userId,
        extra: { failed_count: failure.count, locked_until: failure.lockedUntil },
      });
    }
    return failure.lockedUntil;
  });
  throw lockedUntil ? lockedError(lockedUntil) : wrongPassword();
}
