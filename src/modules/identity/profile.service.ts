// My profile: who I am and what I may do (GET /me), and the fields I may change myself (PATCH /me).
// CiviLens rules: profile_completion is recomputed on every change (complete with full_name, email and
// primary_address; basic with full_name; else minimal); a new email is unverified; a citizen whose profile
// becomes complete and who already meets the reputation rule is promoted to contributor at once.
import { type SQL, sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { unauthenticated } from '../../http/errors.ts';
import { autoPromotionReason, qualifiesForContributor } from '../reports/reputation.ts';
import { type AuditContext, audit } from './audit.ts';
import { isRole, rolePermissions } from './role-catalogue.ts';
import { changeRole } from './role-change.ts';
import { presentUser } from './user.presenter.ts';
import { profileCompletionSql, selectUser } from './users.queries.ts';

export async function getMe(db: Db, actor: Actor) {
  const row = await selectUser(db, actor.userId);
  if (!row) throw unauthenticated();
  return { user: presentUser(row), permissions: isRole(row.role) ? [...rolePermissions[row.role]] : [] };
}

export interface ProfilePatch {
  first_name?: string | null;
  last_name?: string | null;
  full_name?: string | null;
  email?: string | null;
  bio?: string | null;
  avatar_url?: string | null;
  preferred_language?: string;
  push_notifications?: boolean;
  sms_notifications?: boolean;
  email_notifications?: boolean;
  primary_address?: string | null;
  primary_latitude?: number | null;
  primary_longitude?: number | null;
}

const editable: (keyof ProfilePatch)[] = [
  'first_name',
  'last_name',
  'full_name',
  'email',
  'bio',
  'avatar_url',
  'preferred_language',
  'push_notifications',
  'sms_notifications',
  'email_notifications',
  'primary_address',
  'primary_latitude',
  'primary_longitude',
];

/** Blank text means "clear it". */
function clean(value: unknown) {
  return typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;
}

// PATCH /api/v1/auth/me
export async function updateMe(db: Db, context: AuditContext, actor: Actor, patch: ProfilePatch) {
  const fields = editable.filter((f) => patch[f] !== undefined);
  await db.transaction(async (tx) => {
    const before = await one<{ email: string | null }>(
      tx,
      sql`SELECT email FROM identity.users WHERE id = ${actor.userId} FOR UPDATE`,
    );
    if (!before) throw unauthenticated();
    if (fields.length > 0) {
      const sets: SQL[] = fields.map((f) => sql`${sql.identifier(f)} = ${clean(patch[f])}`);
      const newEmail = fields.includes('email') ? (clean(patch.email) as string | null) : before.email;
      const emailChanged = (newEmail ?? '').toLowerCase() !== (before.email ?? '').toLowerCase();
      if (emailChanged) sets.push(sql`email_verified = false`);
      await tx.execute(sql`UPDATE identity.users SET ${sql.join(sets, sql`, `)} WHERE id = ${actor.userId}`);
    }
    const standing = await one<{
      role: string;
      reputation_score: number;
      total_reports: number;
      total_validations: number;
      profile_completion: string;
    }>(
      tx,
      sql`UPDATE identity.users SET profile_completion = ${profileCompletionSql} WHERE id = ${actor.userId}
          RETURNING role, reputation_score, total_reports, total_validations, profile_completion`,
    );
    await audit(tx, context, {
      action: 'user_updated',
      description: 'Updated my profile',
      resourceType: 'user',
      resourceId: actor.userId,
      extra: { fields },
    });
    if (standing && qualifiesForContributor(standing)) {
      await changeRole(tx, {
        userId: actor.userId,
        newRole: 'contributor',
        changedBy: null,
        reason: autoPromotionReason,
        automatic: true,
        context: { ...context, actor: null },
      });
    }
  });
  const row = await selectUser(db, actor.userId);
  return { user: presentUser(row!) };
}
