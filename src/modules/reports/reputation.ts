// Reputation for filing reports (+5 each, as CiviLens update_reputation, which also counts a validation) and the
// automatic citizen → contributor promotion at reputation >= 100, total_reports >= 5, total_validations >= 10
// and a complete profile, recorded in identity.role_history as automatic.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { AuditContext } from '../identity/audit.ts';
import { changeRole } from '../identity/role-change.ts';

export const reportReputationPoints = 5;
export const promotionRule = { reputation: 100, totalReports: 5, totalValidations: 10 } as const;
export const autoPromotionReason = 'Auto-promotion based on reputation and activity';

interface Standing {
  role: string;
  reputation_score: number;
  total_reports: number;
  total_validations: number;
  profile_completion: string;
}

export function qualifiesForContributor(u: Standing): boolean {
  return (
    u.role === 'citizen' &&
    u.reputation_score >= promotionRule.reputation &&
    u.total_reports >= promotionRule.totalReports &&
    u.total_validations >= promotionRule.totalValidations &&
    u.profile_completion === 'complete'
  );
}

/** Credits one filed report and promotes the reporter when they now qualify. Returns whether they were promoted. */
export async function creditReport(tx: Db, userId: number, context: AuditContext): Promise<boolean> {
  const standing = await one<Standing>(
    tx,
    sql`UPDATE identity.users
        SET reputation_score = reputation_score + ${reportReputationPoints},
            total_reports = total_reports + 1,
            total_validations = total_validations + 1
        WHERE id = ${userId}
        RETURNING role, reputation_score, total_reports, total_validations, profile_completion`,
  );
  if (!standing || !qualifiesForContributor(standing)) return false;
  const result = await changeRole(tx, {
    userId,
    newRole: 'contributor',
    changedBy: null,
    reason: autoPromotionReason,
    automatic: true,
    context: { ...context, actor: null },
  });
  return result.changed;
}
