// The problem+json every API error carries, as one typed error the screens can show.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** The whole problem body: extra members such as `locked_until` or `problems`. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** The message for one form field (`email` matches `body.email` and `email`). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }

  get requestId(): string | undefined {
    return typeof this.body.request_id === 'string' ? this.body.request_id : undefined;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Builds an ApiError from a response body (problem+json, other JSON, or nothing). */
export function toApiError(status: number, body: unknown, fallback: string): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(b.errors)
    ? (b.errors as unknown[]).filter(
        (e): e is FieldError => !!e && typeof e === 'object' && typeof (e as FieldError).field === 'string',
      )
    : [];
  const code = typeof b.code === 'string' ? b.code : status === 0 ? 'network_error' : `http_${status}`;
  const detail = typeof b.detail === 'string' ? b.detail : fallback;
  return new ApiError(status, code, detail, errors, b);
}

/** A sentence for the user from anything thrown. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
