// A user's standing in civic reporting (CiviLens users me/stats, {id}/stats: get_user_stats) and the citizens
// close to the automatic contributor promotion (get_promotion_candidates). These read identity.users' reputation
// columns but the rule behind them (promotionRule) lives here in reports, so the routes do too.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { pageOffset, totalPages } from '../../http/presenters.ts';
import { hasPermission } from '../identity/role-catalogue.ts';
import { openStatusList } from './reports.queries.ts';
import { promotionRule, qualifiesForContributor } from './reputation.ts';

interface Standing {
  id: number;
  username: string | null;
  full_name: string | null;
  role: string;
  reputation_score: number;
  total_reports: number;
  total_validations: number;
  helpful_validations: number;
  profile_completion: string;
}

/** What a citizen still lacks for contributor, in the original's order; empty when they qualify (or are not a citizen). */
export function missingForPromotion(u: Standing): string[] {
  if (u.role !== 'citizen') return [];
  const missing: string[] = [];
  if (u.reputation_score < promotionRule.reputation) {
    missing.push(`Earn ${promotionRule.reputation - u.reputation_score} more reputation points`);
  }
  if (u.total_reports < promotionRule.totalReports) {
    missing.push(`Submit ${promotionRule.totalReports - u.total_reports} more reports`);
  }
  if (u.total_validations < promotionRule.totalValidations) {
    missing.push(`Make ${promotionRule.totalValidations - u.total_validations} more validations`);
  }
  if (u.profile_completion !== 'complete') missing.push('Complete your profile to unlock contributor status');
  return missing;
}

const standingColumns = sql.raw(`u.id, u.username, u.full_name, u.role, u.reputation_score, u.total_reports,
  u.total_validations, u.helpful_validations, u.profile_completion`);

/** Self, or staff who work reports (CiviLens: the user themselves or the admin portal); others get 404. */
export async function userReportStats(db: Db, actor: Actor, userId: number) {
  if (actor.userId !== userId && !hasPermission(actor.role, 'reports:read')) throw notFound('User', userId);
  const u = await one<Standing & { filed: number; open: number; resolved: number; tasks_resolved: number }>(
    db,
    sql`SELECT ${standingColumns},
          (SELECT count(*)::int FROM reports.reports r WHERE r.user_id = u.id) AS filed,
          (SELECT count(*)::int FROM reports.reports r WHERE r.user_id = u.id AND r.status IN (${openStatusList})) AS open,
          (SELECT count(*)::int FROM reports.reports r WHERE r.user_id = u.id AND r.status IN ('resolved', 'closed'))
            AS resolved,
          (SELECT count(*)::int FROM reports.tasks t WHERE t.assigned_to = u.id AND t.status = 'resolved')
            AS tasks_resolved
        FROM identity.users u WHERE u.id = ${userId}`,
  );
  if (!u) throw notFound('User', userId);
  const missing = missingForPromotion(u);
  return {
    user_id: u.id,
    role: u.role,
    reputation_score: u.reputation_score,
    total_reports: u.filed,
    in_progress_reports: u.open,
    active_reports: u.open,
    resolved_reports: u.resolved,
    total_validations: u.total_validations,
    helpful_validations: u.helpful_validations,
    tasks_resolved: u.tasks_resolved,
    can_promote_to_contributor: qualifiesForContributor(u),
    next_milestone: missing[0] ?? null,
  };
}

/** Citizens whose reputation is at least this share of the threshold count as near it. */
export const nearShare = 0.8;

/**
 * Citizens who qualify for contributor (eligible_only: exactly the original's get_promotion_candidates) or are
 * near it (reputation >= 80% of the threshold, on idx_users_reputation_score), those who qualify first.
 */
export async function promotionCandidates(db: Db, q: { eligible_only?: boolean; page: number; per_page: number }) {
  const qualifies = sql`(u.reputation_score >= ${promotionRule.reputation}
    AND u.total_reports >= ${promotionRule.totalReports}
    AND u.total_validations >= ${promotionRule.totalValidations}
    AND u.profile_completion = 'complete')`;
  const where = sql`u.role = 'citizen' AND u.is_active AND ${
    q.eligible_only ? qualifies : sql`u.reputation_score >= ${Math.ceil(promotionRule.reputation * nearShare)}`
  }`;
  const [page, count] = await Promise.all([
    rows<Standing>(
      db,
      sql`SELECT ${standingColumns} FROM identity.users u WHERE ${where}
          ORDER BY ${qualifies} DESC, u.reputation_score DESC, u.id
          LIMIT ${q.per_page} OFFSET ${pageOffset(q.page, q.per_page)}`,
    ),
    one<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM identity.users u WHERE ${where}`),
  ]);
  const total = count?.total ?? 0;
  return {
    candidates: page.map((u) => ({
      user_id: u.id,
      username: u.username,
      full_name: u.full_name,
      reputation_score: u.reputation_score,
      total_reports: u.total_reports,
      total_validations: u.total_validations,
      helpful_validations: u.helpful_validations,
      profile_completion: u.profile_completion,
      qualifies: qualifiesForContributor(u),
      missing: missingForPromotion(u),
    })),
    thresholds: {
      reputation: promotionRule.reputation,
      total_reports: promotionRule.totalReports,
      total_validations: promotionRule.totalValidations,
      profile_completion: 'complete',
    },
    total,
    page: q.page,
    per_page: q.per_page,
    total_pages: totalPages(total, q.per_page),
  };
}
