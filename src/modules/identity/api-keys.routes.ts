// /api/v1/api-keys: keys for the OSDI and Open311 interfaces. The key itself is shown once, at creation.
import { Type } from '@fastify/type-provider-typebox';
import type { App, AppDeps } from '../module.ts';
import { ApiKey, IdParams, Timestamp } from './admin.schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts';
import { auditContext } from './audit.ts';

const tags = ['api-keys'];

export function apiKeysRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/api-keys',
    {
      config: { access: 'api_keys:manage' },
      schema: {
        tags,
        summary: 'API keys, live ones first (the keys themselves are never shown again)',
        response: { 200: Type.Object({ api_keys: Type.Array(ApiKey) }) },
      },
    },
    async () => listApiKeys(db),
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { access: 'api_keys:manage' },
      schema: {
        tags,
        summary: 'Create an API key for OSDI or Open311; the answer holds the key, shown this once',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scope: Type.Union([Type.Literal('osdi'), Type.Literal('open311')]),
            expires_at: Type.Optional(Timestamp),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ api_key: ApiKey, key: Type.String() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiKey(db, auditContext(request), request.body)),
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { access: 'api_keys:manage' },
      schema: { tags, summary: 'Revoke an API key', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await revokeApiKey(db, auditContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
