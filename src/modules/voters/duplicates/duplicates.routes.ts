// /api/v1/duplicates (review queue, scan, not-a-duplicate, merge) and /api/v1/merges/:id/undo. voters:merge.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext, audit } from '../../identity/audit.ts';
import type { App, AppDeps } from '../../module.ts';
import { Id, IdParams, Page, PerPage } from '../common.schemas.ts';
import { presentCandidate } from './duplicate.presenter.ts';
import {
  getCandidate,
  listCandidates,
  markNotDuplicate,
  mergeCandidate,
  undoMergeAudited,
} from './duplicates.service.ts';
import { mergeableFields } from './merge.service.ts';

const tags = ['duplicates'];
const access = 'voters:merge' as const;
const Side = Type.Union([Type.Literal('survivor'), Type.Literal('loser')]);
const Picks = Type.Partial(
  Type.Object(Object.fromEntries(mergeableFields.map((f) => [f, Side])) as Record<string, typeof Side>),
  { additionalProperties: false },
);
const MergeResult = Type.Object({
  merge_id: Type.Integer(),
  survivor_voter_id: Type.Integer(),
  loser_voter_id: Type.Integer(),
});

export function duplicatesRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  app.get(
    '/api/v1/duplicates',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Candidate pairs by score (the review queue is status=pending)',
        querystring: Type.Object(
          {
            status: Type.Union([Type.Literal('pending'), Type.Literal('not_duplicate'), Type.Literal('merged')], {
              default: 'pending',
            }),
            page: Page,
            per_page: PerPage,
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ duplicates: Type.Array(Type.Unknown()), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { items, total } = await listCandidates(db, request.query);
      return { duplicates: items.map(presentCandidate), total };
    },
  );
  app.get(
    '/api/v1/duplicates/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One pair, both people side by side',
        params: IdParams,
        response: { 200: Type.Object({ duplicate: Type.Unknown() }) },
      },
    },
    async (request) => ({ duplicate: presentCandidate(await getCandidate(db, request.params.id)) }),
  );
  app.post(
    '/api/v1/duplicates/scan',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Scan every voter for duplicates (a job; blocked, never all pairs)',
        body: Type.Optional(
          Type.Object(
            { threshold: Type.Optional(Type.Number({ minimum: 0.3, maximum: 1 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 202: Type.Object({ status: Type.String() }) },
      },
    },
    async (request, reply) => {
      await audit(db, auditContext(request), { action: 'voters.duplicates.scan', resourceType: 'duplicate_candidate' });
      await deps.jobs.send('voters.duplicates.scan', { threshold: request.body?.threshold });
      return reply.status(202).send({ status: 'accepted' });
    },
  );
  app.post(
    '/api/v1/duplicates/:id/not-duplicate',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Not the same person: never proposed again',
        params: IdParams,
        response: { 200: Type.Object({ duplicate: Type.Unknown() }) },
      },
    },
    async (request) => ({
      duplicate: presentCandidate(await markNotDuplicate(db, auditContext(request), request.params.id)),
    }),
  );
  app.post(
    '/api/v1/duplicates/:id/merge',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Merge the pair into survivor_voter_id, taking each picked field from the loser',
        params: IdParams,
        body: Type.Object({ survivor_voter_id: Id, picks: Type.Optional(Picks) }, { additionalProperties: false }),
        response: { 200: MergeResult },
      },
    },
    async (request) =>
      mergeCandidate(db, auditContext(request), request.params.id, {
        survivor_voter_id: request.body.survivor_voter_id,
        picks: (request.body.picks ?? {}) as Record<string, 'survivor' | 'loser'>,
      }),
  );
  app.post(
    '/api/v1/merges/:id/undo',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Undo a merge: the loser and its rows come back',
        params: IdParams,
        response: { 200: MergeResult },
      },
    },
    async (request) => undoMergeAudited(db, auditContext(request), request.params.id),
  );
}
