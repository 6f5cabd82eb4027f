// CiviLens GET /users/analytics/role-changes (role_history get_role_statistics): role changes of the last N
// days, automatic versus manual, and how many went to each role.
import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';
import type { App, AppDeps } from '../module.ts';

export async function roleChangeAnalytics(db: Db, days: number) {
  // Rows with no old role are accounts being created (createUser writes one), not changes of a role.
  const byRole = await rows<{ new_role: string; total: number; automatic: number }>(
    db,
    sql`SELECT new_role, count(*)::int AS total, (count(*) FILTER (WHERE automatic))::int AS automatic
        FROM identity.role_history
        WHERE created_at >= now() - make_interval(days => ${days}) AND old_role IS NOT NULL
        GROUP BY new_role ORDER BY new_role`,
  );
  const total = byRole.reduce((n, r) => n + r.total, 0);
  const automatic = byRole.reduce((n, r) => n + r.automatic, 0);
  return {
    period_days: days,
    total_changes: total,
    auto_promotions: automatic,
    manual_changes: total - automatic,
    changes_by_role: Object.fromEntries(byRole.map((r) => [r.new_role, r.total])),
  };
}

export function roleAnalyticsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/users/analytics/role-changes',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'Role changes of the last `days` days: total, automatic promotions, manual changes, by new role',
        querystring: Type.Object(
          { days: Type.Integer({ minimum: 1, maximum: 365, default: 30 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            period_days: Type.Integer(),
            total_changes: Type.Integer(),
            auto_promotions: Type.Integer(),
            manual_changes: Type.Integer(),
            changes_by_role: Type.Record(Type.String(), Type.Integer()),
          }),
        },
      },
    },
    async (request) => roleChangeAnalytics(deps.database.db, request.query.days),
  );
}
