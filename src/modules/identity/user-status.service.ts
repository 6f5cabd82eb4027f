// Account status for admins and the CLI: activate, deactivate (ends every session), unlock, change role,
// role history, set a password. Each write is audited and respects the level rule.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { iso } from '../../http/presenters.ts';
import { type AuditContext, audit } from './audit.ts';
import { hashPassword } from './passwords.ts';
import { assertNotSelf, assertWithinReach, changeRole } from './role-change.ts';
import type { Role } from './role-catalogue.ts';
import { presentUser } from './user.presenter.ts';
import { endUserSessions } from './user-sessions.service.ts';
import { assertStrongPassword } from './users.service.ts';
import { lockUser, selectRoleHistory, selectUser } from './users.queries.ts';

async function lockTarget(tx: Db, context: AuditContext, id: number) {
  const target = await lockUser(tx, id);
  if (!target) throw notFound('User', id);
  assertWithinReach(context.actor, target);
  return target;
}

export async function setUserActive(db: Db, context: AuditContext, id: number, active: boolean) {
  if (!active) assertNotSelf(context.actor, id, 'deactivate');
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, context, id);
    if (target.is_active !== active) {
      await tx.execute(sql`UPDATE identity.users SET is_active = ${active} WHERE id = ${id}`);
      const ended = active ? 0 : await endUserSessions(tx, id, 'user_deactivated');
      await audit(tx, context, {
        action: active ? 'user_updated' : 'user_deactivated',
        description: active ? 'Account activated' : `Account deactivated; ${ended} session(s) ended`,
        resourceType: 'user',
        resourceId: id,
        extra: active ? { is_active: true } : { is_active: false, sessions_ended: ended },
      });
    }
    return { user: presentUser((await selectUser(tx, id))!) };
  });
}

export async function unlockUser(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    await lockTarget(tx, context, id);
    await tx.execute(sql`UPDATE identity.users SET failed_login_count = 0, locked_until = NULL WHERE id = ${id}`);
    await audit(tx, context, {
      action: 'account_unlocked',
      description: 'Account unlocked by an administrator',
      resourceType: 'user',
      resourceId: id,
    });
    return { user: presentUser((await selectUser(tx, id))!) };
  });
}

export async function changeUserRole(db: Db, context: AuditContext, id: number, input: { role: Role; reason: string }) {
  assertNotSelf(context.actor, id, 'change the role of');
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, context, id);
    assertWithinReach(context.actor, target, input.role);
    const result = await changeRole(tx, {
      userId: id,
      newRole: input.role,
      changedBy: context.actor?.userId ?? null,
      reason: input.reason,
      automatic: false,
      context,
    });
    if (!result.changed) throw conflict('role_unchanged', `The user already has the role ${input.role}`);
    return { user: presentUser((await selectUser(tx, id))!) };
  });
}

export async function roleHistory(db: Db, id: number) {
  if (!(await selectUser(db, id))) throw notFound('User', id);
  const found = await selectRoleHistory(db, id);
  return {
    role_history: found.map((h) => ({
      id: h.id,
      user_id: h.user_id,
      old_role: h.old_role,
      new_role: h.new_role,
      changed_by: h.changed_by,
      changed_by_username: h.changed_by_username,
      reason: h.reason,
      automatic: h.automatic,
      created_at: iso(h.created_at)!,
    })),
  };
}

/** Sets a user's password (CLI, admins): policy-checked, ends the user's sessions. */
export async function setPassword(db: Db, context: AuditContext, id: number, password: string) {
  assertStrongPassword(password);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await lockTarget(tx, context, id);
    await tx.execute(
      sql`UPDATE identity.users SET password_hash = ${hash}, password_changed_at = now(), failed_login_count = 0,
          locked_until = NULL WHERE id = ${id}`,
    );
    const ended = await endUserSessions(tx, id, 'password_reset');
    await audit(tx, context, {
      action: 'password_reset_complete',
      description: `Password set by an administrator; ${ended} session(s) ended`,
      resourceType: 'user',
      resourceId: id,
    });
  });
}
