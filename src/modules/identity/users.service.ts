// Managing users for admins (and the CLI): list, create, edit. Every write is audited and respects the level
// rule (role-change.ts). Account status changes live in user-status.service.ts.
import { type SQL, sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from './audit.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { assertWithinReach } from './role-change.ts';
import type { Role } from './role-catalogue.ts';
import { presentUser } from './user.presenter.ts';
import { lockUser, profileCompletionSql, selectUser, selectUsers, type UserFilter } from './users.queries.ts';

export async function listUsers(db: Db, filter: UserFilter) {
  const { total, users } = await selectUsers(db, filter);
  return {
    users: users.map(presentUser),
    total,
    page: filter.page,
    per_page: filter.per_page,
    total_pages: totalPages(total, filter.per_page),
  };
}

export async function getUser(db: Db, id: number) {
  const row = await selectUser(db, id);
  if (!row) throw notFound('User', id);
  return { user: presentUser(row) };
}

export interface NewUser {
  username?: string;
  email?: string;
  phone?: string;
  password?: string;
  role: Role;
  first_name?: string;
  last_name?: string;
  full_name?: string;
  department_id?: number;
  employee_id?: string;
  expires_at?: string;
}

export function assertStrongPassword(password: string) {
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    throw badRequest('weak_password', `The password ${problems.join(', ')}`, { problems });
  }
}

/** full_name as given, or made from first and last name. */
function fullNameOf(input: { full_name?: string | null; first_name?: string | null; last_name?: string | null }) {
  if (input.full_name) return input.full_name;
  const made = [input.first_name, input.last_name].filter(Boolean).join(' ');
  return made || null;
}

export async function createUser(db: Db, context: AuditContext, input: NewUser) {
  assertWithinReach(context.actor, { role: 'citizen' }, input.role);
  if (!input.username && !input.email && !input.phone) {
    throw badRequest('identifier_required', 'Give at least one of username, email or phone');
  }
  if (input.password !== undefined) assertStrongPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const created = await one<{ id: number }>(
      tx,
      sql`INSERT INTO identity.users
            (username, email, phone, password_hash, password_changed_at, role, first_name, last_name, full_name,
             department_id, employee_id, expires_at, account_created_via, profile_completion)
          VALUES (${input.username ?? null}, ${input.email ?? null}, ${input.phone ?? null}, ${passwordHash},
                  ${passwordHash ? sql`now()` : null}, ${input.role}, ${input.first_name ?? null},
                  ${input.last_name ?? null}, ${fullNameOf(input)}, ${input.department_id ?? null},
                  ${input.employee_id ?? null}, ${input.expires_at ?? null}, 'password', 'minimal')
          RETURNING id`,
    );
    const id = created!.id;
    await tx.execute(sql`UPDATE identity.users SET profile_completion = ${profileCompletionSql} WHERE id = ${id}`);
    await tx.execute(
      sql`INSERT INTO identity.role_history (user_id, old_role, new_role, changed_by, reason, automatic)
          VALUES (${id}, NULL, ${input.role}, ${context.actor?.userId ?? null}, 'Account created', false)`,
    );
    await audit(tx, context, {
      action: 'user_created',
      description: `User created with role ${input.role}`,
      resourceType: 'user',
      resourceId: id,
      extra: { role: input.role },
    });
    return { user: presentUser((await selectUser(tx, id))!) };
  });
}

export interface UserPatch {
  username?: string | null;
  email?: string | null;
  phone?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  full_name?: string | null;
  department_id?: number | null;
  employee_id?: string | null;
  expires_at?: string | null;
  preferred_language?: string;
  bio?: string | null;
  avatar_url?: string | null;
  primary_address?: string | null;
}

const patchColumns = [
  'username',
  'email',
  'phone',
  'first_name',
  'last_name',
  'full_name',
  'department_id',
  'employee_id',
  'expires_at',
  'preferred_language',
  'bio',
  'avatar_url',
  'primary_address',
] as const;

export async function updateUser(db: Db, context: AuditContext, id: number, patch: UserPatch) {
  const fields = patchColumns.filter((c) => patch[c] !== undefined);
  if (fields.length === 0) throw badRequest('empty_update', 'Give at least one field to change');
  return db.transaction(async (tx) => {
    const target = await lockUser(tx, id);
    if (!target) throw notFound('User', id);
    assertWithinReach(context.actor, target);
    const identifiers = (['username', 'email', 'phone'] as const).map((c) =>
      patch[c] !== undefined ? patch[c] : target[c],
    );
    if (identifiers.every((v) => !v)) {
      throw badRequest('identifier_required', 'A user must keep at least one of username, email or phone');
    }
    const sets: SQL[] = fields.map((c) => sql`${sql.identifier(c)} = ${patch[c] ?? null}`);
    if (patch.email !== undefined && patch.email !== target.email) sets.push(sql`email_verified = false`);
    if (patch.phone !== undefined && patch.phone !== target.phone) sets.push(sql`phone_verified = false`);
    await tx.execute(sql`UPDATE identity.users SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
    await tx.execute(sql`UPDATE identity.users SET profile_completion = ${profileCompletionSql} WHERE id = ${id}`);
    await audit(tx, context, {
      action: 'user_updated',
      description: `User fields changed: ${fields.join(', ')}`,
      resourceType: 'user',
      resourceId: id,
      extra: { fields },
    });
    return { user: presentUser((await selectUser(tx, id))!) };
  });
}
