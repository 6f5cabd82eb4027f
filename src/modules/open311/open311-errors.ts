// Open311 errors keep GeoReport v2's own format, not problem+json: an array of {code, description}
// (`<errors><error><code/><description/></error></errors>` in XML) with 404 for an unknown resource,
// 403 for a missing or invalid api_key and 400 for everything else the client got wrong.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fromDatabaseError } from '../../http/errors.ts';
import { formatOfUrl, serializeList } from './open311-format.ts';

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500,
    readonly items: Open311ErrorItem[],
  ) {
    super(items.map((i) => i.description).join('; '));
  }
}

export const open311BadRequest = (...descriptions: string[]) =>
  new Open311Error(
    400,
    descriptions.map((description) => ({ code: 400, description })),
  );
export const open311Forbidden = (description: string) => new Open311Error(403, [{ code: 403, description }]);
export const open311NotFound = (description: string) => new Open311Error(404, [{ code: 404, description }]);

export function sendOpen311Error(request: FastifyRequest, reply: FastifyReply, error: Open311Error) {
  const { body, contentType } = serializeList(formatOfUrl(request.url), 'errors', 'error', error.items);
  return reply.status(error.status).type(contentType).send(body);
}

/** Anything thrown inside /open311 as an Open311Error: validation and client errors 400/403/404, the rest 500. */
export function toOpen311Error(err: FastifyError & { validation?: any[] }): Open311Error {
  if (err instanceof Open311Error) return err;
  if (err.validation) {
    return open311BadRequest(
      ...err.validation.map((v: any) => {
        const field =
          v.params?.missingProperty ??
          v.params?.additionalProperty ??
          String(v.instancePath ?? '').replace(/^\//, '') ??
          err.validationContext;
        return `${field || err.validationContext} ${v.message ?? 'is invalid'}`.trim();
      }),
    );
  }
  const app = err instanceof AppError ? err : fromDatabaseError(err);
  if (app) {
    if (app.status === 404) return open311NotFound(app.message);
    if (app.status === 403 || app.status === 401) return open311Forbidden(app.message);
    if (app.status < 500) return open311BadRequest(app.message);
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return err.statusCode === 404 ? open311NotFound(err.message) : open311BadRequest(err.message);
  }
  return new Open311Error(500, [{ code: 500, description: 'The service is unavailable; try again later' }]);
}
