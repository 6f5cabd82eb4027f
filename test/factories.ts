// Test factories: users with a real (argon2) password, and signing in through the real login route.
import { sql } from 'drizzle-orm';
import { type Db, one } from '../src/db/client.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import type { App } from '../src/modules/module.ts';

export interface UserFields {
  username: string;
  password: string;
  role: string;
  email?: string | null;
  phone?: string | null;
  full_name?: string | null;
  is_active?: boolean;
}

/** Inserts a user whose password works at POST /api/v1/auth/login; returns the id. */
export async function createUser(db: Db, fields: UserFields): Promise<number> {
  const hash = await hashPassword(fields.password);
  const row = await one<{ id: number }>(
    db,
    sql`INSERT INTO identity.users (username, email, phone, full_name, role, password_hash, is_active, password_changed_at)
        VALUES (${fields.username}, ${fields.email ?? null}, ${fields.phone ?? null}, ${fields.full_name ?? null},
                ${fields.role}, ${hash}, ${fields.is_active ?? true}, now())
        RETURNING id`,
  );
  return row!.id;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
  expires_in: number;
}

/** Signs in through POST /api/v1/auth/login (no 2FA) and returns the tokens; throws on anything but 200 tokens. */
export async function signIn(app: App, username: string, password: string): Promise<Tokens> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const body = res.json();
  if (res.statusCode !== 200 || typeof body.access_token !== 'string') {
    throw new Error(`signIn(${username}) failed: ${res.statusCode} ${res.body}`);
  }
  return body as Tokens;
}

/** The Authorization header for an access token. */
export function bearer(tokens: { access_token: string }): { authorization: string } {
  return { authorization: `Bearer ${tokens.access_token}` };
}
