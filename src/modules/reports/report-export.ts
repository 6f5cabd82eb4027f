// The staff queue as CSV (CiviLens report_exported): the list's filters and visibility, streamed in id batches,
// audited with the filters and the row count before the first byte goes out.
import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { requireActor, type Actor } from '../../http/access.ts';
import { csvStream, sendCsv } from '../../http/csv-download.ts';
import { type AuditContext, audit, auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { presentReport, type ReportRow } from './report.presenter.ts';
import { reportFilters } from './report.routes.ts';
import { listConditions, type ReportListQuery } from './reports.service.ts';
import { reportColumns, reportJoins } from './reports.queries.ts';

export const reportExportColumns = [
  'id',
  'report_number',
  'title',
  'description',
  'category',
  'sub_category',
  'status',
  'severity',
  'department_id',
  'department_name',
  'assigned_officer_id',
  'latitude',
  'longitude',
  'address',
  'landmark',
  'ward_number',
  'district',
  'state',
  'pincode',
  'is_public',
  'is_sensitive',
  'needs_review',
  'is_duplicate',
  'duplicate_of_report_id',
  'rejection_reason',
  'hold_reason',
  'sla_due_at',
  'is_overdue',
  'status_updated_at',
  'resolved_at',
  'created_at',
  'updated_at',
] as const;

export type ReportFilters = Omit<ReportListQuery, 'page' | 'per_page' | 'sort'>;

const BATCH = 1000;

async function* batches(db: Db, actor: Actor, filters: ReportFilters) {
  const where = sql.join(listConditions(actor, { ...filters, page: 1, per_page: 1 }), sql` AND `);
  let after = 0;
  for (;;) {
    const found = await rows<ReportRow>(
      db,
      sql`SELECT ${reportColumns} FROM reports.reports r ${reportJoins} WHERE ${where} AND r.id > ${after}
          ORDER BY r.id LIMIT ${BATCH}`,
    );
    for (const row of found) yield presentReport(row) as unknown as Record<string, unknown>;
    if (found.length < BATCH) return;
    after = found[found.length - 1].id;
  }
}

/** Audits the export (filters and size) and answers the file name and the CSV stream of the visible reports. */
export async function exportReports(db: Db, context: AuditContext, filters: ReportFilters) {
  const actor = context.actor!;
  const where = sql.join(listConditions(actor, { ...filters, page: 1, per_page: 1 }), sql` AND `);
  const count = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM reports.reports r ${reportJoins} WHERE ${where}`,
  );
  await audit(db, context, {
    action: 'report_exported',
    description: `Exported ${count?.n ?? 0} reports as CSV`,
    resourceType: 'report',
    extra: { rows: count?.n ?? 0, filters },
  });
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `reports-${day}.csv`, stream: csvStream(reportExportColumns, batches(db, actor, filters)) };
}

export function reportExportRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/reports/export',
    {
      config: { access: 'reports:export' },
      schema: {
        tags: ['reports'],
        summary: 'The staff queue as CSV: the same filters, only reports the caller may see (streamed; audited)',
        querystring: Type.Object(reportFilters, { additionalProperties: false }),
        response: { 200: Type.Unknown({ description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      const context = { ...auditContext(request), actor: requireActor(request) };
      const { filename, stream } = await exportReports(deps.database.db, context, request.query);
      return sendCsv(reply, filename, stream);
    },
  );
}
