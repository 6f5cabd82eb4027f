// Account lockout: `threshold` failed sign-ins in a row lock the account for `minutes`; a successful sign-in
// (or a password reset, or an admin unlock) resets the count. A lock that has run out starts the count afresh.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { iso } from '../../http/presenters.ts';

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

export function lockedError(lockedUntil: string | Date): AppError {
  const until = iso(lockedUntil)!;
  return new AppError(423, 'account_locked', `This account is locked after too many failed attempts until ${until}`, {
    locked_until: until,
  });
}

/** Counts one failure; answers the new count and, when this failure locked the account, until when. */
export async function recordFailure(
  tx: Db,
  userId: number,
  policy: LockoutPolicy,
): Promise<{ count: number; lockedUntil: string | null }> {
  const row = await one<{ failed_login_count: number; locked_until: string | null }>(
    tx,
    sql`WITH next AS (
          SELECT id, CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                          ELSE failed_login_count + 1 END AS count
          FROM identity.users WHERE id = ${userId} FOR UPDATE)
        UPDATE identity.users u
        SET failed_login_count = next.count,
            locked_until = CASE WHEN next.count >= ${policy.threshold}::int
                                THEN now() + make_interval(mins => ${policy.minutes}::int) ELSE NULL END
        FROM next WHERE u.id = next.id
        RETURNING u.failed_login_count, u.locked_until`,
  );
  return { count: row?.failed_login_count ?? 0, lockedUntil: row?.locked_until ?? null };
}

export async function resetFailures(tx: Db, userId: number): Promise<void> {
  await tx.execute(
    sql`UPDATE identity.users SET failed_login_count = 0, locked_until = NULL
        WHERE id = ${userId} AND (failed_login_count <> 0 OR locked_until IS NOT NULL)`,
  );
}
