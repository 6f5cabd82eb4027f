// The reports anyone may see without signing in (the public issue map): public, non-sensitive, numbered
// reports of public categories, the same set Open311 publishes. Only issue facts leave here: never the reporter,
// staff names or notes.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { iso, pageOffset, totalPages } from '../../http/presenters.ts';

export interface PublicReportQuery {
  status?: string[];
  category?: string;
  page: number;
  per_page: number;
}

interface PublicReportRow {
  id: number;
  report_number: string;
  title: string;
  description: string;
  category: string | null;
  category_name: string | null;
  status: string;
  severity: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  department_name: string | null;
  created_at: unknown;
  status_updated_at: unknown;
  photo_ids: number[] | null;
}

const publicReport = sql`r.is_public AND NOT r.is_sensitive AND r.report_number IS NOT NULL
  AND COALESCE(c.is_public, true)`;

function conditions(q: PublicReportQuery): SQL {
  const where: SQL[] = [publicReport];
  if (q.status?.length) {
    where.push(
      sql`r.status IN (${sql.join(
        q.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  if (q.category) where.push(sql`r.category = ${q.category}`);
  return sql.join(where, sql` AND `);
}

/** Newest first (idx_report_created); a location filed as approximate through Open311 stays off the map. */
export async function listPublicReports(db: Db, q: PublicReportQuery) {
  const where = conditions(q);
  const joins = sql`LEFT JOIN reports.categories c ON c.code = r.category
    LEFT JOIN reports.departments d ON d.id = r.department_id
    LEFT JOIN reports.open311_requests o ON o.report_id = r.id`;
  const [page, count] = await Promise.all([
    rows<PublicReportRow>(
      db,
      sql`SELECT r.id, r.report_number, r.title, r.description, r.category, c.name AS category_name, r.status,
                 r.severity, r.address, d.name AS department_name, r.created_at, r.status_updated_at,
                 CASE WHEN COALESCE(o.approximate_location, false) THEN NULL ELSE r.latitude END AS latitude,
                 CASE WHEN COALESCE(o.approximate_location, false) THEN NULL ELSE r.longitude END AS longitude,
                 (SELECT array_agg(m.id ORDER BY m.is_primary DESC, m.sequence_order NULLS LAST, m.id)
                    FROM reports.media m WHERE m.report_id = r.id AND m.file_type = 'IMAGE') AS photo_ids
          FROM reports.reports r ${joins} WHERE ${where}
          ORDER BY r.created_at DESC, r.id DESC LIMIT ${q.per_page} OFFSET ${pageOffset(q.page, q.per_page)}`,
    ),
    one<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM reports.reports r ${joins} WHERE ${where}`),
  ]);
  const total = count?.total ?? 0;
  return {
    reports: page.map(presentPublicReport),
    total,
    page: q.page,
    per_page: q.per_page,
    total_pages: totalPages(total, q.per_page),
  };
}

function presentPublicReport(row: PublicReportRow) {
  return {
    id: row.id,
    report_number: row.report_number,
    title: row.title,
    description: row.description,
    category: row.category,
    category_name: row.category_name,
    status: row.status,
    severity: row.severity,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    address: row.address,
    department_name: row.department_name,
    created_at: iso(row.created_at),
    status_updated_at: iso(row.status_updated_at),
    photo_ids: (row.photo_ids ?? []).map(Number),
  };
}
