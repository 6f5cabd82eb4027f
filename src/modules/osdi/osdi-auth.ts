// OSDI API keys: the `OSDI-API-Token` header (or the `osdi-api-token` query parameter) must be a live key of
// scope 'osdi' (identity.api_keys, see verifyApiKey). Helpers marked osdiAnonymous also take POSTs without a key
// (browser forms); a key that is sent but wrong is refused even there.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { verifyApiKey } from '../identity/api-keys.service.ts';
import { osdiUnauthorized } from './osdi-errors.ts';

function sentKey(request: FastifyRequest): string | undefined {
  const header = request.headers['osdi-api-token'];
  if (typeof header === 'string' && header.length > 0) return header;
  const q = request.url.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(request.url.slice(q + 1)).get('osdi-api-token') ?? undefined;
}

export function osdiAuth(db: Db) {
  return async (request: FastifyRequest) => {
    if (request.is404) return;
    const config = request.routeOptions.config;
    if (config.access !== 'api_key:osdi') return;
    const key = sentKey(request);
    request.osdiKey = key ? await verifyApiKey(db, key, 'osdi') : null;
    if (request.osdiKey) return;
    if (key === undefined && config.osdiAnonymous) return;
    throw osdiUnauthorized();
  };
}
