// 2FA recovery codes: ten single-use codes shown once, stored as SHA-256. Typed codes are read leniently
// (case, spaces and dashes do not matter).
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { sha256 } from './secrets.ts';

export const recoveryCodeCount = 10;
// No 0/o, 1/l/i: codes are read off paper.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/.test(normalizeRecoveryCode(code));
}

/** Replaces the user's recovery codes with ten new ones and returns them (the only time they are readable). */
export async function replaceRecoveryCodes(tx: Db, userId: number): Promise<string[]> {
  await tx.execute(sql`DELETE FROM identity.recovery_codes WHERE user_id = ${userId}`);
  const codes = Array.from({ length: recoveryCodeCount }, newCode);
  for (const code of codes) {
    await tx.execute(
      sql`INSERT INTO identity.recovery_codes (user_id, code_hash)
          VALUES (${userId}, ${sha256(normalizeRecoveryCode(code))})`,
    );
  }
  return codes;
}

/** Marks a matching unused code used; false when there is none. */
export async function spendRecoveryCode(tx: Db, userId: number, code: string): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const used = await one<{ id: number }>(
    tx,
    sql`UPDATE identity.recovery_codes SET used_at = now()
        WHERE id = (SELECT id FROM identity.recovery_codes
                    WHERE user_id = ${userId} AND code_hash = ${sha256(normalizeRecoveryCode(code))} AND used_at IS NULL
                    LIMIT 1 FOR UPDATE)
        RETURNING id`,
  );
  return !!used;
}

export async function deleteRecoveryCodes(tx: Db, userId: number): Promise<void> {
  await tx.execute(sql`DELETE FROM identity.recovery_codes WHERE user_id = ${userId}`);
}
