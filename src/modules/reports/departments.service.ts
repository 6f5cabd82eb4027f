// Departments (with the keywords rules-v1 routes by), their stats and officers, and the report categories.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { presentRow, presentRows } from './row.presenter.ts';
import { openStatusList } from './reports.queries.ts';

export interface DepartmentInput {
  name?: string;
  description?: string | null;
  keywords?: string | null;
  contact_email?: string | null;
  contact_phone?: string | null;
}

const columns = sql.raw('id, name, description, keywords, contact_email, contact_phone, created_at, updated_at');

export async function listDepartments(db: Db) {
  return {
    departments: presentRows(await rows<any>(db, sql`SELECT ${columns} FROM reports.departments ORDER BY name`)),
  };
}

export async function getDepartment(db: Db, id: number) {
  const row = await one<any>(db, sql`SELECT ${columns} FROM reports.departments WHERE id = ${id}`);
  if (!row) throw notFound('Department', id);
  return presentRow(row);
}

export async function createDepartment(tx: Db, ctx: AuditContext, input: DepartmentInput & { name: string }) {
  const row = await one<any>(
    tx,
    sql`INSERT INTO reports.departments (name, description, keywords, contact_email, contact_phone)
        VALUES (${input.name}, ${input.description ?? null}, ${input.keywords ?? null}, ${input.contact_email ?? null},
                ${input.contact_phone ?? null})
        RETURNING ${columns}`,
  );
  await audit(tx, ctx, {
    action: 'department_created',
    resourceType: 'department',
    resourceId: row.id,
    extra: { name: input.name },
  });
  return presentRow(row);
}

export async function updateDepartment(tx: Db, ctx: AuditContext, id: number, input: DepartmentInput) {
  const sets: SQL[] = Object.entries(input)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => sql`${sql.identifier(k)} = ${v}`);
  const row = await one<any>(
    tx,
    sql`UPDATE reports.departments SET ${sql.join(sets, sql`, `)} WHERE id = ${id} RETURNING ${columns}`,
  );
  if (!row) throw notFound('Department', id);
  await audit(tx, ctx, {
    action: 'department_updated',
    resourceType: 'department',
    resourceId: id,
    extra: { fields: Object.keys(input) },
  });
  return presentRow(row);
}

/** Deleting a department unassigns its staff; reports past intake keep it (their CHECK refuses losing it). */
export async function deleteDepartment(tx: Db, ctx: AuditContext, id: number) {
  const row = await one<{ name: string }>(tx, sql`DELETE FROM reports.departments WHERE id = ${id} RETURNING name`);
  if (!row) throw notFound('Department', id);
  await audit(tx, ctx, {
    action: 'department_deleted',
    resourceType: 'department',
    resourceId: id,
    extra: { name: row.name },
  });
}

export interface DepartmentStats {
  department_id: number;
  department_name: string;
  total_reports: number;
  open_reports: number;
  resolved_reports: number;
  overdue_reports: number;
  officers: number;
  avg_resolution_hours: number | null;
}

export async function departmentStats(db: Db, id?: number): Promise<DepartmentStats[]> {
  return rows<DepartmentStats>(
    db,
    sql`SELECT d.id AS department_id, d.name AS department_name,
               count(r.id)::int AS total_reports,
               count(r.id) FILTER (WHERE r.status IN (${openStatusList}))::int AS open_reports,
               count(r.id) FILTER (WHERE r.status IN ('resolved', 'closed'))::int AS resolved_reports,
               count(r.id) FILTER (WHERE r.status IN (${openStatusList}) AND r.sla_due_at < now())::int AS overdue_reports,
               (SELECT count(*)::int FROM identity.users u WHERE u.department_id = d.id AND u.role = 'nodal_officer') AS officers,
               round((avg(extract(epoch FROM r.resolved_at - r.created_at)) FILTER (WHERE r.resolved_at IS NOT NULL) / 3600)::numeric, 1)::float8
                 AS avg_resolution_hours
        FROM reports.departments d
        LEFT JOIN reports.reports r ON r.department_id = d.id
        ${id ? sql`WHERE d.id = ${id}` : sql``}
        GROUP BY d.id ORDER BY d.name`,
  );
}

export async function departmentOfficers(db: Db, id: number) {
  await getDepartment(db, id);
  return {
    officers: presentRows(
      await rows<any>(
        db,
        sql`SELECT u.id, u.full_name, u.username::text AS username, u.email::text AS email, u.phone, u.employee_id,
                   u.is_active, u.role
            FROM identity.users u WHERE u.department_id = ${id} ORDER BY u.full_name NULLS LAST, u.id`,
      ),
    ),
  };
}

export async function listCategories(db: Db, publicOnly: boolean) {
  return {
    categories: presentRows(
      await rows<any>(
        db,
        sql`SELECT code, name, description, department_id, duplicate_radius_m, sla_hours, attributes, is_public,
                   created_at, updated_at
            FROM reports.categories ${publicOnly ? sql`WHERE is_public` : sql``} ORDER BY code`,
      ),
    ),
  };
}

export interface CategoryInput {
  name?: string;
  description?: string | null;
  department_id?: number | null;
  duplicate_radius_m?: number;
  sla_hours?: number;
  attributes?: unknown[];
  is_public?: boolean;
}

export async function upsertCategory(tx: Db, ctx: AuditContext, code: string, input: CategoryInput) {
  const row = await one<any>(
    tx,
    sql`INSERT INTO reports.categories AS c (code, name, description, department_id, duplicate_radius_m, sla_hours, attributes, is_public)
        VALUES (${code}, ${input.name ?? code}, ${input.description ?? null}, ${input.department_id ?? null},
                ${input.duplicate_radius_m ?? 50}, ${input.sla_hours ?? 72}, ${JSON.stringify(input.attributes ?? [])}::jsonb,
                ${input.is_public ?? true})
        ON CONFLICT (code) DO UPDATE SET
          name = COALESCE(${input.name ?? null}, c.name),
          description = CASE WHEN ${input.description !== undefined} THEN ${input.description ?? null} ELSE c.description END,
          department_id = CASE WHEN ${input.department_id !== undefined} THEN ${input.department_id ?? null}::int ELSE c.department_id END,
          duplicate_radius_m = COALESCE(${input.duplicate_radius_m ?? null}::int, c.duplicate_radius_m),
          sla_hours = COALESCE(${input.sla_hours ?? null}::int, c.sla_hours),
          attributes = COALESCE(${input.attributes ? JSON.stringify(input.attributes) : null}::jsonb, c.attributes),
          is_public = COALESCE(${input.is_public ?? null}::boolean, c.is_public)
        RETURNING code, name, description, department_id, duplicate_radius_m, sla_hours, attributes, is_public, created_at, updated_at`,
  );
  await audit(tx, ctx, { action: 'category_updated', resourceType: 'category', resourceId: code, extra: { ...input } });
  return presentRow(row);
}
