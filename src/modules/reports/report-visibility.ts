// Who sees which report, decided in SQL (PostGIS for the areas): admins, super admins and auditors see all;
// moderators and officers see reports inside their active area assignments (and, for officers, the reports
// whose task is theirs); everyone else sees their own reports and public ones (read-only).
import { type SQL, sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';
import { type Actor, registerVisibility } from '../../http/access.ts';

const seeAll = new Set(['admin', 'super_admin', 'auditor', 'SUPER_ADMIN']);
const areaBound = new Set(['moderator', 'nodal_officer']);

/** A report lies inside one of the user's active areas (district/ward by name, circle/radius/polygon by PostGIS). */
export function insideAreasOf(userId: number, r: SQL = sql.raw('r')): SQL {
  return sql`EXISTS (SELECT 1 FROM reports.area_assignments a
    WHERE a.user_id = ${userId} AND a.is_active AND (
         (a.area_type = 'district' AND lower(${r}.district) = a.area_key)
      OR (a.area_type = 'ward' AND lower(${r}.ward_number) = a.area_key)
      OR (a.center IS NOT NULL AND ST_DWithin(a.center, ${r}.location, a.radius_m))
      OR (a.boundary IS NOT NULL AND ST_Covers(a.boundary, ${r}.location))))`;
}

/** The WHERE fragment (on alias `r`) of the reports `actor` may see. `mode: 'act'` drops the public read-only ones. */
export function visibleReports(actor: Actor, mode: 'read' | 'act' = 'read'): SQL {
  if (seeAll.has(actor.role)) return sql`TRUE`;
  if (areaBound.has(actor.role)) {
    return sql`(${insideAreasOf(actor.userId)}
      OR EXISTS (SELECT 1 FROM reports.tasks vt WHERE vt.report_id = r.id AND vt.assigned_to = ${actor.userId}))`;
  }
  return mode === 'read' ? sql`(r.user_id = ${actor.userId} OR r.is_public)` : sql`r.user_id = ${actor.userId}`;
}

/** Whether the actor's view is limited to areas (or their own reports); list screens say so. */
export function seesAllReports(actor: Actor): boolean {
  return seeAll.has(actor.role);
}

export async function visibleReportIds(
  db: Db,
  actor: Actor,
  ids: number[],
  mode: 'read' | 'act',
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT r.id FROM reports.reports r
        WHERE r.id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) AND ${visibleReports(actor, mode)}`,
  );
  return new Set(found.map((f) => f.id));
}

/** 'report' is readable; 'report:act' excludes public reports the actor may only read. */
export function registerReportVisibility() {
  registerVisibility('report', (db, actor, ids) => visibleReportIds(db, actor, ids, 'read'));
  registerVisibility('report:act', (db, actor, ids) => visibleReportIds(db, actor, ids, 'act'));
}
