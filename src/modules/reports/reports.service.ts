// Reading and editing reports: the staff queue with its filters, my reports, one report with everything a
// screen needs, the owner's or a moderator's edits, and deletion by an admin.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { pageOffset, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { hasPermission } from '../identity/role-catalogue.ts';
import { type ReportRow, presentReport } from './report.presenter.ts';
import { availableActions } from './report-actions.ts';
import { assertVisible } from './report-access.ts';
import { visibleReports } from './report-visibility.ts';
import { presentRow, presentRows } from './row.presenter.ts';
import { findDuplicateCandidates, findReport, openStatusList, reportColumns, reportJoins } from './reports.queries.ts';
import { lockReport } from './workflow.ts';

export interface ReportListQuery {
  status?: string[];
  severity?: string[];
  category?: string;
  department_id?: number;
  officer_id?: number;
  area_id?: number;
  overdue?: boolean;
  /** The admin review queue (CiviLens queue:admin_review): reports rules-v1 could not classify confidently. */
  needs_review?: boolean;
  from?: string;
  to?: string;
  bbox?: string;
  near_lat?: number;
  near_lon?: number;
  radius_m?: number;
  q?: string;
  sort?: 'newest' | 'oldest' | 'severity' | 'updated';
  page: number;
  per_page: number;
}

const severityRank = sql.raw(
  `CASE r.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END`,
);

/** The WHERE fragments of a list query; each filter is one condition on alias r. */
export function listConditions(actor: Actor, q: ReportListQuery, scope: SQL = visibleReports(actor)): SQL[] {
  const where: SQL[] = [scope];
  const list = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  if (q.status?.length) where.push(sql`r.status IN (${list(q.status)})`);
  if (q.severity?.length) where.push(sql`r.severity IN (${list(q.severity)})`);
  if (q.category) where.push(sql`r.category = ${q.category}`);
  if (q.department_id) where.push(sql`r.department_id = ${q.department_id}`);
  if (q.officer_id) where.push(sql`t.assigned_to = ${q.officer_id}`);
  if (q.overdue !== undefined) {
    where.push(
      q.overdue
        ? sql`(r.sla_due_at < now() AND r.status IN (${openStatusList}))`
        : sql`NOT (r.sla_due_at < now() AND r.status IN (${openStatusList}))`,
    );
  }
  if (q.needs_review !== undefined) where.push(sql`r.needs_review = ${q.needs_review}`);
  if (q.from) where.push(sql`r.created_at >= ${q.from}::timestamptz`);
  if (q.to) where.push(sql`r.created_at < ${q.to}::timestamptz`);
  if (q.bbox) {
    const [minLon, minLat, maxLon, maxLat] = q.bbox.split(',').map(Number);
    if (!(minLon <= maxLon && minLat <= maxLat))
      throw unprocessable('invalid_bbox', 'bbox must be minLon,minLat,maxLon,maxLat');
    where.push(sql`r.latitude BETWEEN ${minLat} AND ${maxLat} AND r.longitude BETWEEN ${minLon} AND ${maxLon}`);
  }
  if (q.near_lat !== undefined || q.near_lon !== undefined) {
    if (q.near_lat === undefined || q.near_lon === undefined) {
      throw unprocessable('invalid_near', 'near_lat and near_lon go together');
    }
    where.push(
      sql`ST_DWithin(r.location, ST_SetSRID(ST_MakePoint(${q.near_lon}::float8, ${q.near_lat}::float8), 4326)::geography, ${q.radius_m ?? 1000})`,
    );
  }
  if (q.area_id) {
    where.push(sql`EXISTS (SELECT 1 FROM reports.area_assignments a WHERE a.id = ${q.area_id} AND (
         (a.area_type = 'district' AND lower(r.district) = a.area_key)
      OR (a.area_type = 'ward' AND lower(r.ward_number) = a.area_key)
      OR (a.center IS NOT NULL AND ST_DWithin(a.center, r.location, a.radius_m))
      OR (a.boundary IS NOT NULL AND ST_Covers(a.boundary, r.location))))`);
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(r.title ILIKE ${like} OR r.report_number ILIKE ${like})`);
  }
  return where;
}

export async function listReports(db: Db, actor: Actor, q: ReportListQuery, scope?: SQL) {
  const where = sql.join(listConditions(actor, q, scope), sql` AND `);
  const order =
    q.sort === 'oldest'
      ? sql`r.created_at ASC, r.id ASC`
      : q.sort === 'severity'
        ? sql`${severityRank} DESC, r.created_at DESC, r.id DESC`
        : q.sort === 'updated'
          ? sql`r.status_updated_at DESC NULLS LAST, r.id DESC`
          : sql`r.created_at DESC, r.id DESC`;
  const [page, count] = await Promise.all([
    rows<ReportRow>(
      db,
      sql`SELECT ${reportColumns} FROM reports.reports r ${reportJoins} WHERE ${where}
          ORDER BY ${order} LIMIT ${q.per_page} OFFSET ${pageOffset(q.page, q.per_page)}`,
    ),
    one<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM reports.reports r ${reportJoins} WHERE ${where}`),
  ]);
  const total = count?.total ?? 0;
  return {
    reports: page.map(presentReport),
    total,
    page: q.page,
    per_page: q.per_page,
    total_pages: totalPages(total, q.per_page),
  };
}

