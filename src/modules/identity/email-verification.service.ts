// Email verification: a single-use link valid 24 hours, sent to the address on the account. The link only
// verifies the address it was sent to: changing the email in between makes it invalid.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { badRequest, conflict } from '../../http/errors.ts';
import { type AuditContext, audit } from './audit.ts';
import { consumeCode, findLiveToken, issueToken } from './one-time-codes.ts';
import { invalidToken } from './password.service.ts';
import type { AuthDeps } from './session-tokens.ts';

export const emailVerificationTtlSeconds = 24 * 3600;

// POST /api/v1/auth/request-email-verification
export async function requestEmailVerification(db: Db, deps: AuthDeps, context: AuditContext, actor: Actor) {
  await db.transaction(async (tx) => {
    const user = await one<{ email: string | null; email_verified: boolean }>(
      tx,
      sql`SELECT email, email_verified FROM identity.users WHERE id = ${actor.userId}`,
    );
    if (!user?.email) throw badRequest('no_email', 'Add an email address to your profile first');
    if (user.email_verified) throw conflict('already_verified', `${user.email} is already verified`);
    const token = await issueToken(tx, {
      purpose: 'email_verify',
      userId: actor.userId,
      destination: user.email,
      ttlSeconds: emailVerificationTtlSeconds,
    });
    const link = `${deps.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
    await deps.mail.queueEmail(tx, {
      to: user.email,
      subject: 'Confirm your email address for Caucus',
      text: [
        'Please confirm that this is your email address for your Caucus account.',
        `Open this link within 24 hours: ${link}`,
        'If you did not ask for this, ignore this email.',
      ].join('\n\n'),
      template: 'email_verify',
    });
    await audit(tx, context, {
      action: 'email_verification_request',
      resourceType: 'user',
      resourceId: actor.userId,
    });
  });
  deps.mail.kick();
  return { message: 'A confirmation link is on its way to your email address.' };
}

// POST /api/v1/auth/verify-email
export async function verifyEmail(db: Db, context: AuditContext, input: { token: string }) {
  const ok = await db.transaction(async (tx) => {
    const code = await findLiveToken(tx, 'email_verify', input.token);
    if (!code?.user_id) return false;
    const user = await one<{ id: number; role: string }>(
      tx,
      sql`UPDATE identity.users SET email_verified = true
          WHERE id = ${code.user_id} AND email = ${code.destination}
          RETURNING id, role`,
    );
    await consumeCode(tx, code.id);
    if (!user) return false;
    await audit(tx, context, {
      userId: user.id,
      userRole: user.role,
      action: 'email_verified',
      resourceType: 'user',
      resourceId: user.id,
    });
    return true;
  });
  if (!ok) throw invalidToken();
}
