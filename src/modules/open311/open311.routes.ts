// Open311 GeoReport v2 at /open311/v2 and discovery at /open311/discovery.{json,xml}. The format is the
// extension of the resource; errors keep Open311's own format (scoped error and not-found handlers).
import type { FastifyReply } from 'fastify';
import type { App, AppDeps } from '../module.ts';
import { auditContext } from '../identity/audit.ts';
import { apiKeyIdOf, requireOpen311Key } from './api-key.ts';
import { type CreateRequestBody, createRequest } from './create-request.service.ts';
import { discoveryDocument } from './discovery.ts';
import { open311NotFound, sendOpen311Error, toOpen311Error } from './open311-errors.ts';
import { type Format, type Serialized, serializeList, serializeObject, splitFormat } from './open311-format.ts';
import {
  CreateRequestBodySchema,
  FileParams,
  Open311Answer,
  ReadQuery,
  RequestsQuery,
  UpdatesQuery,
} from './open311.schemas.ts';
import { loadSettings } from './open311-settings.ts';
import { getRequest, getToken, listRequests, listUpdates } from './read-requests.service.ts';
import { listServices, serviceDefinition } from './services.service.ts';

const formats: Format[] = ['json', 'xml'];
const tags = ['open311'];

function send(reply: FastifyReply, out: Serialized) {
  return reply.type(out.contentType).send(out.body);
}

/** `S0301.json` → name and format; another extension is an unknown resource (404). */
function fileOf(file: string) {
  const split = splitFormat(file);
  if (!split) throw open311NotFound(`${JSON.stringify(file.slice(0, 120))} is not a resource; use .json or .xml`);
  return split;
}

export async function open311Routes(app: App, deps: AppDeps) {
  await app.register(async (scope) => scoped(scope as App, deps), { prefix: '/open311' });
}

async function scoped(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  app.setErrorHandler((err, request, reply) => {
    const error = toOpen311Error(err as any);
    if (error.status >= 500) request.log.error({ err }, 'open311 request failed');
    return sendOpen311Error(request, reply, error);
  });
  const unknownResource = (url: string) => open311NotFound(`No Open311 resource at ${url.split('?')[0].slice(0, 200)}`);
  app.setNotFoundHandler((request, reply) => sendOpen311Error(request, reply, unknownResource(request.url)));
  // The web app's catch-all GET /* would otherwise answer unknown /open311 paths with problem+json.
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    config: { access: 'public' },
    schema: { hide: true },
    handler: async (request) => {
      throw unknownResource(request.url);
    },
  });

  for (const format of formats) {
    app.get(
      `/discovery.${format}`,
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Open311 discovery', response: { 200: Open311Answer } },
      },
      async (_request, reply) => {
        const doc = discoveryDocument(publicUrl, await loadSettings(db, publicUrl));
        const out = serializeObject(format, 'discovery', doc);
        // Bare content type (no charset): some validators compare it exactly. A Buffer keeps Fastify from adding one.
        return reply.type(format === 'json' ? 'application/json' : 'text/xml').send(Buffer.from(out.body));
      },
    );

    app.get(
      `/v2/services.${format}`,
      { config: { access: 'public' }, schema: { tags, summary: 'Service list', response: { 200: Open311Answer } } },
      async (_request, reply) => send(reply, serializeList(format, 'services', 'service', await listServices(db))),
    );

    app.post(
      `/v2/requests.${format}`,
      {
        config: { access: 'api_key:open311' },
        preHandler: requireOpen311Key(db),
        schema: {
          tags,
          summary: 'File a service request (form-encoded; api_key of scope open311)',
          body: CreateRequestBodySchema,
          response: { 200: Open311Answer },
        },
      },
      async (request, reply) => {
        const answer = await createRequest(db, {
          body: request.body as CreateRequestBody,
          apiKeyId: apiKeyIdOf(request),
          settings: await loadSettings(db, publicUrl),
          context: auditContext(request),
        });
        return send(reply, serializeList(format, 'service_requests', 'request', [answer]));
      },
    );

    app.get(
      `/v2/requests.${format}`,
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Service requests', querystring: RequestsQuery, response: { 200: Open311Answer } },
      },
      async (request, reply) =>
        send(
          reply,
          serializeList(format, 'service_requests', 'request', await listRequests(db, request.query, publicUrl)),
        ),
    );

    app.get(
      `/v2/servicerequestupdates.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Status updates of requests (FixMyStreet extension)',
          querystring: UpdatesQuery,
          response: { 200: Open311Answer },
        },
      },
      async (request, reply) =>
        send(
          reply,
          serializeList(format, 'service_request_updates', 'request_update', await listUpdates(db, request.query)),
        ),
    );
  }

  app.get(
    '/v2/services/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Service definition (attributes)',
        params: FileParams,
        querystring: ReadQuery,
        response: { 200: Open311Answer },
      },
    },
    async (request, reply) => {
      const { name, format } = fileOf(request.params.file);
      return send(reply, serializeObject(format, 'service_definition', await serviceDefinition(db, name)));
    },
  );

  app.get(
    '/v2/requests/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One service request (an array of one)',
        params: FileParams,
        querystring: ReadQuery,
        response: { 200: Open311Answer },
      },
    },
    async (request, reply) => {
      const { name, format } = fileOf(request.params.file);
      const extensions = request.query.extensions?.trim().toLowerCase() === 'true';
      const found = await getRequest(db, name, extensions, publicUrl);
      return send(reply, serializeList(format, 'service_requests', 'request', found));
    },
  );

  app.get(
    '/v2/tokens/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The request id behind a token',
        params: FileParams,
        querystring: ReadQuery,
        response: { 200: Open311Answer },
      },
    },
    async (request, reply) => {
      const { name, format } = fileOf(request.params.file);
      return send(reply, serializeList(format, 'service_requests', 'request', await getToken(db, name)));
    },
  );
}
