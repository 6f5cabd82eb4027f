// /api/v1/audit-logs: searching the append-only audit log (auditors and admins).
import { Type } from '@fastify/type-provider-typebox';
import type { App, AppDeps } from '../module.ts';
import { AuditLog, Id, Page, PerPage, Timestamp } from './admin.schemas.ts';
import { searchAuditLogs } from './audit.queries.ts';

export function auditRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/audit-logs',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first, filtered by user, action, status, resource and time range [from, to)',
        querystring: Type.Object(
          {
            user_id: Type.Optional(Id),
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            status: Type.Optional(
              Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('warning')]),
            ),
            resource_type: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            resource_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            from: Type.Optional(Timestamp),
            to: Type.Optional(Timestamp),
            page: Page,
            per_page: PerPage,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            audit_logs: Type.Array(AuditLog),
            total: Type.Integer(),
            page: Type.Integer(),
            per_page: Type.Integer(),
            total_pages: Type.Integer(),
          }),
        },
      },
    },
    async (request) => searchAuditLogs(deps.database.db, request.query),
  );
}
