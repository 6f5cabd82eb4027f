// Single-use expiring secrets in identity.one_time_codes, stored as SHA-256:
// - 6-digit codes sent to a phone (login_otp): looked up by destination, at most `maxCodeAttempts` guesses;
// - long random tokens sent by email (password_reset, email_verify) or handed out (two_factor challenges):
//   looked up by their hash.
// Issuing a new secret for the same purpose and user or destination retires the older ones.
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { randomToken, sha256 } from './secrets.ts';

export type CodePurpose = 'login_otp' | 'phone_verify' | 'email_verify' | 'password_reset' | 'two_factor';

export const maxCodeAttempts = 5;

export interface LiveCode {
  id: number;
  user_id: number | null;
  destination: string | null;
  attempts: number;
}

export function newDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Short codes are hashed with where they were sent, so equal codes for two phones differ in the table. */
function digitCodeHash(destination: string, code: string): string {
  return sha256(`${destination}:${code}`);
}

async function retireOlder(tx: Db, purpose: CodePurpose, userId: number) {
  await tx.execute(
    sql`UPDATE identity.one_time_codes SET consumed_at = now()
        WHERE user_id = ${userId} AND purpose = ${purpose} AND consumed_at IS NULL`,
  );
}

/** A new 6-digit code for `destination` (a phone in E.164); returns the code. */
export async function issueDigitCode(
  tx: Db,
  input: { purpose: CodePurpose; destination: string; userId: number | null; ttlSeconds: number },
): Promise<string> {
  await tx.execute(
    sql`UPDATE identity.one_time_codes SET consumed_at = now()
        WHERE purpose = ${input.purpose} AND destination = ${input.destination} AND consumed_at IS NULL`,
  );
  const code = newDigitCode();
  await tx.execute(
    sql`INSERT INTO identity.one_time_codes (user_id, purpose, destination, code_hash, expires_at)
        VALUES (${input.userId}, ${input.purpose}, ${input.destination}, ${digitCodeHash(input.destination, code)},
                now() + make_interval(secs => ${input.ttlSeconds}::int))`,
  );
  return code;
}

/** How many codes were sent to `destination` for `purpose` in the last `minutes` (SMS flooding guard). */
export async function recentCodeCount(db: Db, purpose: CodePurpose, destination: string, minutes: number) {
  const row = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM identity.one_time_codes
        WHERE purpose = ${purpose} AND destination = ${destination}
          AND created_at > now() - make_interval(mins => ${minutes}::int)`,
  );
  return row?.n ?? 0;
}

export type DigitCheck = { ok: true; code: LiveCode } | { ok: false; burned: boolean };

/**
 * Checks a typed code against the newest live code for `destination`. A wrong guess counts an attempt; the
 * `maxCodeAttempts`-th wrong guess burns the code. A right guess consumes it.
 */
export async function checkDigitCode(
  tx: Db,
  purpose: CodePurpose,
  destination: string,
  code: string,
): Promise<DigitCheck> {
  const live = await one<LiveCode & { code_hash: string }>(
    tx,
    sql`SELECT id, user_id, destination, attempts, code_hash FROM identity.one_time_codes
        WHERE purpose = ${purpose} AND destination = ${destination} AND consumed_at IS NULL
          AND expires_at > now() AND attempts < ${maxCodeAttempts}::int
        ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
  );
  if (!live) return { ok: false, burned: false };
  if (live.code_hash !== digitCodeHash(destination, code)) {
    const attempts = live.attempts + 1;
    await tx.execute(
      sql`UPDATE identity.one_time_codes
          SET attempts = ${attempts}::int, consumed_at = CASE WHEN ${attempts}::int >= ${maxCodeAttempts}::int THEN now() END
          WHERE id = ${live.id}`,
    );
    return { ok: false, burned: attempts >= maxCodeAttempts };
  }
  await consumeCode(tx, live.id);
  const { code_hash: _hash, ...rest } = live;
  return { ok: true, code: rest };
}

/** A new random token for `userId` (emailed links, 2FA challenges); returns the token. */
export async function issueToken(
  tx: Db,
  input: { purpose: CodePurpose; userId: number; destination: string | null; ttlSeconds: number },
): Promise<string> {
  await retireOlder(tx, input.purpose, input.userId);
  const token = randomToken(32);
  await tx.execute(
    sql`INSERT INTO identity.one_time_codes (user_id, purpose, destination, code_hash, expires_at)
        VALUES (${input.userId}, ${input.purpose}, ${input.destination}, ${sha256(token)},
                now() + make_interval(secs => ${input.ttlSeconds}::int))`,
  );
  return token;
}

/** The live (unconsumed, unexpired, not out of attempts) code a token names, locked; null for any other. */
export function findLiveToken(tx: Db, purpose: CodePurpose, token: string) {
  return one<LiveCode>(
    tx,
    sql`SELECT id, user_id, destination, attempts FROM identity.one_time_codes
        WHERE code_hash = ${sha256(token)} AND purpose = ${purpose} AND consumed_at IS NULL
          AND expires_at > now() AND attempts < ${maxCodeAttempts}::int
        FOR UPDATE`,
  );
}

/** Counts a failed use of a token; the `maxCodeAttempts`-th burns it. */
export async function countFailedAttempt(tx: Db, id: number): Promise<void> {
  await tx.execute(
    sql`UPDATE identity.one_time_codes
        SET attempts = attempts + 1,
            consumed_at = CASE WHEN attempts + 1 >= ${maxCodeAttempts}::int THEN now() END
        WHERE id = ${id}`,
  );
}

export async function consumeCode(tx: Db, id: number): Promise<void> {
  await tx.execute(sql`UPDATE identity.one_time_codes SET consumed_at = now() WHERE id = ${id}`);
}
