// GET /api/v1/reports/analytics/stats
import { Type } from '@fastify/type-provider-typebox';
import type { App, AppDeps } from '../module.ts';
import { reportAnalytics } from './analytics.service.ts';
import { Id, Nullable } from './reports.schemas.ts';

const Count = Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() }));
const IsoDate = Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}' });

export function analyticsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/reports/analytics/stats',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['reports: analytics'],
        summary: 'Counts by status, severity, category, department; SLA compliance; median times',
        querystring: Type.Object(
          { department_id: Type.Optional(Id), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            by_status: Count,
            by_severity: Count,
            by_category: Count,
            by_department: Count,
            sla: Type.Object({
              total: Type.Integer(),
              met: Type.Integer(),
              breached: Type.Integer(),
              open_overdue: Type.Integer(),
              compliance_rate: Nullable(Type.Number()),
            }),
            median_hours_to_acknowledge: Nullable(Type.Number()),
            median_hours_to_resolve: Nullable(Type.Number()),
          }),
        },
      },
    },
    async (request) => reportAnalytics(deps.database.db, request.query),
  );
}
