// Workload views: a department's open reports by status and its officers' open tasks; every officer's load.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { openTaskStatuses } from './assignment.ts';
import { openStatusList } from './reports.queries.ts';

export interface OfficerLoad {
  officer_id: number;
  full_name: string | null;
  username: string | null;
  department_id: number | null;
  is_active: boolean;
  open_tasks: number;
  in_progress: number;
  overdue_tasks: number;
  resolved_last_30_days: number;
}

export async function officerLoads(db: Db, departmentId?: number): Promise<OfficerLoad[]> {
  return rows<OfficerLoad>(
    db,
    sql`SELECT u.id AS officer_id, u.full_name, u.username::text AS username, u.department_id, u.is_active,
               count(t.id) FILTER (WHERE t.status IN (${openTaskStatuses}))::int AS open_tasks,
               count(t.id) FILTER (WHERE t.status = 'in_progress')::int AS in_progress,
               count(t.id) FILTER (WHERE t.status IN (${openTaskStatuses}) AND t.sla_deadline < now())::int AS overdue_tasks,
               count(t.id) FILTER (WHERE t.status = 'resolved' AND t.resolved_at > now() - interval '30 days')::int
                 AS resolved_last_30_days
        FROM identity.users u
        LEFT JOIN reports.tasks t ON t.assigned_to = u.id
        WHERE u.role = 'nodal_officer' ${departmentId ? sql`AND u.department_id = ${departmentId}` : sql``}
        GROUP BY u.id
        ORDER BY open_tasks DESC, u.id`,
  );
}

export async function departmentWorkload(db: Db, departmentId: number) {
  const dept = await one<{ id: number; name: string }>(
    db,
    sql`SELECT id, name FROM reports.departments WHERE id = ${departmentId}`,
  );
  if (!dept) throw notFound('Department', departmentId);
  const byStatus = await rows<{ status: string; count: number }>(
    db,
    sql`SELECT status, count(*)::int AS count FROM reports.reports
        WHERE department_id = ${departmentId} AND status IN (${openStatusList})
        GROUP BY status ORDER BY status`,
  );
  const totals = await one<{ open_reports: number; overdue_reports: number; unassigned: number }>(
    db,
    sql`SELECT count(*)::int AS open_reports,
               count(*) FILTER (WHERE sla_due_at < now())::int AS overdue_reports,
               count(*) FILTER (WHERE status = 'assigned_to_department')::int AS unassigned
        FROM reports.reports WHERE department_id = ${departmentId} AND status IN (${openStatusList})`,
  );
  return {
    department_id: dept.id,
    department_name: dept.name,
    ...totals!,
    by_status: byStatus,
    officers: await officerLoads(db, departmentId),
  };
}
