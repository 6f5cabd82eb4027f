// POST /requests needs an api_key of scope open311 (identity.api_keys, issued by admins). The route's access
// is 'api_key:open311': this preHandler is the check, and answers Open311's 403 error array.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { verifyApiKey } from '../identity/api-keys.service.ts';
import { open311Forbidden } from './open311-errors.ts';

const keyOfRequest = new WeakMap<FastifyRequest, number>();

export function requireOpen311Key(db: Db) {
  return async (request: FastifyRequest) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const key = typeof body.api_key === 'string' ? body.api_key : query.api_key;
    if (typeof key !== 'string' || key.trim() === '') {
      throw open311Forbidden("api_key is required -- can't proceed with create_request.");
    }
    const found = await verifyApiKey(db, key.trim(), 'open311');
    if (!found) throw open311Forbidden("Invalid api_key received -- can't proceed with create_request.");
    keyOfRequest.set(request, found.id);
  };
}

/** The id of the api_key the preHandler accepted. */
export function apiKeyIdOf(request: FastifyRequest): number {
  const id = keyOfRequest.get(request);
  if (id === undefined) throw open311Forbidden("Invalid api_key received -- can't proceed with create_request.");
  return id;
}
