// The user as sign-in sees it: credentials, status, lockout and 2FA state.
import { type SQL, sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';

export interface SignInUser {
  id: number;
  role: string;
  password_hash: string | null;
  /** is_active and not expired (TEMP accounts) */
  active: boolean;
  locked: boolean;
  locked_until: string | null;
  two_fa_enabled: boolean;
  totp_secret: string | null;
  totp_last_step: number | null;
  phone_verified: boolean;
}

const signInColumns = sql.raw(
  `id, role, password_hash, is_active AND (expires_at IS NULL OR expires_at > now()) AS active,
   COALESCE(locked_until > now(), false) AS locked, locked_until, two_fa_enabled, totp_secret, totp_last_step,
   phone_verified`,
);

/**
 * POST /api/v1/auth/login: the account a typed identifier names. An exact username wins over an email, which
 * wins over a phone number (users_username_key, users_email_key, users_phone_key serve the three look-ups).
 */
export function findUserForSignIn(db: Db, identifier: string, phone: string | null) {
  const byPhone: SQL = phone ? sql`OR phone = ${phone}` : sql``;
  return one<SignInUser>(
    db,
    sql`SELECT ${signInColumns} FROM identity.users
        WHERE username = ${identifier} OR email = ${identifier} ${byPhone}
        ORDER BY CASE WHEN username = ${identifier} THEN 0 WHEN email = ${identifier} THEN 1 ELSE 2 END
        LIMIT 1`,
  );
}

/** The account with this E.164 phone, locked for the sign-in transaction (users_phone_key). */
export function findUserByPhone(tx: Db, phone: string) {
  return one<SignInUser>(tx, sql`SELECT ${signInColumns} FROM identity.users WHERE phone = ${phone} FOR UPDATE`);
}

export function lockUserForSignIn(tx: Db, id: number) {
  return one<SignInUser>(tx, sql`SELECT ${signInColumns} FROM identity.users WHERE id = ${id} FOR UPDATE`);
}