export async function myReports(db: Db, actor: Actor, q: { status?: string[]; page: number; per_page: number }) {
  return listReports(db, actor, { ...q, sort: 'newest' }, sql`r.user_id = ${actor.userId}`);
}

export async function reportDetail(db: Db, actor: Actor, id: number) {
  await assertVisible(db, actor, [id], 'read');
  const report = (await findReport(db, id))!;
  const staff = hasPermission(actor.role, 'reports:read');
  const [history, task, media, appeals, escalations, candidates] = await Promise.all([
    reportHistory(db, id, staff),
    one<any>(db, sql`SELECT * FROM reports.tasks WHERE report_id = ${id}`),
    rows<any>(db, sql`SELECT * FROM reports.media WHERE report_id = ${id} ORDER BY sequence_order NULLS LAST, id`),
    rows<any>(db, sql`SELECT * FROM reports.appeals WHERE report_id = ${id} ORDER BY id`),
    staff
      ? rows<any>(db, sql`SELECT * FROM reports.escalations WHERE report_id = ${id} ORDER BY id`)
      : Promise.resolve([]),
    staff && report.category
      ? findDuplicateCandidates(db, { ...report, category: report.category, excludeId: id })
      : Promise.resolve([]),
  ]);
  const locked = {
    status: report.status as any,
    department_id: report.department_id,
    task_id: task?.id ?? null,
    assigned_to: task?.assigned_to ?? null,
  };
  return {
    report: presentReport(report),
    status_history: history,
    task: task ? presentRow(task) : null,
    media: presentRows(media),
    appeals: presentRows(appeals),
    escalations: presentRows(escalations),
    duplicate_candidates: candidates,
    available_actions: availableActions(actor, locked),
  };
}

/**
 * A report's status history. Staff (`withNames`) also get the name of whoever made each change; a citizen
 * following their report sees the changes, not the names of the staff who made them.
 */
export async function reportHistory(db: Db, id: number, withNames: boolean) {
  return presentRows(
    await rows<any>(
      db,
      sql`SELECT h.id, h.old_status, h.new_status, h.changed_by_user_id, h.notes, h.changed_at,
            CASE WHEN ${withNames} THEN coalesce(u.full_name, u.username) END AS changed_by_name
          FROM reports.report_status_history h LEFT JOIN identity.users u ON u.id = h.changed_by_user_id
          WHERE h.report_id = ${id} ORDER BY h.changed_at, h.id`,
    ),
  );
}

export interface ReportUpdate {
  title?: string;
  description?: string;
  sub_category?: string | null;
  address?: string | null;
  landmark?: string | null;
  is_public?: boolean;
  severity?: string;
  category?: string;
  is_sensitive?: boolean;
  is_featured?: boolean;
  needs_review?: boolean;
}

const staffFields = ['severity', 'category', 'is_sensitive', 'is_featured', 'needs_review'] as const;

/** The reporter may edit their own report while it is still received; moderators may edit any they see. */
export async function updateReport(tx: Db, ctx: AuditContext, id: number, input: ReportUpdate) {
  const actor = ctx.actor!;
  const moderator = hasPermission(actor.role, 'reports:moderate');
  await assertVisible(tx, actor, [id], moderator ? 'act' : 'read');
  const report = await lockReport(tx, id);
  if (!moderator) {
    if (report.user_id !== actor.userId) throw notFound('Report', id);
    if (report.status !== 'received') {
      throw unprocessable('report_locked', 'A report can be edited by its reporter only until it is processed');
    }
    const staffOnly = staffFields.filter((f) => input[f] !== undefined);
    if (staffOnly.length > 0) throw forbidden(`Only moderators may change ${staffOnly.join(', ')}`);
  }
  const sets: SQL[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) sets.push(sql`${sql.identifier(key)} = ${value}`);
  }
  await tx.execute(sql`UPDATE reports.reports SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
  await audit(tx, ctx, {
    action: 'report_updated',
    resourceType: 'report',
    resourceId: id,
    extra: { fields: Object.keys(input) },
  });
  return presentReport((await findReport(tx, id))!);
}

export async function deleteReport(tx: Db, ctx: AuditContext, id: number) {
  await assertVisible(tx, ctx.actor, [id], 'act');
  const gone = await one<{ report_number: string | null }>(
    tx,
    sql`DELETE FROM reports.reports WHERE id = ${id} RETURNING report_number`,
  );
  if (!gone) throw notFound('Report', id);
  await audit(tx, ctx, {
    action: 'report_deleted',
    resourceType: 'report',
    resourceId: id,
    extra: { report_number: gone.report_number },
  });
}
