// The API client's rules: query strings, problem+json errors, and one refresh (with rotation) on 401.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError, toApiError } from './api-error.ts';
import { api, withQuery } from './client.ts';
import { type TokenEvent, tokens } from './tokens.ts';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });

/** A stand-in for the API: /me needs access token `valid-N`; /refresh rotates `refresh-N` → `refresh-N+1`. */
function fakeApi() {
  let generation = 1;
  const calls: string[] = [];
  const handler = async (url: string, init: RequestInit = {}) => {
    calls.push(`${init.method ?? 'GET'} ${url}`);
    const auth = (init.headers as Record<string, string>)?.authorization;
    if (url === '/api/v1/auth/refresh') {
      const { refresh_token } = JSON.parse(String(init.body));
      if (refresh_token !== `refresh-${generation}`) {
        return json(
          401,
          { status: 401, code: 'refresh_token_reused', detail: 'Sign in again' },
          'application/problem+json',
        );
      }
      generation += 1;
      return json(200, {
        access_token: `valid-${generation}`,
        refresh_token: `refresh-${generation}`,
        token_type: 'bearer',
        expires_in: 900,
      });
    }
    if (url === '/api/v1/auth/login') {
      return json(
        401,
        { status: 401, code: 'invalid_credentials', detail: 'Wrong username or password' },
        'application/problem+json',
      );
    }
    if (auth !== `Bearer valid-${generation}`) {
      return json(
        401,
        { status: 401, code: 'unauthenticated', detail: 'Sign in to continue' },
        'application/problem+json',
      );
    }
    return json(200, { ok: true, token: auth });
  };
  return { handler, calls, expire: () => generation };
}

/** The ApiError a call fails with (the test fails if it succeeds). */
const failure = (call: Promise<unknown>): Promise<ApiError> =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: ApiError) => e,
  );

let events: TokenEvent[] = [];
let unsubscribe: () => void;

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  events = [];
  unsubscribe = tokens.subscribe((e) => events.push(e));
});

afterEach(() => {
  unsubscribe();
  vi.unstubAllGlobals();
});

describe('withQuery', () => {
  test('leaves out empty values and repeats arrays', () => {
    expect(withQuery('/api/v1/users', { search: 'ana lee', role: '', page: 2, x: undefined, y: null })).toBe(
      '/api/v1/users?search=ana+lee&page=2',
    );
    expect(withQuery('/a?b=1', { tag: ['x', 'y'] })).toBe('/a?b=1&tag=x&tag=y');
    expect(withQuery('/a', {})).toBe('/a');
  });
});

describe('toApiError', () => {
  test('reads code, detail and field errors from problem+json', () => {
    const error = toApiError(
      400,
      {
        code: 'validation_failed',
        detail: 'Invalid request',
        errors: [{ field: 'body.email', message: 'must be an email' }],
        request_id: 'r1',
      },
      'fallback',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('validation_failed');
    expect(error.detail).toBe('Invalid request');
    expect(error.fieldError('email')).toBe('must be an email');
    expect(error.requestId).toBe('r1');
  });

  test('falls back for bodies that are not problem+json', () => {
    const error = toApiError(502, '<html>', 'Bad Gateway');
    expect(error.code).toBe('http_502');
    expect(error.detail).toBe('Bad Gateway');
    expect(error.errors).toEqual([]);
  });
});

describe('token refresh', () => {
  test('a 401 refreshes once, stores the rotated refresh token and retries', async () => {
    const server = fakeApi();
    vi.stubGlobal('fetch', vi.fn(server.handler));
    tokens.set({ access_token: 'expired', refresh_token: 'refresh-1' });
    events = [];

    const answer = await api.get<{ ok: boolean; token: string }>('/api/v1/auth/me');
    expect(answer).toEqual({ ok: true, token: 'Bearer valid-2' });
    expect(tokens.access()).toBe('valid-2');
    expect(tokens.refresh()).toBe('refresh-2');
    expect(events).toEqual(['refreshed']);
    expect(server.calls).toEqual(['GET /api/v1/auth/me', 'POST /api/v1/auth/refresh', 'GET /api/v1/auth/me']);
  });

  test('requests failing together share one refresh (a second would present a rotated token)', async () => {
    const server = fakeApi();
    vi.stubGlobal('fetch', vi.fn(server.handler));
    tokens.set({ access_token: 'expired', refresh_token: 'refresh-1' });

    const answers = await Promise.all([api.get('/api/v1/a'), api.get('/api/v1/b'), api.get('/api/v1/c')]);
    expect(answers).toHaveLength(3);
    expect(server.calls.filter((c) => c.endsWith('/refresh'))).toHaveLength(1);
    expect(tokens.refresh()).toBe('refresh-2');
  });

  test('a refused refresh signs out and the original 401 reaches the caller', async () => {
    const server = fakeApi();
    vi.stubGlobal('fetch', vi.fn(server.handler));
    tokens.set({ access_token: 'expired', refresh_token: 'stolen-and-rotated' });
    events = [];

    const error = await failure(api.get('/api/v1/auth/me'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(tokens.access()).toBeNull();
    expect(tokens.refresh()).toBeNull();
    expect(events).toEqual(['signed_out']);
  });

  test('a 401 without a token (wrong password) does not try to refresh', async () => {
    const server = fakeApi();
    vi.stubGlobal('fetch', vi.fn(server.handler));
    const error = await failure(api.post('/api/v1/auth/login', { username: 'a', password: 'b' }));
    expect(error.code).toBe('invalid_credentials');
    expect(server.calls).toEqual(['POST /api/v1/auth/login']);
  });

  test('an unreachable server is a network_error, and the tokens are kept', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    tokens.set({ access_token: 'valid-1', refresh_token: 'refresh-1' });
    const error = await failure(api.get('/api/v1/users'));
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
    expect(tokens.refresh()).toBe('refresh-1');
  });
});
