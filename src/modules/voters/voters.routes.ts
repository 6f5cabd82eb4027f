// /api/v1/voters: the person registry. Thin routes: access, schemas, one service call.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { IdParams, MessageOut, Nullable, Page, PerPage } from './common.schemas.ts';
import { InteractionSchema } from './interaction.presenter.ts';
import { voterProfile, voterTimeline } from './voter-profile.service.ts';
import { createVoter, deleteVoter, listVoters, updateVoter } from './voters.service.ts';
import { NewVoterBody, VoterList, VoterListQuery, VoterOut, VoterSchema, VoterUpdateBody } from './voters.schemas.ts';

const tags = ['voters'];

const VoterProfile = Type.Object({
  voter: VoterSchema,
  campaigns: Type.Array(
    Type.Object({ campaign_id: Type.Integer(), campaign_name: Type.String(), added_at: Type.String() }),
  ),
  tags: Type.Array(Type.Object({ tag_id: Type.Integer(), name: Type.String() })),
  lists: Type.Array(Type.Object({ list_id: Type.Integer(), name: Type.String(), added_at: Type.String() })),
  survey_answers: Type.Array(
    Type.Object({
      response_id: Type.Integer(),
      question_id: Type.Integer(),
      question_text: Type.String(),
      question_type: Type.String(),
      campaign_id: Nullable(Type.Integer()),
      interaction_id: Nullable(Type.Integer()),
      response_value: Nullable(Type.String()),
      response_values: Type.Unknown(),
      responded_at: Type.String(),
    }),
  ),
});

const Timeline = Type.Object({
  interactions: Type.Array(Type.Object({ ...InteractionSchema.properties, campaign_name: Nullable(Type.String()) })),
  total: Type.Integer(),
  current_page: Type.Integer(),
  total_pages: Type.Integer(),
});

export function votersRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/voters',
    {
      config: { access: 'voters:read' },
      schema: {
        tags,
        summary: 'Voters: filters on every field, fuzzy name search (q), sort; page/per_page or cursor',
        description:
          'Page mode answers {voters, total_pages, current_page, total_voters}. Pass cursor= (empty) to start ' +
          'keyset pagination on voter_id; each answer carries next_cursor (null on the last page). Merged ' +
          'voters are hidden unless include_merged=true.',
        querystring: VoterListQuery,
        response: { 200: VoterList },
      },
    },
    async (request) => listVoters(db, request.query),
  );

  app.post(
    '/api/v1/voters',
    {
      config: { access: 'voters:write' },
      schema: {
        tags,
        summary: 'Create a voter (first_name, last_name and email_address are required)',
        body: NewVoterBody,
        response: { 201: VoterOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createVoter(db, auditContext(request), request.body)),
  );

  app.get(
    '/api/v1/voters/:id',
    {
      config: { access: 'voters:read' },
      schema: {
        tags,
        summary: 'A voter with their campaigns, tags, lists and survey answers',
        params: IdParams,
        response: { 200: VoterProfile },
      },
    },
    async (request) => voterProfile(db, request.params.id),
  );

  app.get(
    '/api/v1/voters/:id/timeline',
    {
      config: { access: 'interactions:read' },
      schema: {
        tags,
        summary: "The person's interactions across every module, newest first",
        params: IdParams,
        querystring: Type.Object({ page: Page, per_page: PerPage }, { additionalProperties: false }),
        response: { 200: Timeline },
      },
    },
    async (request) => voterTimeline(db, request.params.id, request.query.page, request.query.per_page),
  );

  app.put(
    '/api/v1/voters/:id',
    {
      config: { access: 'voters:write' },
      schema: {
        tags,
        summary: 'Update a voter (given fields only; voter_id, created_at and updated_at cannot change)',
        params: IdParams,
        body: VoterUpdateBody,
        response: { 200: VoterOut },
      },
    },
    async (request) => updateVoter(db, auditContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/voters/:id',
    {
      config: { access: 'voters:delete' },
      schema: {
        tags,
        summary: 'Delete a voter and their memberships, interactions and answers',
        params: IdParams,
        response: { 200: MessageOut },
      },
    },
    async (request) => deleteVoter(db, auditContext(request), request.params.id),
  );
}
