// The requests Open311 shows: public, non-sensitive reports of public categories, whatever channel filed them.
import { type SQL, sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';
import type { RequestQuery } from './request-query.ts';
import { closedStatuses } from './status-mapping.ts';

export interface RequestRow {
  id: number;
  report_number: string | null;
  status: string;
  description: string;
  category: string | null;
  service_name: string | null;
  sla_hours: number | null;
  department_name: string | null;
  created_at: string;
  updated_at: string | null;
  status_updated_at: string | null;
  sla_due_at: string | null;
  address: string | null;
  pincode: string | null;
  latitude: number;
  longitude: number;
  rejection_reason: string | null;
  hold_reason: string | null;
  duplicate_of_number: string | null;
  latest_note: string | null;
  address_id: string | null;
  approximate_location: boolean | null;
  submitted_media_url: string | null;
  attributes: Record<string, string | string[]> | null;
  media_ids: number[] | null;
  severity: string;
}

const closedList = sql.raw(closedStatuses.map((s) => `'${s}'`).join(', '));

const requestSelect = sql`
  SELECT r.id, r.report_number, r.status, r.description, r.category, c.name AS service_name, c.sla_hours,
         d.name AS department_name, r.created_at, r.updated_at, r.status_updated_at, r.sla_due_at, r.address,
         r.pincode, r.latitude, r.longitude, r.rejection_reason, r.hold_reason, r.severity,
         dup.report_number AS duplicate_of_number,
         (SELECT h.notes FROM reports.report_status_history h WHERE h.report_id = r.id
           ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) AS latest_note,
         o.address_id, o.approximate_location, o.media_url AS submitted_media_url, o.attributes,
         (SELECT array_agg(m.id ORDER BY m.is_primary DESC, m.sequence_order NULLS LAST, m.id)
            FROM reports.media m WHERE m.report_id = r.id AND m.file_type = 'IMAGE') AS media_ids
  FROM reports.reports r
  LEFT JOIN reports.categories c ON c.code = r.category
  LEFT JOIN reports.departments d ON d.id = r.department_id
  LEFT JOIN reports.reports dup ON dup.id = r.duplicate_of_report_id
  LEFT JOIN reports.open311_requests o ON o.report_id = r.id`;

/** Reports anyone may see through Open311. */
const publicRequest = sql`r.is_public AND NOT r.is_sensitive AND r.report_number IS NOT NULL
  AND COALESCE(c.is_public, true)`;

export async function findRequests(db: Db, query: RequestQuery): Promise<RequestRow[]> {
  const where: SQL[] = [publicRequest];
  if (query.ids) {
    where.push(
      sql`r.report_number IN (${sql.join(
        query.ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  } else {
    where.push(sql`r.created_at >= ${query.start.toISOString()}::timestamptz`);
    where.push(sql`r.created_at <= ${query.end.toISOString()}::timestamptz`);
    if (query.serviceCodes) {
      where.push(
        sql`r.category IN (${sql.join(
          query.serviceCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      );
    }
    if (query.statuses && !(query.statuses.includes('open') && query.statuses.includes('closed'))) {
      where.push(
        query.statuses.includes('closed') ? sql`r.status IN (${closedList})` : sql`r.status NOT IN (${closedList})`,
      );
    }
  }
  const offset = (query.page - 1) * query.pageSize;
  return rows<RequestRow>(
    db,
    sql`${requestSelect} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${query.pageSize} OFFSET ${offset}`,
  );
}

export async function findRequestByNumber(db: Db, serviceRequestId: string): Promise<RequestRow | undefined> {
  const found = await rows<RequestRow>(
    db,
    sql`${requestSelect} WHERE ${publicRequest} AND r.report_number = ${serviceRequestId}`,
  );
  return found[0];
}

export interface HistoryRow {
  report_id: number;
  id: number;
  old_status: string | null;
  new_status: string;
  notes: string | null;
  changed_at: string;
}

/** Status history of several reports (extensions=true notes), oldest first. */
export async function historyOf(db: Db, reportIds: number[]): Promise<Map<number, HistoryRow[]>> {
  const byReport = new Map<number, HistoryRow[]>();
  if (reportIds.length === 0) return byReport;
  const found = await rows<HistoryRow>(
    db,
    sql`SELECT report_id, id, old_status, new_status, notes, changed_at FROM reports.report_status_history
        WHERE report_id IN (${sql.join(
          reportIds.map((id) => sql`${id}`),
          sql`, `,
        )}) ORDER BY report_id, changed_at, id`,
  );
  for (const h of found) {
    const list = byReport.get(h.report_id) ?? [];
    list.push(h);
    byReport.set(h.report_id, list);
  }
  return byReport;
}
