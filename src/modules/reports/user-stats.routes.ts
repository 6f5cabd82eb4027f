// /api/v1/reports/users: a user's reporting stats (me, or by id) and the contributor promotion candidates.
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/access.ts';
import type { App, AppDeps } from '../module.ts';
import { IdParams, PageQuery } from './reports.schemas.ts';
import { promotionCandidates, userReportStats } from './user-stats.ts';

const tags = ['reports: users'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const UserStats = Type.Object({
  user_id: Type.Integer(),
  role: Type.String(),
  reputation_score: Type.Integer(),
  total_reports: Type.Integer(),
  in_progress_reports: Type.Integer(),
  active_reports: Type.Integer(),
  resolved_reports: Type.Integer(),
  total_validations: Type.Integer(),
  helpful_validations: Type.Integer(),
  tasks_resolved: Type.Integer(),
  can_promote_to_contributor: Type.Boolean(),
  next_milestone: Nullable(Type.String()),
});

const Candidate = Type.Object({
  user_id: Type.Integer(),
  username: Nullable(Type.String()),
  full_name: Nullable(Type.String()),
  reputation_score: Type.Integer(),
  total_reports: Type.Integer(),
  total_validations: Type.Integer(),
  helpful_validations: Type.Integer(),
  profile_completion: Type.String(),
  qualifies: Type.Boolean(),
  missing: Type.Array(Type.String()),
});

export function userStatsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/reports/users/me/stats',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My reports, validations, reputation and next milestone', response: { 200: UserStats } },
    },
    async (request) => {
      const actor = requireActor(request);
      return userReportStats(db, actor, actor.userId);
    },
  );

  app.get(
    '/api/v1/reports/users/:id/stats',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "A user's reports, validations and reputation (the user themselves, or staff with reports:read)",
        params: IdParams,
        response: { 200: UserStats },
      },
    },
    async (request) => userReportStats(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/reports/users/promotion-candidates',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        summary: 'Citizens who qualify for contributor, or are near it (eligible_only: only those who qualify)',
        querystring: Type.Object(
          { eligible_only: Type.Optional(Type.Boolean()), ...PageQuery },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            candidates: Type.Array(Candidate),
            thresholds: Type.Object({
              reputation: Type.Integer(),
              total_reports: Type.Integer(),
              total_validations: Type.Integer(),
              profile_completion: Type.String(),
            }),
            total: Type.Integer(),
            page: Type.Integer(),
            per_page: Type.Integer(),
            total_pages: Type.Integer(),
          }),
        },
      },
    },
    async (request) => promotionCandidates(db, request.query),
  );
}
