// Named queries of the admin users screen: the list with its filters, one user, and the rows a write locks.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { userColumns } from './user.presenter.ts';

export interface UserFilter {
  role?: string;
  is_active?: boolean;
  search?: string;
  department_id?: number;
  page: number;
  per_page: number;
}

/** A LIKE pattern that matches `text` literally anywhere in a value. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function userWhere(filter: UserFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.role !== undefined) conditions.push(sql`u.role = ${filter.role}`);
  if (filter.is_active !== undefined) conditions.push(sql`u.is_active = ${filter.is_active}`);
  if (filter.department_id !== undefined) conditions.push(sql`u.department_id = ${filter.department_id}`);
  if (filter.search) {
    const pattern = containsPattern(filter.search.trim());
    const phone = containsPattern(filter.search.replace(/[\s()-]/g, ''));
    conditions.push(
      sql`(u.username ILIKE ${pattern} OR u.email ILIKE ${pattern} OR u.phone LIKE ${phone} OR u.full_name ILIKE ${pattern})`,
    );
  }
  return sql.join(conditions, sql` AND `);
}

// GET /api/v1/users: a page of users in id order (idx_users_role serves the role filter).
export async function selectUsers(db: Db, filter: UserFilter) {
  const where = userWhere(filter);
  const [count, page] = await Promise.all([
    one<{ total: number }>(db, sql`SELECT count(*) AS total FROM identity.users u WHERE ${where}`),
    rows<Record<string, any>>(
      db,
      sql`SELECT ${userColumns} FROM identity.users u WHERE ${where}
          ORDER BY u.id LIMIT ${filter.per_page} OFFSET ${(filter.page - 1) * filter.per_page}`,
    ),
  ]);
  return { total: count?.total ?? 0, users: page };
}

export function selectUser(db: Db, id: number) {
  return one<Record<string, any>>(db, sql`SELECT ${userColumns} FROM identity.users u WHERE u.id = ${id}`);
}

/** The target of an admin write, locked until the transaction ends. */
export function lockUser(db: Db, id: number) {
  return one<{
    id: number;
    role: string;
    username: string | null;
    email: string | null;
    phone: string | null;
    is_active: boolean;
  }>(db, sql`SELECT id, role, username, email, phone, is_active FROM identity.users WHERE id = ${id} FOR UPDATE`);
}

export function selectUserIdByUsername(db: Db, username: string) {
  return one<{ id: number; role: string }>(db, sql`SELECT id, role FROM identity.users WHERE username = ${username}`);
}

/** complete if full_name, email and primary_address are set; basic with full_name only; else minimal. */
export const profileCompletionSql = sql.raw(
  `CASE WHEN full_name IS NOT NULL AND email IS NOT NULL AND primary_address IS NOT NULL THEN 'complete'
        WHEN full_name IS NOT NULL THEN 'basic' ELSE 'minimal' END`,
);

// GET /api/v1/users/:id/role-history (idx_role_history_user)
export function selectRoleHistory(db: Db, userId: number) {
  return rows<Record<string, any>>(
    db,
    sql`SELECT h.id, h.user_id, h.old_role, h.new_role, h.changed_by, c.username AS changed_by_username, h.reason,
               h.automatic, h.created_at
        FROM identity.role_history h LEFT JOIN identity.users c ON c.id = h.changed_by
        WHERE h.user_id = ${userId} ORDER BY h.created_at DESC, h.id DESC`,
  );
}
