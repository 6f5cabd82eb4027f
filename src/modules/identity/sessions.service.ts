// Sessions: starting one at sign-in (session row, refresh token family, access token, login metadata, audit),
// and the caller's own sessions: list, end the current one, end one, end all or all others.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { iso } from '../../http/presenters.ts';
import { type AuditContext, audit } from './audit.ts';
import { describeDevice, parseDeviceInfo } from './device-info.ts';
import { resetFailures } from './lockout.ts';
import { issueRefreshToken, newFamilyId } from './refresh-tokens.ts';
import { sha256 } from './secrets.ts';
import { type AuthDeps, accessTokenFor, type Tokens } from './session-tokens.ts';
import { endUserSessions } from './user-sessions.service.ts';

export type LoginMethod = 'password' | 'otp';

/**
 * Signs `user` in: a new session (device, IP, fingerprint, method, expiry = now + REFRESH_TOKEN_TTL), its refresh
 * token family, an access token; resets the lockout count and records last_login and login_count.
 */
export async function startSession(
  tx: Db,
  deps: AuthDeps,
  context: AuditContext,
  user: { id: number; role: string },
  method: LoginMethod,
): Promise<Tokens> {
  const jti = randomUUID();
  const device = parseDeviceInfo(context.userAgent);
  const fingerprint = sha256(`${context.ip ?? ''}${context.userAgent ?? ''}`);
  const session = await one<{ id: number }>(
    tx,
    sql`INSERT INTO identity.sessions (user_id, jti, device_info, ip_address, user_agent, fingerprint, login_method, expires_at)
        VALUES (${user.id}, ${jti}, ${device ? JSON.stringify(device) : null}::jsonb, ${context.ip ?? null},
                ${context.userAgent ?? null}, ${fingerprint}, ${method},
                now() + make_interval(secs => ${deps.config.refreshTokenTtl}::int))
        RETURNING id`,
  );
  const sessionId = session!.id;
  const refreshToken = await issueRefreshToken(tx, { userId: user.id, sessionId, familyId: newFamilyId() });
  await resetFailures(tx, user.id);
  await tx.execute(
    sql`UPDATE identity.users SET last_login = now(), login_count = login_count + 1 WHERE id = ${user.id}`,
  );
  const who = { userId: user.id, userRole: user.role };
  await audit(tx, context, {
    ...who,
    action: 'login_success',
    description: `Signed in with ${method === 'otp' ? 'a phone code' : 'a password'}`,
    extra: { method },
  });
  await audit(tx, context, {
    ...who,
    action: 'session_created',
    resourceType: 'session',
    resourceId: sessionId,
    extra: { method, device: describeDevice(device) },
  });
  return accessTokenFor(deps, user, { id: sessionId, jti }, refreshToken);
}

/** Ends one session and revokes its refresh tokens; false when it was not active. */
export async function endSession(tx: Db, sessionId: number, reason: string): Promise<boolean> {
  const ended = await one<{ id: number }>(
    tx,
    sql`UPDATE identity.sessions SET is_active = 0, revoked_at = now(), revoked_reason = ${reason}
        WHERE id = ${sessionId} AND is_active = 1 RETURNING id`,
  );
  await tx.execute(
    sql`UPDATE identity.refresh_tokens SET revoked_at = now() WHERE session_id = ${sessionId} AND revoked_at IS NULL`,
  );
  return !!ended;
}

/** Ends all of a user's sessions but `keepSessionId`; returns how many were ended. */
export async function endOtherSessions(tx: Db, userId: number, keepSessionId: number, reason: string) {
  const ended = await rows<{ id: number }>(
    tx,
    sql`UPDATE identity.sessions SET is_active = 0, revoked_at = now(), revoked_reason = ${reason}
        WHERE user_id = ${userId} AND is_active = 1 AND id <> ${keepSessionId} RETURNING id`,
  );
  await tx.execute(
    sql`UPDATE identity.refresh_tokens SET revoked_at = now()
        WHERE user_id = ${userId} AND session_id <> ${keepSessionId} AND revoked_at IS NULL`,
  );
  return ended.length;
}

function presentSession(row: Record<string, any>, currentId: number) {
  return {
    id: row.id as number,
    device_info: describeDevice(row.device_info),
    ip_address: row.ip_address as string | null,
    user_agent: row.user_agent as string | null,
    login_method: row.login_method as string,
    last_activity: iso(row.last_activity)!,
    created_at: iso(row.created_at)!,
    expires_at: iso(row.expires_at)!,
    current: row.id === currentId,
  };
}

// GET /api/v1/auth/sessions (idx_sessions_user_active)
export async function listMySessions(db: Db, actor: Actor) {
  const found = await rows<Record<string, any>>(
    db,
    sql`SELECT id, device_info, ip_address, user_agent, login_method, last_activity, created_at, expires_at
        FROM identity.sessions
        WHERE user_id = ${actor.userId} AND is_active = 1 AND expires_at > now()
        ORDER BY last_activity DESC, id DESC LIMIT 200`,
  );
  return { sessions: found.map((row) => presentSession(row, actor.sessionId)) };
}

// DELETE /api/v1/auth/sessions/:id: only the caller's own sessions; anyone else's is "not found".
export async function revokeMySession(db: Db, context: AuditContext, actor: Actor, sessionId: number) {
  await db.transaction(async (tx) => {
    const own = await one<{ id: number }>(
      tx,
      sql`SELECT id FROM identity.sessions
          WHERE id = ${sessionId} AND user_id = ${actor.userId} AND is_active = 1 AND expires_at > now()
          FOR UPDATE`,
    );
    if (!own) throw notFound('Session', sessionId);
    await endSession(tx, sessionId, 'user_revoked');
    await audit(tx, context, {
      action: 'session_revoked',
      description: sessionId === actor.sessionId ? 'Ended the current session' : 'Ended one of my sessions',
      resourceType: 'session',
      resourceId: sessionId,
    });
  });
}

// POST /api/v1/auth/logout
export async function logout(db: Db, context: AuditContext, actor: Actor) {
  await db.transaction(async (tx) => {
    await endSession(tx, actor.sessionId, 'logout');
    await audit(tx, context, { action: 'logout', resourceType: 'session', resourceId: actor.sessionId });
  });
}

// POST /api/v1/auth/logout-all
export async function logoutAll(db: Db, context: AuditContext, actor: Actor) {
  await db.transaction(async (tx) => {
    const ended = await endUserSessions(tx, actor.userId, 'logout_all');
    await audit(tx, context, { action: 'logout_all', extra: { sessions_ended: ended } });
  });
}

// POST /api/v1/auth/logout-others
export async function logoutOthers(db: Db, context: AuditContext, actor: Actor) {
  await db.transaction(async (tx) => {
    const ended = await endOtherSessions(tx, actor.userId, actor.sessionId, 'logout_others');
    await audit(tx, context, {
      action: 'session_revoked',
      description: 'Ended all my other sessions',
      extra: { sessions_ended: ended, kept_session_id: actor.sessionId },
    });
  });
}
