// Who is calling: a bearer access token whose session is still active, of a user who is still active.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import type { Secrets } from './secrets.ts';
import { verifyAccessToken } from './tokens.ts';

export async function resolveActor(db: Db, secrets: Secrets, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (!header || !/^Bearer\s+/i.test(header)) return null;
  const claims = await verifyAccessToken(secrets, header.replace(/^Bearer\s+/i, '').trim());
  if (!claims) return null;
  const row = await one<{
    id: number;
    role: string;
    username: string | null;
    department_id: number | null;
    session_id: number;
    stale: boolean;
  }>(
    db,
    sql`SELECT u.id, u.role, u.username, u.department_id, s.id AS session_id,
               s.last_activity < now() - interval '1 minute' AS stale
        FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
        WHERE s.jti = ${claims.jti} AND s.id = ${claims.sid} AND s.is_active = 1 AND s.expires_at > now()
          AND u.is_active AND (u.expires_at IS NULL OR u.expires_at > now())`,
  );
  if (!row) return null;
  if (row.stale) {
    await db.execute(sql`UPDATE identity.sessions SET last_activity = now() WHERE id = ${row.session_id}`);
  }
  return {
    userId: row.id,
    role: row.role,
    username: row.username,
    sessionId: row.session_id,
    departmentId: row.department_id,
  };
}
