// buildApp(deps): the Fastify instance with every plugin and module registered; it does not listen.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type RouteOptions } from 'fastify';
import { checkRouteAccess, enforceDeclaredAccess } from './http/access.ts';
import { installErrorHandling } from './http/errors.ts';
import { resolveActor } from './modules/identity/actor.ts';
import { modules } from './modules/index.ts';
import type { App, AppDeps } from './modules/module.ts';
import { version } from './version.ts';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export interface BuildOptions {
  /** Sees every route as it is registered, plugins' too (the route-table tests list the whole app with it). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  installErrorHandling(app);
  enforceDeclaredAccess(app);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https://*.tile.openstreetmap.org'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cors, { origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: true });
  await app.register(rateLimit, { max: config.rateLimitMax, timeWindow: '1 minute' });
  await app.register(formbody, { bodyLimit: config.bodyLimit });
  await app.register(multipart, { limits: { fileSize: config.uploadLimit, files: 10, fields: 50, parts: 60 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Caucus API', version, description: 'Civic organizing platform: REST under /api/v1.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Who is calling (null when no valid token), then the route's declared access rule.
  app.addHook('onRequest', async (request) => {
    request.actor = await resolveActor(deps.database.db, deps.secrets, request);
  });
  app.addHook('preHandler', checkRouteAccess);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['core'],
        summary: 'Liveness and database engine',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            version: Type.String(),
          }),
        },
      },
    },
    async () => {
      await deps.database.query('SELECT 1');
      return { status: 'ok' as const, database: deps.database.engine, version };
    },
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const mod of modules) {
    if (mod.routes) {
      const register = mod.routes;
      await app.register(async (scope) => register(scope as App, deps));
    }
  }

  await registerWebApp(app);
  return app;
}

/** The React app, built by Vite into dist/web, at `/`; unknown non-API GETs answer index.html (client routing). */
async function registerWebApp(app: App) {
  const hasWeb = fs.existsSync(path.join(webDistDir, 'index.html'));
  // serve: false only adds reply.sendFile; the one route below declares its access like every other.
  await app.register(fastifyStatic, { root: webDistDir, serve: false });
  const files = new Set<string>();
  if (hasWeb) {
    for (const entry of fs.readdirSync(webDistDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        files.add(path.relative(webDistDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  const handler = async (request: { url: string }, reply: any) => {
    const url = decodeURIComponent(request.url.split('?')[0]);
    const file = url.replace(/^\/+/, '');
    if (files.has(file) && file !== 'index.html') {
      const immutable = file.startsWith('assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(file);
    }
    if (/^\/(api|osdi|open311)(\/|$)/.test(url) || path.extname(url)) return reply.callNotFound();
    if (!hasWeb) {
      return reply
        .type('text/plain')
        .send('The web app is not built. Run `npm run build:web` (npm start does it for you).');
    }
    return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
  };
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, handler);
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, handler);
}
