// /api/v1/campaigns and /api/v1/campaigns/:id/voters (membership). Thin routes.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import {
  addCampaignVoters,
  CampaignSchema,
  createCampaign,
  deleteCampaign,
  listCampaigns,
  removeCampaignVoter,
  requireCampaign,
  updateCampaign,
} from './campaigns.service.ts';
import { DateOnly, Id, IdParams, MessageOut, OrNull, Page, PerPage, Str } from './common.schemas.ts';
import { listVoters } from './voters.service.ts';
import { VoterList, VoterListQuery } from './voters.schemas.ts';

const tags = ['campaigns'];
const Name = Type.String({ minLength: 1, maxLength: 255, pattern: '\\S' });
const fields = {
  start_date: Type.Optional(OrNull(DateOnly)),
  end_date: Type.Optional(OrNull(DateOnly)),
  description: Type.Optional(OrNull(Str(10000))),
};
const CampaignOut = Type.Object({ campaign: CampaignSchema });

export function campaignsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/campaigns',
    {
      config: { access: 'campaigns:read' },
      schema: {
        tags,
        summary: 'Campaigns by name, with their member counts',
        querystring: Type.Object(
          { q: Type.Optional(Str(200, 1)), page: Page, per_page: PerPage },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            campaigns: Type.Array(CampaignSchema),
            total: Type.Integer(),
            current_page: Type.Integer(),
            total_pages: Type.Integer(),
          }),
        },
      },
    },
    async (request) => listCampaigns(db, request.query),
  );

  app.post(
    '/api/v1/campaigns',
    {
      config: { access: 'campaigns:write' },
      schema: {
        tags,
        summary: 'Create a campaign (campaign_name is unique)',
        body: Type.Object({ campaign_name: Name, ...fields }, { additionalProperties: false }),
        response: { 201: CampaignOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(db, auditContext(request), request.body)),
  );

  app.get(
    '/api/v1/campaigns/:id',
    {
      config: { access: 'campaigns:read' },
      schema: { tags, summary: 'One campaign', params: IdParams, response: { 200: CampaignOut } },
    },
    async (request) => ({ campaign: await requireCampaign(db, request.params.id) }),
  );

  app.put(
    '/api/v1/campaigns/:id',
    {
      config: { access: 'campaigns:write' },
      schema: {
        tags,
        summary: 'Update a campaign (given fields only)',
        params: IdParams,
        body: Type.Object({ campaign_name: Type.Optional(Name), ...fields }, { additionalProperties: false }),
        response: { 200: CampaignOut },
      },
    },
    async (request) => updateCampaign(db, auditContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/campaigns/:id',
    {
      config: { access: 'campaigns:write' },
      schema: {
        tags,
        summary: 'Delete a campaign, its memberships and survey questions',
        params: IdParams,
        response: { 200: MessageOut },
      },
    },
    async (request) => deleteCampaign(db, auditContext(request), request.params.id),
  );

  app.get(
    '/api/v1/campaigns/:id/voters',
    {
      config: { access: 'voters:read' },
      schema: {
        tags,
        summary: "The campaign's voters (same filters, sort and pagination as GET /api/v1/voters)",
        params: IdParams,
        querystring: VoterListQuery,
        response: { 200: VoterList },
      },
    },
    async (request) => {
      await requireCampaign(db, request.params.id);
      return listVoters(db, { ...request.query, campaign_id: request.params.id });
    },
  );

  app.post(
    '/api/v1/campaigns/:id/voters',
    {
      config: { access: 'campaigns:write' },
      schema: {
        tags,
        summary: 'Add voters to the campaign (ones already in it are kept)',
        params: IdParams,
        body: Type.Object(
          { voter_ids: Type.Array(Id, { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ added: Type.Integer(), already_members: Type.Integer() }) },
      },
    },
    async (request) => addCampaignVoters(db, auditContext(request), request.params.id, request.body.voter_ids),
  );

  app.delete(
    '/api/v1/campaigns/:id/voters/:voterId',
    {
      config: { access: 'campaigns:write' },
      schema: {
        tags,
        summary: 'Remove a voter from the campaign',
        params: Type.Object({ id: Id, voterId: Id }, { additionalProperties: false }),
        response: { 200: MessageOut },
      },
    },
    async (request) => removeCampaignVoter(db, auditContext(request), request.params.id, request.params.voterId),
  );
}
