// Report analytics: counts by status, severity, category and department; SLA compliance; median hours from
// filing to acknowledgement and to resolution (percentile_cont).
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { openStatusList } from './reports.queries.ts';

export interface AnalyticsQuery {
  department_id?: number;
  from?: string;
  to?: string;
}

function filters(q: AnalyticsQuery): SQL {
  const where: SQL[] = [sql`TRUE`];
  if (q.department_id) where.push(sql`r.department_id = ${q.department_id}`);
  if (q.from) where.push(sql`r.created_at >= ${q.from}::timestamptz`);
  if (q.to) where.push(sql`r.created_at < ${q.to}::timestamptz`);
  return sql.join(where, sql` AND `);
}

export async function reportAnalytics(db: Db, q: AnalyticsQuery) {
  const where = filters(q);
  const countBy = (expr: string) =>
    rows<{ key: string; count: number }>(
      db,
      sql`SELECT COALESCE(${sql.raw(expr)}, 'none')::text AS key, count(*)::int AS count
          FROM reports.reports r LEFT JOIN reports.departments d ON d.id = r.department_id
          WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
  const [byStatus, bySeverity, byCategory, byDepartment, sla, times] = await Promise.all([
    countBy('r.status'),
    countBy('r.severity'),
    countBy('r.category'),
    countBy('d.name'),
    one<{ total: number; met: number; breached: number; open_overdue: number }>(
      db,
      sql`SELECT count(*)::int AS total,
                 count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.resolved_at <= r.sla_due_at)::int AS met,
                 count(*) FILTER (WHERE (r.resolved_at IS NOT NULL AND r.resolved_at > r.sla_due_at)
                                     OR (r.resolved_at IS NULL AND r.status IN (${openStatusList}) AND r.sla_due_at < now()))::int
                   AS breached,
                 count(*) FILTER (WHERE r.resolved_at IS NULL AND r.status IN (${openStatusList}) AND r.sla_due_at < now())::int
                   AS open_overdue
          FROM reports.reports r WHERE ${where} AND r.sla_due_at IS NOT NULL`,
    ),
    one<{ median_hours_to_acknowledge: number | null; median_hours_to_resolve: number | null }>(
      db,
      sql`SELECT
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.acknowledged_at - r.created_at))
                   / 3600)::numeric, 2)::float8 AS median_hours_to_acknowledge,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at))
                   / 3600)::numeric, 2)::float8 AS median_hours_to_resolve
          FROM reports.reports r LEFT JOIN reports.tasks t ON t.report_id = r.id WHERE ${where}`,
    ),
  ]);
  const decided = sla!.met + sla!.breached;
  return {
    total: byStatus.reduce((s, c) => s + c.count, 0),
    by_status: byStatus,
    by_severity: bySeverity,
    by_category: byCategory,
    by_department: byDepartment,
    sla: { ...sla!, compliance_rate: decided === 0 ? null : Math.round((sla!.met / decided) * 1000) / 1000 },
    median_hours_to_acknowledge: times!.median_hours_to_acknowledge,
    median_hours_to_resolve: times!.median_hours_to_resolve,
  };
}
