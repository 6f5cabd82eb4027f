// Checking a second factor: a 6-digit TOTP code (each accepted once) or a single-use recovery code.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { spendRecoveryCode } from './recovery-codes.ts';
import { decrypt, type Secrets } from './secrets.ts';
import { checkTotp, isTotpFormat } from './totp.ts';

export interface TwoFactorState {
  id: number;
  totp_secret: string | null;
  totp_last_step: number | null;
}

export type SecondFactor = 'totp' | 'recovery_code';

/** Which factor `code` proved (and spends it), or null. Call inside the transaction that acts on it. */
export async function checkSecondFactor(
  tx: Db,
  secrets: Secrets,
  user: TwoFactorState,
  code: string,
): Promise<SecondFactor | null> {
  const typed = code.trim();
  if (isTotpFormat(typed)) {
    if (!user.totp_secret) return null;
    const step = await checkTotp(decrypt(secrets, user.totp_secret), typed, user.totp_last_step);
    if (step === null) return null;
    await tx.execute(sql`UPDATE identity.users SET totp_last_step = ${step} WHERE id = ${user.id}`);
    return 'totp';
  }
  return (await spendRecoveryCode(tx, user.id, typed)) ? 'recovery_code' : null;
}
