// Which failures of a sync leave a report queued for the next try, and which give up on it.
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../api/api-error.ts';
import { isTransient } from './report-queue.ts';

describe('isTransient', () => {
  test('no connection, no answer in time, server trouble, rate limit and an expired session are tried again', () => {
    expect(isTransient(new ApiError(0, 'network_error', 'The server cannot be reached.'))).toBe(true);
    expect(isTransient(new DOMException('signal timed out', 'TimeoutError'))).toBe(true);
    expect(isTransient(new ApiError(503, 'unavailable', 'Down for maintenance'))).toBe(true);
    expect(isTransient(new ApiError(429, 'rate_limited', 'Slow down'))).toBe(true);
    expect(isTransient(new ApiError(401, 'unauthenticated', 'Sign in'))).toBe(true);
  });

  test('a refusal of the report itself, or a cancellation, is not', () => {
    expect(isTransient(new ApiError(400, 'validation_failed', 'Title is required'))).toBe(false);
    expect(isTransient(new ApiError(422, 'invalid_location', 'Outside the city'))).toBe(false);
    expect(isTransient(new DOMException('cancelled', 'AbortError'))).toBe(false);
    expect(isTransient(new Error('something else'))).toBe(false);
  });
});
