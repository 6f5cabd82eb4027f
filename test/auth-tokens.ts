// Signing in without the sign-in route: a session row and an access token for it, exactly what resolveActor checks.
// Also the smallest user insert the admin tests need (no password hashing, so a hundred users stay fast).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one } from '../src/db/client.ts';
import { signAccessToken } from '../src/modules/identity/tokens.ts';
import type { TestContext } from './harness.ts';

/** A bearer access token for a new active session of `userId`. */
export async function tokenFor(t: TestContext, userId: number): Promise<string> {
  const jti = randomUUID();
  const session = await one<{ id: number; role: string }>(
    t.database.db,
    sql`INSERT INTO identity.sessions (user_id, jti, expires_at, login_method, ip_address, user_agent)
        VALUES (${userId}, ${jti}, now() + interval '1 hour', 'password', '127.0.0.1', 'vitest')
        RETURNING id, (SELECT role FROM identity.users WHERE id = ${userId}) AS role`,
  );
  return signAccessToken(t.deps.secrets, { userId, sessionId: session!.id, jti, role: session!.role }, 900);
}

/** The Authorization header for a new session of `userId`. */
export async function authHeaders(t: TestContext, userId: number): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await tokenFor(t, userId)}` };
}

let counter = 0;

/** Inserts an active user with `role` (no password) and returns its id. */
export async function insertUser(
  t: TestContext,
  role: string,
  fields: { username?: string; email?: string; phone?: string; full_name?: string } = {},
): Promise<number> {
  counter += 1;
  const username = fields.username ?? `${role.toLowerCase()}_${counter}_${randomUUID().slice(0, 8)}`;
  const row = await one<{ id: number }>(
    t.database.db,
    sql`INSERT INTO identity.users (username, email, phone, full_name, role)
        VALUES (${username}, ${fields.email ?? null}, ${fields.phone ?? null}, ${fields.full_name ?? null}, ${role})
        RETURNING id`,
  );
  return row!.id;
}
