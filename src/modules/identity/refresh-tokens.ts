// Rotating refresh tokens (opaque, stored as SHA-256). One family per session: each refresh marks the
// presented token rotated and issues the next one. Presenting a rotated token again means it was copied:
// the whole family and its session are revoked, so the thief and the victim both have to sign in again.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type AuditContext, audit } from './audit.ts';
import { randomToken, sha256 } from './secrets.ts';
import { type AuthDeps, accessTokenFor, type Tokens } from './session-tokens.ts';

export function newFamilyId(): string {
  return randomUUID();
}

/** Stores a new refresh token of `familyId` for the session (expiring with it) and makes it the current one. */
export async function issueRefreshToken(
  tx: Db,
  input: { userId: number; sessionId: number; familyId: string },
): Promise<string> {
  const token = randomToken(32);
  const row = await one<{ id: number }>(
    tx,
    sql`INSERT INTO identity.refresh_tokens (user_id, session_id, token_hash, family_id, expires_at)
        SELECT ${input.userId}, id, ${sha256(token)}, ${input.familyId}::uuid, expires_at
        FROM identity.sessions WHERE id = ${input.sessionId}
        RETURNING id`,
  );
  await tx.execute(
    sql`UPDATE identity.sessions SET refresh_token_jti = ${String(row!.id)} WHERE id = ${input.sessionId}`,
  );
  return token;
}

const invalidRefresh = () =>
  new AppError(401, 'invalid_refresh_token', 'The refresh token is not valid; sign in again');
const reused = () =>
  new AppError(
    401,
    'refresh_token_reused',
    'This refresh token was already used; the session has been ended for safety. Sign in again',
  );

interface Presented {
  id: number;
  user_id: number;
  session_id: number;
  family_id: string;
  rotated_at: string | null;
  revoked_at: string | null;
  live: boolean;
  session_live: boolean;
  session_jti: string;
  role: string;
}

/** POST /api/v1/auth/refresh: the next tokens of the session, or a 401 (after revoking on reuse). */
export async function refreshSession(db: Db, deps: AuthDeps, context: AuditContext, token: string): Promise<Tokens> {
  const outcome = await db.transaction(async (tx) => {
    const found = await one<Presented>(
      tx,
      sql`SELECT r.id, r.user_id, r.session_id, r.family_id, r.rotated_at, r.revoked_at, r.expires_at > now() AS live,
                 (s.is_active = 1 AND s.expires_at > now() AND u.is_active
                  AND (u.expires_at IS NULL OR u.expires_at > now())) AS session_live,
                 s.jti AS session_jti, u.role
          FROM identity.refresh_tokens r
          JOIN identity.sessions s ON s.id = r.session_id
          JOIN identity.users u ON u.id = r.user_id
          WHERE r.token_hash = ${sha256(token)}
          FOR UPDATE OF r, s`,
    );
    if (!found) return { error: invalidRefresh() };
    const who = { userId: found.user_id, userRole: found.role, resourceType: 'session', resourceId: found.session_id };
    if (found.rotated_at !== null && found.revoked_at === null) {
      await tx.execute(
        sql`UPDATE identity.refresh_tokens SET revoked_at = now()
            WHERE family_id = ${found.family_id}::uuid AND revoked_at IS NULL`,
      );
      await tx.execute(
        sql`UPDATE identity.sessions SET is_active = 0, revoked_at = now(), revoked_reason = 'refresh_token_reused'
            WHERE id = ${found.session_id} AND is_active = 1`,
      );
      await audit(tx, context, {
        ...who,
        action: 'token_reuse_detected',
        status: 'warning',
        description: 'A rotated refresh token was presented again; its family and session were revoked',
        extra: { family_id: found.family_id },
      });
      return { error: reused() };
    }
    if (found.revoked_at !== null || !found.live || !found.session_live) {
      await audit(tx, context, {
        ...who,
        action: 'token_refresh',
        status: 'failure',
        extra: { reason: found.revoked_at !== null ? 'revoked' : !found.live ? 'expired' : 'session_ended' },
      });
      return { error: invalidRefresh() };
    }
    await tx.execute(sql`UPDATE identity.refresh_tokens SET rotated_at = now() WHERE id = ${found.id}`);
    const refreshToken = await issueRefreshToken(tx, {
      userId: found.user_id,
      sessionId: found.session_id,
      familyId: found.family_id,
    });
    await tx.execute(sql`UPDATE identity.sessions SET last_activity = now() WHERE id = ${found.session_id}`);
    await audit(tx, context, { ...who, action: 'token_refresh' });
    const user = { id: found.user_id, role: found.role };
    const session = { id: found.session_id, jti: found.session_jti };
    return { tokens: await accessTokenFor(deps, user, session, refreshToken) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.tokens;
}
