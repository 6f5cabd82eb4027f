// POST /api/v1/signups: the public signup form of every campaign site. Rate limited per IP, honeypot field.
// GET /api/v1/signups/campaigns/:id: what the form shows of its campaign (name and description), to anyone.
import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { one } from '../../db/client.ts';
import { notFound, sendProblem } from '../../http/errors.ts';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { IdParams, Str } from './common.schemas.ts';
import { invalidPayload, type SignupBody, signUp } from './signups.service.ts';

// Every field optional in the schema: missing ones are named together in one "Missing required fields" answer.
const SignupSchema = Type.Object(
  {
    first_name: Type.Optional(Str(100)),
    last_name: Type.Optional(Str(100)),
    email_address: Type.Optional(Str(255)),
    campaign_id: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
    phone_number: Type.Optional(Str(40)),
    middle_name: Type.Optional(Str(100)),
    notes: Type.Optional(Str(5000)),
    interaction_type: Type.Optional(Str(100)),
    interests: Type.Optional(
      Type.Object(
        { wants_to_endorse: Type.Optional(Type.Boolean()), wants_to_get_involved: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
    ),
    website: Type.Optional(Str(500, 0)),
  },
  { additionalProperties: false },
);

const emptyOrMalformed = new Set(['FST_ERR_CTP_EMPTY_JSON_BODY', 'FST_ERR_CTP_INVALID_JSON_BODY']);

const SignupCampaign = Type.Object({
  campaign_id: Type.Integer(),
  campaign_name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
});

export function signupsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/signups/campaigns/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['signups'],
        summary: 'The campaign a public signup form is for: its name and description only',
        security: [],
        params: IdParams,
        response: { 200: Type.Object({ campaign: SignupCampaign }) },
      },
    },
    async (request) => {
      const campaign = await one<{ campaign_id: number; campaign_name: string; description: string | null }>(
        deps.database.db,
        sql`SELECT campaign_id, campaign_name, description FROM voters.campaigns WHERE campaign_id = ${request.params.id}`,
      );
      if (!campaign) throw notFound('Campaign', request.params.id);
      return { campaign };
    },
  );

  app.post(
    '/api/v1/signups',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.config.authRateLimitMax, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['signups'],
        summary: 'Public signup for a campaign (Cerberus): finds or creates the person, logs "Signed Up"',
        security: [],
        body: SignupSchema,
        response: {
          201: Type.Object({ message: Type.String(), voter_id: Type.Integer(), interaction_id: Type.Integer() }),
        },
      },
      // The original answers one message for a body that is empty, not JSON, or not an object.
      errorHandler: (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        const body = request.body;
        const notAnObject = err.validation && (body === null || typeof body !== 'object' || Array.isArray(body));
        if (emptyOrMalformed.has(err.code) || (err instanceof SyntaxError && err.statusCode === 400) || notAnObject) {
          return sendProblem(request, reply, invalidPayload());
        }
        return app.errorHandler(err, request, reply);
      },
    },
    async (request, reply) =>
      reply.status(201).send(await signUp(deps.database.db, auditContext(request), request.body as SignupBody)),
  );
}
