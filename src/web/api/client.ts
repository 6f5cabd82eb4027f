// The one way screens talk to the API: JSON in and out, the bearer token added, problem+json turned into
// ApiError, and one silent refresh (rotating the refresh token) when the access token has expired.
import { ApiError, toApiError } from './api-error.ts';
import { type TokenPair, tokens } from './tokens.ts';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** `url?a=1&b=2`, leaving out empty, null and undefined values. */
export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null || v === '') continue;
      params.append(key, String(v));
    }
  }
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  if (/json/.test(response.headers.get('content-type') ?? '')) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  return text;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh token for new tokens, once at a time (also across tabs, through a Web Lock, because a
 * rotated refresh token presented twice counts as theft and ends the session). `staleAccess` is the access token
 * the failed request used: when another tab has already refreshed, the stored one differs and is simply reused.
 * Resolves false (and signs out) when the session cannot be renewed.
 */
export function refreshTokens(staleAccess: string | null): Promise<boolean> {
  if (!refreshing) {
    const run = async () => {
      const current = tokens.access();
      if (current && current !== staleAccess) return true;
      const refreshToken = tokens.refresh();
      if (!refreshToken) {
        tokens.clear();
        return false;
      }
      let response: Response;
      try {
        response = await fetch('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ refresh_token: refreshToken }),
        });
      } catch {
        return false; // offline: keep the tokens, the next request tries again
      }
      if (!response.ok) {
        if (response.status >= 400 && response.status < 500 && response.status !== 429) tokens.clear();
        return false;
      }
      tokens.set((await response.json()) as TokenPair, 'refreshed');
      return true;
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const p: Promise<boolean> = locks ? locks.request('caucus-token-refresh', () => run()).then((ok) => ok) : run();
    const shared = p.finally(() => {
      refreshing = null;
    });
    refreshing = shared;
    return shared;
  }
  return refreshing;
}

async function send(method: string, url: string, body: unknown, options: RequestOptions, retried: boolean) {
  const access = tokens.access();
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (access) headers.authorization = `Bearer ${access}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(url, options.query), { method, headers, body: payload, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401 && access && !retried) {
    if (await refreshTokens(access)) return send(method, url, body, options, true);
  }
  return response;
}

export async function request<T>(method: string, url: string, body?: unknown, options: RequestOptions = {}) {
  const response = await send(method, url, body, options, false);
  const parsed = await parseBody(response);
  if (!response.ok) throw toApiError(response.status, parsed, `${response.status} ${response.statusText}`);
  return parsed as T;
}

/**
 * Uploads a FormData with progress (fetch cannot report upload progress). `onProgress` gets 0..1.
 * Retries once after a token refresh, like the JSON calls.
 */
export function upload<T>(
  url: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
  options: { method?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const attempt = (retried: boolean): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const access = tokens.access();
      xhr.open(options.method ?? 'POST', url);
      xhr.setRequestHeader('accept', 'application/json');
      if (access) xhr.setRequestHeader('authorization', `Bearer ${access}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
      };
      xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload failed: the server cannot be reached.'));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
      xhr.onload = () => {
        let body: unknown;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
        } catch {
          body = xhr.responseText;
        }
        if (xhr.status === 401 && access && !retried) {
          refreshTokens(access).then((ok) => (ok ? resolve(attempt(true)) : reject(toApiError(401, body, 'Sign in'))));
          return;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(1);
          resolve(body as T);
        } else reject(toApiError(xhr.status, body, `${xhr.status} ${xhr.statusText}`));
      };
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  return attempt(false);
}

/** Downloads a file the API makes (exports): the Blob and the file name from Content-Disposition. */
export async function download(url: string, options: RequestOptions = {}) {
  const response = await send(
    'GET',
    url,
    undefined,
    { ...options, headers: { accept: '*/*', ...options.headers } },
    false,
  );
  if (!response.ok) throw toApiError(response.status, await parseBody(response), `${response.status}`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await response.blob(), filename: name ? decodeURIComponent(name) : 'download' };
}

export const api = {
  get: <T>(url: string, query?: Query, options?: RequestOptions) =>
    request<T>('GET', url, undefined, { ...options, query }),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, body ?? {}, options),
  patch: <T>(url: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', url, body, options),
  put: <T>(url: string, body: unknown, options?: RequestOptions) => request<T>('PUT', url, body, options),
  del: <T = void>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
  upload,
  download,
};
