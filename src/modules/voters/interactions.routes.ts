// /api/v1/interactions: the timeline entries, filtered by voter, campaign, type, outcome and date range.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { DateOnly, Id, IdParams, MessageOut, OrNull, Page, PerPage, Str, Timestamp } from './common.schemas.ts';
import {
  createInteraction,
  deleteInteraction,
  getInteraction,
  listInteractions,
  updateInteraction,
} from './interactions-admin.service.ts';
import { InteractionSchema } from './interaction.presenter.ts';
import { sourceModules } from './interactions.service.ts';

const tags = ['interactions'];
const TypeName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const editable = {
  campaign_id: Type.Optional(OrNull(Id)),
  interaction_date: Type.Optional(Timestamp),
  outcome: Type.Optional(OrNull(Str(255))),
  notes: Type.Optional(OrNull(Str(10000))),
  duration_minutes: Type.Optional(OrNull(Type.Integer({ minimum: 0, maximum: 100000 }))),
};
const InteractionOut = Type.Object({ interaction: InteractionSchema });

export function interactionsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/interactions',
    {
      config: { access: 'interactions:read' },
      schema: {
        tags,
        summary: 'Interactions, newest first, filtered by voter, campaign, user, type, outcome, module and dates',
        querystring: Type.Object(
          {
            voter_id: Type.Optional(Id),
            campaign_id: Type.Optional(Id),
            user_id: Type.Optional(Id),
            interaction_type: Type.Optional(Str(100, 1)),
            outcome: Type.Optional(Str(255, 1)),
            source_module: Type.Optional(Type.Union(sourceModules.map((m) => Type.Literal(m)))),
            from: Type.Optional(DateOnly),
            to: Type.Optional(DateOnly),
            page: Page,
            per_page: PerPage,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            interactions: Type.Array(InteractionSchema),
            total: Type.Integer(),
            current_page: Type.Integer(),
            total_pages: Type.Integer(),
          }),
        },
      },
    },
    async (request) => listInteractions(db, request.query),
  );

  app.post(
    '/api/v1/interactions',
    {
      config: { access: 'interactions:write' },
      schema: {
        tags,
        summary: "Log an interaction on a voter's timeline (refreshes their engagement score)",
        body: Type.Object({ voter_id: Id, interaction_type: TypeName, ...editable }, { additionalProperties: false }),
        response: { 201: InteractionOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createInteraction(db, auditContext(request), request.body)),
  );

  app.get(
    '/api/v1/interactions/:id',
    {
      config: { access: 'interactions:read' },
      schema: { tags, summary: 'One interaction', params: IdParams, response: { 200: InteractionOut } },
    },
    async (request) => getInteraction(db, request.params.id),
  );

  app.put(
    '/api/v1/interactions/:id',
    {
      config: { access: 'interactions:write' },
      schema: {
        tags,
        summary: 'Correct an interaction (given fields only)',
        params: IdParams,
        body: Type.Object({ interaction_type: Type.Optional(TypeName), ...editable }, { additionalProperties: false }),
        response: { 200: InteractionOut },
      },
    },
    async (request) => updateInteraction(db, auditContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/interactions/:id',
    {
      config: { access: 'interactions:write' },
      schema: { tags, summary: 'Delete an interaction', params: IdParams, response: { 200: MessageOut } },
    },
    async (request) => deleteInteraction(db, auditContext(request), request.params.id),
  );
}
