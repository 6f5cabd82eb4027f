// Audit log search for auditors and admins: filters by user, action, status, resource and time range.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { iso, totalPages } from '../../http/presenters.ts';

export interface AuditFilter {
  user_id?: number;
  action?: string;
  status?: 'success' | 'failure' | 'warning';
  resource_type?: string;
  resource_id?: string;
  from?: string;
  to?: string;
  page: number;
  per_page: number;
}

function auditWhere(f: AuditFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (f.user_id !== undefined) conditions.push(sql`user_id = ${f.user_id}`);
  if (f.action !== undefined) conditions.push(sql`action = ${f.action}`);
  if (f.status !== undefined) conditions.push(sql`status = ${f.status}`);
  if (f.resource_type !== undefined) conditions.push(sql`resource_type = ${f.resource_type}`);
  if (f.resource_id !== undefined) conditions.push(sql`resource_id = ${f.resource_id}`);
  if (f.from !== undefined) conditions.push(sql`timestamp >= ${f.from}::timestamptz`);
  if (f.to !== undefined) conditions.push(sql`timestamp < ${f.to}::timestamptz`);
  return sql.join(conditions, sql` AND `);
}

export function presentAuditLog(row: Record<string, any>) {
  return {
    id: row.id,
    user_id: row.user_id,
    user_role: row.user_role,
    action: row.action,
    status: row.status,
    timestamp: iso(row.timestamp)!,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    description: row.description,
    extra_data: row.extra_data ?? null,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    request_id: row.request_id,
  };
}

// GET /api/v1/audit-logs: newest first. idx_audit_logs_user_time, _action_time, _resource and _timestamp serve
// the filters by user, by action, by resource and the unfiltered time-ordered page.
export async function searchAuditLogs(db: Db, filter: AuditFilter) {
  const where = auditWhere(filter);
  const count = await one<{ total: number }>(db, sql`SELECT count(*) AS total FROM identity.audit_logs WHERE ${where}`);
  const found = await rows<Record<string, any>>(
    db,
    sql`SELECT id, user_id, user_role, action, status, timestamp, ip_address, user_agent, description, extra_data,
               resource_type, resource_id, request_id
        FROM identity.audit_logs WHERE ${where}
        ORDER BY timestamp DESC, id DESC LIMIT ${filter.per_page} OFFSET ${(filter.page - 1) * filter.per_page}`,
  );
  const total = count?.total ?? 0;
  return {
    audit_logs: found.map(presentAuditLog),
    total,
    page: filter.page,
    per_page: filter.per_page,
    total_pages: totalPages(total, filter.per_page),
  };
}
