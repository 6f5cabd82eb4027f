// Area assignments: the districts, wards, circles, radii and polygons a moderator or officer is responsible
// for. area_data keeps the original's shapes; the migration's trigger derives the PostGIS geometry from it.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound, unprocessable } from '../../http/errors.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { presentRow, presentRows } from './row.presenter.ts';

export const areaTypes = ['district', 'ward', 'circle', 'radius', 'polygon'] as const;

export interface AreaInput {
  user_id: number;
  area_type: (typeof areaTypes)[number];
  area_name: string;
  area_data: Record<string, unknown>;
  is_active?: boolean;
  notes?: string | null;
}

const columns = sql.raw(`a.id, a.user_id, a.area_type, a.area_name, a.area_data, a.is_active, a.assigned_by, a.notes,
  a.created_at, a.updated_at, u.full_name AS user_name, u.role AS user_role`);

/** The shape rules of area_data by type (the database checks the geometry itself). */
export function checkAreaData(type: string, data: Record<string, unknown>) {
  if (data.type !== undefined && data.type !== type) {
    throw unprocessable(
      'invalid_area_data',
      `area_data.type ${JSON.stringify(data.type)} does not match area_type ${type}`,
    );
  }
  if ((type === 'district' || type === 'ward') && typeof (data.name ?? data.ward_number) !== 'string') {
    throw unprocessable('invalid_area_data', `area_data for a ${type} needs a name`);
  }
}

async function assertStaff(tx: Db, userId: number) {
  const user = await one<{ role: string }>(tx, sql`SELECT role FROM identity.users WHERE id = ${userId}`);
  if (!user) throw unprocessable('unknown_user', `User ${userId} does not exist`);
  if (!['moderator', 'nodal_officer'].includes(user.role)) {
    throw unprocessable('not_area_staff', `Areas are assigned to moderators and nodal officers, not ${user.role}`);
  }
}

export async function listAreas(db: Db, q: { user_id?: number; is_active?: boolean }) {
  const where: SQL[] = [sql`TRUE`];
  if (q.user_id) where.push(sql`a.user_id = ${q.user_id}`);
  if (q.is_active !== undefined) where.push(sql`a.is_active = ${q.is_active}`);
  return {
    areas: presentRows(
      await rows<any>(
        db,
        sql`SELECT ${columns} FROM reports.area_assignments a JOIN identity.users u ON u.id = a.user_id
            WHERE ${sql.join(where, sql` AND `)} ORDER BY a.user_id, a.id`,
      ),
    ),
  };
}

export async function myAreas(db: Db, actor: Actor) {
  return listAreas(db, { user_id: actor.userId, is_active: true });
}

async function getArea(db: Db, id: number) {
  const row = await one<any>(
    db,
    sql`SELECT ${columns} FROM reports.area_assignments a JOIN identity.users u ON u.id = a.user_id WHERE a.id = ${id}`,
  );
  if (!row) throw notFound('Area assignment', id);
  return presentRow(row);
}

export async function createArea(tx: Db, ctx: AuditContext, input: AreaInput) {
  checkAreaData(input.area_type, input.area_data);
  await assertStaff(tx, input.user_id);
  const row = await one<{ id: number }>(
    tx,
    sql`INSERT INTO reports.area_assignments (user_id, area_type, area_name, area_data, is_active, assigned_by, notes)
        VALUES (${input.user_id}, ${input.area_type}, ${input.area_name}, ${JSON.stringify({ type: input.area_type, ...input.area_data })}::jsonb,
                ${input.is_active ?? true}, ${ctx.actor?.userId ?? null}, ${input.notes ?? null})
        RETURNING id`,
  );
  await audit(tx, ctx, {
    action: 'area_assigned',
    resourceType: 'area_assignment',
    resourceId: row!.id,
    extra: { user_id: input.user_id, area_type: input.area_type, area_name: input.area_name },
  });
  return getArea(tx, row!.id);
}

export async function updateArea(tx: Db, ctx: AuditContext, id: number, input: Partial<Omit<AreaInput, 'user_id'>>) {
  const current = await getArea(tx, id);
  const type = input.area_type ?? current.area_type;
  const data = input.area_data ?? (input.area_type ? undefined : current.area_data);
  if (!data) throw unprocessable('invalid_area_data', 'Changing area_type needs new area_data');
  checkAreaData(type, data);
  await tx.execute(
    sql`UPDATE reports.area_assignments SET area_type = ${type}, area_name = ${input.area_name ?? current.area_name},
          area_data = ${JSON.stringify({ ...data, type })}::jsonb, is_active = ${input.is_active ?? current.is_active},
          notes = ${input.notes !== undefined ? input.notes : current.notes}
        WHERE id = ${id}`,
  );
  await audit(tx, ctx, {
    action: 'area_updated',
    resourceType: 'area_assignment',
    resourceId: id,
    extra: { fields: Object.keys(input) },
  });
  return getArea(tx, id);
}

export async function deleteArea(tx: Db, ctx: AuditContext, id: number) {
  const gone = await one(tx, sql`DELETE FROM reports.area_assignments WHERE id = ${id} RETURNING id`);
  if (!gone) throw notFound('Area assignment', id);
  await audit(tx, ctx, { action: 'area_removed', resourceType: 'area_assignment', resourceId: id });
}
