// The append-only audit log: every sign-in attempt, token event, role change and privileged action.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';

export interface AuditContext {
  actor: Actor | null;
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export function auditContext(request: FastifyRequest): AuditContext {
  return {
    actor: request.actor,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 500),
    requestId: String(request.id),
  };
}

/** The context for work that no request started (jobs, CLI). */
export const systemContext: AuditContext = { actor: null };

export interface AuditEntry {
  action: string;
  status?: 'success' | 'failure' | 'warning';
  description?: string;
  resourceType?: string;
  resourceId?: string | number;
  extra?: Record<string, unknown>;
  /** The user the entry is about, when no one is signed in yet (failed sign-in). */
  userId?: number | null;
  userRole?: string | null;
}

export async function audit(db: Db, context: AuditContext, entry: AuditEntry): Promise<void> {
  const userId = entry.userId !== undefined ? entry.userId : (context.actor?.userId ?? null);
  const userRole = entry.userRole !== undefined ? entry.userRole : (context.actor?.role ?? null);
  await db.execute(sql`
    INSERT INTO identity.audit_logs
      (user_id, user_role, action, status, ip_address, user_agent, description, extra_data, resource_type, resource_id, request_id)
    VALUES (${userId}, ${userRole}, ${entry.action}, ${entry.status ?? 'success'}, ${context.ip ?? null},
      ${context.userAgent ?? null}, ${entry.description ?? null},
      ${entry.extra ? JSON.stringify(entry.extra) : null}::jsonb, ${entry.resourceType ?? null},
      ${entry.resourceId === undefined ? null : String(entry.resourceId)}, ${context.requestId ?? null})`);
}
