// Named report queries: the column list every read uses, one report by id, duplicate candidates.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';
import type { ReportRow } from './report.presenter.ts';
import { openStatuses } from './transitions.ts';

export const openStatusList = sql.raw(openStatuses.map((s) => `'${s}'`).join(', '));

/** The report columns plus the department name, the officer and the overdue flag (alias r, d, t). */
export const reportColumns = sql.raw(`r.id, r.report_number, r.user_id, r.department_id, d.name AS department_name,
  r.title, r.description, r.category, r.sub_category, r.status, r.severity, r.status_updated_at, r.latitude,
  r.longitude, r.address, r.landmark, r.area_type, r.ward_number, r.district, r.state, r.pincode, r.ai_category,
  r.ai_confidence, r.ai_processed_at, r.ai_model_version, r.manual_category, r.manual_severity,
  r.classified_by_user_id, r.classification_notes, r.is_public, r.is_sensitive, r.is_featured, r.needs_review,
  r.is_duplicate, r.duplicate_of_report_id, r.rejection_reason, r.hold_reason, r.assignment_rejection_reason,
  r.assignment_rejected_at, r.assignment_rejected_by_user_id, r.estimated_resume_date, r.hold_approved_by_user_id,
  r.hold_approval_required, r.sla_due_at, r.resolved_at, r.created_at, r.updated_at,
  t.assigned_to AS assigned_officer_id,
  (r.sla_due_at < now() AND r.status IN (${openStatuses.map((s) => `'${s}'`).join(', ')})) AS is_overdue`);

export const reportJoins = sql.raw(`LEFT JOIN reports.departments d ON d.id = r.department_id
  LEFT JOIN reports.tasks t ON t.report_id = r.id`);

export async function findReport(db: Db, id: number, where: SQL = sql`TRUE`): Promise<ReportRow | undefined> {
  return one<ReportRow>(
    db,
    sql`SELECT ${reportColumns} FROM reports.reports r ${reportJoins} WHERE r.id = ${id} AND ${where}`,
  );
}

export interface DuplicateCandidate {
  id: number;
  report_number: string | null;
  title: string;
  status: string;
  category: string | null;
  distance_m: number;
  text_similarity: number;
  created_at: string | null;
}

/**
 * Open reports of the same category within the category's duplicate radius (ST_DWithin on the GiST index)
 * whose title or description is similar (pg_trgm similarity >= 0.3), nearest first.
 *
 * The radius is read first and sent as a value, not joined in: with the radius known when the statement is
 * planned, PostGIS estimates the few reports inside the circle and the planner reads the GiST index alone. Joined
 * from reports.categories, the radius is unknown at plan time and the planner ANDed the GiST bitmap with the
 * category's whole (category, status) index range, ~75,000 entries on 1M reports (docs/benchmarks.md).
 */
export async function findDuplicateCandidates(
  db: Db,
  input: {
    category: string;
    latitude: number;
    longitude: number;
    title: string;
    description: string;
    excludeId?: number;
  },
  limit = 10,
): Promise<DuplicateCandidate[]> {
  const category = await one<{ duplicate_radius_m: number }>(
    db,
    sql`SELECT duplicate_radius_m FROM reports.categories WHERE code = ${input.category}`,
  );
  if (!category) return [];
  const point = sql`ST_SetSRID(ST_MakePoint(${input.longitude}::float8, ${input.latitude}::float8), 4326)::geography`;
  const found = await rows<DuplicateCandidate>(
    db,
    sql`SELECT r.id, r.report_number, r.title, r.status, r.category, r.created_at,
               round(ST_Distance(r.location, ${point})::numeric, 1)::float8 AS distance_m,
               round(greatest(similarity(r.title, ${input.title}), similarity(r.description, ${input.description}))::numeric, 3)::float8
                 AS text_similarity
        FROM reports.reports r
        WHERE r.category = ${input.category}
          AND r.status IN (${openStatusList})
          AND r.id <> ${input.excludeId ?? 0}
          AND ST_DWithin(r.location, ${point}, ${category.duplicate_radius_m}::float8)
          AND (similarity(r.title, ${input.title}) >= 0.3 OR similarity(r.description, ${input.description}) >= 0.3)
        ORDER BY distance_m, r.id
        LIMIT ${limit}`,
  );
  return found.map((c) => ({ ...c, created_at: iso(c.created_at) }));
}
