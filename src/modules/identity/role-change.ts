// Role changes, manual (an admin) or automatic (citizen → contributor by reputation, from the reports module):
// the user's role, a role_history row and an audit record, in the caller's transaction.
// Also the level rule: a caller may only grant or edit roles at or below their own level, never their own role.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { type AuditContext, audit, systemContext } from './audit.ts';
import { isRole, type Role, roleLevels } from './role-catalogue.ts';

export interface RoleChange {
  userId: number;
  newRole: Role;
  /** The user who made the change; null for automatic changes. */
  changedBy: number | null;
  reason: string | null;
  automatic: boolean;
  /** Who asked, for the audit record; automatic changes default to the system context. */
  context?: AuditContext;
}

export interface RoleChangeResult {
  changed: boolean;
  oldRole: string;
  newRole: string;
}

/** Changes a user's role; a change to the role the user already has writes nothing and answers changed: false. */
export async function changeRole(tx: Db, change: RoleChange): Promise<RoleChangeResult> {
  const current = await one<{ role: string }>(
    tx,
    sql`SELECT role FROM identity.users WHERE id = ${change.userId} FOR UPDATE`,
  );
  if (!current) throw notFound('User', change.userId);
  if (current.role === change.newRole) return { changed: false, oldRole: current.role, newRole: change.newRole };
  await tx.execute(sql`UPDATE identity.users SET role = ${change.newRole} WHERE id = ${change.userId}`);
  await tx.execute(
    sql`INSERT INTO identity.role_history (user_id, old_role, new_role, changed_by, reason, automatic)
        VALUES (${change.userId}, ${current.role}, ${change.newRole}, ${change.changedBy}, ${change.reason},
                ${change.automatic})`,
  );
  const context = change.context ?? systemContext;
  await audit(tx, context, {
    action: 'user_role_changed',
    description: `Role changed from ${current.role} to ${change.newRole}${change.automatic ? ' automatically' : ''}`,
    resourceType: 'user',
    resourceId: change.userId,
    extra: { old_role: current.role, new_role: change.newRole, automatic: change.automatic, reason: change.reason },
    // With no one signed in (automatic promotion) the entry belongs to the promoted user.
    ...(context.actor ? {} : { userId: change.userId, userRole: current.role }),
  });
  return { changed: true, oldRole: current.role, newRole: change.newRole };
}

export function roleLevel(role: string): number {
  return isRole(role) ? roleLevels[role] : 0;
}

const tooHigh = (message: string) => new AppError(403, 'role_too_high', message);

/**
 * The level rule for a signed-in actor: the target user's current role and any role granted must be at or
 * below the actor's own level. A null actor is the system (CLI, jobs) and may do anything.
 */
export function assertWithinReach(actor: Actor | null, target: { role: string }, grantedRole?: string) {
  if (!actor) return;
  const own = roleLevel(actor.role);
  if (roleLevel(target.role) > own) {
    throw tooHigh(`Your role (${actor.role}) cannot manage a user whose role is ${target.role}`);
  }
  if (grantedRole !== undefined && roleLevel(grantedRole) > own) {
    throw tooHigh(`Your role (${actor.role}) cannot grant the role ${grantedRole}`);
  }
}

export function assertNotSelf(actor: Actor | null, userId: number, what: string) {
  if (actor && actor.userId === userId) {
    throw new AppError(403, 'own_account', `You cannot ${what} your own account`);
  }
}
