// Sessions of any user, for admins: list them, revoke one, end them all (deactivation, password set by an admin).
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { iso } from '../../http/presenters.ts';
import { type AuditContext, audit } from './audit.ts';

/** Ends a user's active sessions and revokes their refresh tokens; returns how many sessions were ended. */
export async function endUserSessions(tx: Db, userId: number, reason: string): Promise<number> {
  const ended = await rows<{ id: number }>(
    tx,
    sql`UPDATE identity.sessions SET is_active = 0, revoked_at = now(), revoked_reason = ${reason}
        WHERE user_id = ${userId} AND is_active = 1 RETURNING id`,
  );
  await tx.execute(
    sql`UPDATE identity.refresh_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL`,
  );
  return ended.length;
}

export function presentAdminSession(row: Record<string, any>) {
  return {
    id: row.id,
    user_id: row.user_id,
    device_info: row.device_info ?? null,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    login_method: row.login_method,
    is_active: row.is_active === 1,
    last_activity: iso(row.last_activity)!,
    created_at: iso(row.created_at)!,
    expires_at: iso(row.expires_at)!,
    revoked_at: iso(row.revoked_at),
    revoked_reason: row.revoked_reason,
  };
}

async function assertUserExists(db: Db, userId: number) {
  if (!(await one(db, sql`SELECT 1 FROM identity.users WHERE id = ${userId}`))) throw notFound('User', userId);
}

// GET /api/v1/users/:id/sessions (idx_sessions_user_active)
export async function listUserSessions(db: Db, userId: number, includeEnded: boolean) {
  await assertUserExists(db, userId);
  const found = await rows<Record<string, any>>(
    db,
    sql`SELECT id, user_id, device_info, ip_address, user_agent, login_method, is_active, last_activity, created_at,
               expires_at, revoked_at, revoked_reason
        FROM identity.sessions
        WHERE user_id = ${userId} ${includeEnded ? sql`` : sql`AND is_active = 1 AND expires_at > now()`}
        ORDER BY last_activity DESC, id DESC LIMIT 200`,
  );
  return { sessions: found.map(presentAdminSession) };
}

// DELETE /api/v1/users/:id/sessions/:sessionId
export async function revokeUserSession(db: Db, context: AuditContext, userId: number, sessionId: number) {
  await db.transaction(async (tx) => {
    const session = await one<{ id: number; is_active: number }>(
      tx,
      sql`SELECT id, is_active FROM identity.sessions WHERE id = ${sessionId} AND user_id = ${userId} FOR UPDATE`,
    );
    if (!session) throw notFound('Session', sessionId);
    if (session.is_active === 0) return;
    await tx.execute(
      sql`UPDATE identity.sessions SET is_active = 0, revoked_at = now(), revoked_reason = 'admin_revoked'
          WHERE id = ${sessionId}`,
    );
    await tx.execute(
      sql`UPDATE identity.refresh_tokens SET revoked_at = now() WHERE session_id = ${sessionId} AND revoked_at IS NULL`,
    );
    await audit(tx, context, {
      action: 'session_revoked',
      description: 'Session revoked by an administrator',
      resourceType: 'session',
      resourceId: sessionId,
      extra: { user_id: userId },
    });
  });
}
