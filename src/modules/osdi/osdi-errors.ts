// OSDI errors keep OSDI's own shape (errors.md, experimental): {"osdi:error": {request_type, response_code,
// resource_status: [{resource, response_code, error_descriptions: [...]}]}}, plus Action Network's plain
// "error" string so clients written for either understand it. The scoped handler maps everything thrown
// inside /osdi/v1 to this shape; only errors the client did not cause answer 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fromDatabaseError } from '../../http/errors.ts';

export interface ErrorDescription {
  error_code: string;
  description: string;
  properties?: string[];
  hint?: string;
}

export class OsdiError extends Error {
  constructor(
    readonly status: number,
    readonly resource: string,
    readonly descriptions: ErrorDescription[],
  ) {
    super(descriptions.map((d) => d.description).join('; '));
  }
}

export const osdiInvalid = (resource: string, descriptions: ErrorDescription[]) =>
  new OsdiError(400, resource, descriptions);

export const osdiNotFound = (resource: string, id: string | number) =>
  new OsdiError(404, resource, [
    {
      error_code: 'NOT_FOUND',
      description: `${resource.replace(/^osdi:/, '')} ${JSON.stringify(String(id))} was not found`,
    },
  ]);

export const osdiUnauthorized = () =>
  new OsdiError(401, 'osdi:aep', [
    {
      error_code: 'API_KEY_INVALID',
      description: 'API Key invalid or not present: send it in the OSDI-API-Token header',
    },
  ]);

export function osdiErrorBody(error: OsdiError, requestId: string) {
  return {
    error: error.message,
    request_id: requestId,
    'osdi:error': {
      request_type: 'atomic',
      response_code: error.status,
      resource_status: [
        { resource: error.resource, response_code: error.status, error_descriptions: error.descriptions },
      ],
    },
  };
}

function toOsdiError(err: FastifyError & { validation?: any[] }): OsdiError | null {
  if (err instanceof OsdiError) return err;
  if (err.validation) {
    return osdiInvalid(
      'osdi:request',
      err.validation.map((v: any) => {
        const path = String(v.instancePath ?? '')
          .replace(/^\//, '')
          .replace(/\//g, '.');
        const property = [path, v.params?.additionalProperty ?? v.params?.missingProperty].filter(Boolean).join('.');
        return {
          error_code: 'INVALID_VALUE',
          description: `${err.validationContext ?? 'body'}${property ? `.${property}` : ''} ${v.message ?? 'is invalid'}`,
          properties: [property || String(err.validationContext ?? 'body')],
        };
      }),
    );
  }
  const app = err instanceof AppError ? err : fromDatabaseError(err);
  if (app)
    return new OsdiError(app.status, 'osdi:request', [
      { error_code: app.code.toUpperCase(), description: app.message },
    ]);
  if (
    err instanceof SyntaxError ||
    (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500)
  ) {
    return new OsdiError(err.statusCode ?? 400, 'osdi:request', [
      { error_code: String(err.code ?? 'BAD_REQUEST'), description: err.message },
    ]);
  }
  return null;
}

export function sendOsdiError(request: FastifyRequest, reply: FastifyReply, error: OsdiError) {
  return reply
    .status(error.status)
    .type('application/json; charset=utf-8')
    .send(osdiErrorBody(error, String(request.id)));
}

/** The error handler of the OSDI scope. */
export function installOsdiErrors(scope: FastifyInstance) {
  scope.setErrorHandler((err: FastifyError, request, reply) => {
    const error = toOsdiError(err);
    if (error) return sendOsdiError(request, reply, error);
    request.log.error({ err }, 'unexpected error');
    return sendOsdiError(
      request,
      reply,
      new OsdiError(500, 'osdi:request', [
        {
          error_code: 'INTERNAL_ERROR',
          description: `Something went wrong on our side; quote request id ${request.id}`,
        },
      ]),
    );
  });
}
