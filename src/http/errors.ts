// The closed set of errors and the one handler that turns anything thrown into RFC 9457 problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldError {
  field: string;
  message: string;
}

/** An error meant for the caller: a status, a stable code and a message that quotes what was sent. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AppError(400, code, message, extra);
export const validationFailed = (errors: FieldError[], message = 'The request has invalid fields') =>
  new AppError(400, 'validation_failed', message, { errors });
export const unauthenticated = (message = 'Sign in to continue') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You do not have permission to do this') => new AppError(403, 'forbidden', message);
export const notFound = (what: string, id?: string | number) =>
  new AppError(
    404,
    'not_found',
    id === undefined ? `${what} was not found` : `${what} ${JSON.stringify(id)} was not found`,
  );
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, message, extra);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AppError(422, code, message, extra);

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  request_id: string;
  [key: string]: unknown;
}

function problem(request: FastifyRequest, status: number, code: string, detail: string, extra = {}): Problem {
  return {
    type: `https://caucus.dev/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0],
    request_id: String(request.id),
    ...extra,
  };
}

/** The PostgreSQL error inside whatever wrapped it (drizzle wraps driver errors in `cause`). */
function databaseError(err: unknown): { code: string; constraint?: string; detail?: string; message: string } | null {
  let e: any = err;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && (e.severity || e.routine || e.file)) return e;
    e = e.cause;
  }
  return null;
}

/** Maps a database error a client caused to an AppError; null for one the client did not cause. */
export function fromDatabaseError(err: unknown): AppError | null {
  const db = databaseError(err);
  if (!db) return null;
  const constraint = db.constraint ? ` (${db.constraint})` : '';
  switch (db.code) {
    case '23505':
      return conflict('already_exists', `A record with this value already exists${constraint}`, {
        constraint: db.constraint,
      });
    case '23503':
      return /still referenced/.test(db.detail ?? db.message)
        ? conflict('still_referenced', `This record is still referenced by other records${constraint}`, {
            constraint: db.constraint,
          })
        : unprocessable('unknown_reference', `A referenced record does not exist${constraint}`, {
            constraint: db.constraint,
          });
    case '23514':
      return unprocessable('check_violation', `A value is outside what is allowed${constraint}`, {
        constraint: db.constraint,
      });
    case '23502':
      return unprocessable('missing_value', 'A required value is missing');
    case '23P01':
      return conflict('overlap', `The value overlaps an existing record${constraint}`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22023':
    case '22004':
    // character_not_in_repertoire: a NUL byte in a string (PostgreSQL text cannot hold one)
    case '22021':
      return badRequest('invalid_value', 'A value has the wrong form or is out of range');
    case 'P0001':
      // Raised by our own triggers: their messages are written for the user.
      return unprocessable('rule_violation', db.message);
    case '42501':
      return new AppError(403, 'forbidden', db.message);
    default:
      return null;
  }
}

function toAppError(err: FastifyError & { validation?: any[] }): AppError | null {
  if (err instanceof AppError) return err;
  if (err.validation) {
    const errors: FieldError[] = err.validation.map((v: any) => {
      const base = String(v.instancePath ?? '')
        .replace(/^\//, '')
        .replace(/\//g, '.');
      const extra = v.params?.additionalProperty ?? v.params?.missingProperty;
      const field = [err.validationContext, base, extra].filter(Boolean).join('.');
      return { field: field || String(err.validationContext ?? 'body'), message: v.message ?? 'is invalid' };
    });
    const summary = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return validationFailed(errors, `Invalid request: ${summary}`);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        415,
        'unsupported_media_type',
        `Content-Type ${err.message.split(': ').pop()} is not accepted`,
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', 'The request body is larger than allowed');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest('empty_body', 'The JSON body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest('malformed_json', 'The body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest('invalid_content_length', 'Content-Length does not match the body');
    case 'FST_ERR_CTP_INVALID_TYPE':
      return badRequest('invalid_content_type', 'The Content-Type header is invalid');
    case 'FST_ERR_NOT_FOUND':
      return notFound('Route');
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(413, 'file_too_large', 'The uploaded file is larger than allowed');
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(413, 'too_many_parts', 'The upload has too many parts');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(415, 'unsupported_media_type', 'Expected multipart/form-data');
  }
  if (err instanceof SyntaxError && (err as any).statusCode === 400) return badRequest('malformed_json', err.message);
  const fromDb = fromDatabaseError(err);
  if (fromDb) return fromDb;
  if (err.statusCode === 429) return new AppError(429, 'rate_limited', 'Too many requests; slow down and retry later');
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode, String(err.code ?? 'bad_request').toLowerCase(), err.message);
  }
  return null;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const headers = (error.extra.headers ?? {}) as Record<string, string>;
  const { headers: _h, ...extra } = error.extra;
  return reply
    .status(error.status)
    .headers(headers)
    .type('application/problem+json; charset=utf-8')
    .send(problem(request, error.status, error.code, error.message, extra));
}

/** Installs the one error handler and the problem+json 404 for unknown routes. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (appError) {
      if (appError.status >= 500) request.log.error({ err }, 'request failed');
      return sendProblem(request, reply, appError);
    }
    request.log.error({ err }, 'unexpected error');
    return sendProblem(
      request,
      reply,
      new AppError(500, 'internal_error', `Something went wrong on our side; quote request id ${request.id}`),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new AppError(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}
