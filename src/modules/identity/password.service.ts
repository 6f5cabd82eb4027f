// Passwords, self-service: change (ends the other sessions), and reset by a single-use emailed link valid
// one hour (ends every session and lifts a lockout: the mailbox proved who it is).
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { badRequest } from '../../http/errors.ts';
import { type AuditContext, audit } from './audit.ts';
import { consumeCode, findLiveToken, issueToken } from './one-time-codes.ts';
import { hashPassword } from './passwords.ts';
import { assertPasswordPolicy, confirmPassword } from './reauth.ts';
import type { AuthDeps } from './session-tokens.ts';
import { endOtherSessions } from './sessions.service.ts';
import { endUserSessions } from './user-sessions.service.ts';

export const passwordResetTtlSeconds = 3600;
export const invalidToken = () => badRequest('invalid_token', 'The link is invalid, expired or already used');

// POST /api/v1/auth/change-password
export async function changePassword(
  db: Db,
  deps: AuthDeps,
  context: AuditContext,
  actor: Actor,
  input: { current_password: string; new_password: string },
) {
  assertPasswordPolicy(input.new_password);
  if (input.new_password === input.current_password) {
    throw badRequest('same_password', 'The new password must differ from the current one');
  }
  await confirmPassword(db, deps, context, actor.userId, input.current_password, 'change_password');
  const hash = await hashPassword(input.new_password);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE identity.users SET password_hash = ${hash}, password_changed_at = now() WHERE id = ${actor.userId}`,
    );
    const ended = await endOtherSessions(tx, actor.userId, actor.sessionId, 'password_change');
    await audit(tx, context, {
      action: 'password_change',
      resourceType: 'user',
      resourceId: actor.userId,
      extra: { other_sessions_ended: ended },
    });
  });
}

const resetMessage = 'If an account uses this email address, a link to reset its password is on its way.';

// POST /api/v1/auth/request-password-reset: the same answer whether or not the address has an account.
export async function requestPasswordReset(db: Db, deps: AuthDeps, context: AuditContext, input: { email: string }) {
  const email = input.email.trim();
  await db.transaction(async (tx) => {
    const user = await one<{ id: number; role: string; email: string }>(
      tx,
      sql`SELECT id, role, email FROM identity.users
          WHERE email = ${email} AND is_active AND (expires_at IS NULL OR expires_at > now())`,
    );
    if (!user) {
      await audit(tx, context, {
        userId: null,
        userRole: null,
        action: 'password_reset_request',
        status: 'warning',
        extra: { reason: 'no_active_account' },
      });
      return;
    }
    const token = await issueToken(tx, {
      purpose: 'password_reset',
      userId: user.id,
      destination: user.email,
      ttlSeconds: passwordResetTtlSeconds,
    });
    const link = `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await deps.mail.queueEmail(tx, {
      to: user.email,
      subject: 'Reset your Caucus password',
      text: [
        'Someone asked to reset the password of your Caucus account.',
        `To choose a new password, open this link within one hour: ${link}`,
        'If it was not you, ignore this email: your password stays as it is.',
      ].join('\n\n'),
      template: 'password_reset',
    });
    await audit(tx, context, {
      userId: user.id,
      userRole: user.role,
      action: 'password_reset_request',
      resourceType: 'user',
      resourceId: user.id,
    });
  });
  deps.mail.kick();
  return { message: resetMessage };
}

// POST /api/v1/auth/reset-password
export async function resetPassword(db: Db, context: AuditContext, input: { token: string; new_password: string }) {
  assertPasswordPolicy(input.new_password);
  const hash = await hashPassword(input.new_password);
  const ok = await db.transaction(async (tx) => {
    const code = await findLiveToken(tx, 'password_reset', input.token);
    const user = code?.user_id
      ? await one<{ id: number; role: string }>(
          tx,
          sql`SELECT id, role FROM identity.users
              WHERE id = ${code.user_id} AND email = ${code.destination} AND is_active
                AND (expires_at IS NULL OR expires_at > now())
              FOR UPDATE`,
        )
      : null;
    if (!code || !user) return false;
    await consumeCode(tx, code.id);
    await tx.execute(
      sql`UPDATE identity.users SET password_hash = ${hash}, password_changed_at = now(), failed_login_count = 0,
                 locked_until = NULL
          WHERE id = ${user.id}`,
    );
    const ended = await endUserSessions(tx, user.id, 'password_reset');
    await audit(tx, context, {
      userId: user.id,
      userRole: user.role,
      action: 'password_reset_complete',
      resourceType: 'user',
      resourceId: user.id,
      extra: { sessions_ended: ended },
    });
    return true;
  });
  if (!ok) throw invalidToken();
}
