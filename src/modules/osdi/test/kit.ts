// Helpers for the OSDI tests: an API key, requests that carry it, the spec examples from
// ../shared/data/osdi-examples and a shape comparison against them.
import fs from 'node:fs';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { TestContext } from '../../../../test/harness.ts';
import { insertUser } from '../../../../test/auth-tokens.ts';
import { createApiKey } from '../../identity/api-keys.service.ts';
import { systemContext } from '../../identity/audit.ts';

const examplesDir = path.resolve(process.cwd(), '../shared/data/osdi-examples');

/** The parsed body of one spec example (file name without .json). */
export function example(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(examplesDir, `${name}.json`), 'utf8')).body;
}

/** A live OSDI key (owned by a new user) and a sender that carries it in the OSDI-API-Token header. */
export async function osdiClient(t: TestContext) {
  const userId = await insertUser(t, 'admin');
  const { key } = await createApiKey(
    t.database.db,
    { ...systemContext, actor: null },
    { name: 'osdi test', scope: 'osdi' },
  );
  await t.database.query('UPDATE identity.api_keys SET user_id = $1 WHERE key_prefix = $2', [userId, key.slice(0, 11)]);
  const send = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { 'OSDI-API-Token': key, ...((options.headers as object) ?? {}) } });
  return { key, userId, send };
}

/** The path of one of our hrefs, for following links with inject(). */
export function local(t: TestContext, href: string): string {
  expect(href.startsWith(t.deps.config.publicUrl)).toBe(true);
  return href.slice(t.deps.config.publicUrl.length);
}

const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/**
 * Every key of the example is in `actual` with the same JSON type (arrays: their first members compared),
 * except the dotted paths in `skip` (fields Caucus does not carry; each skip is explained in CHECKLIST.md).
 */
export function expectShape(actual: unknown, sample: unknown, skip: string[] = [], at = ''): void {
  if (skip.includes(at)) return;
  if (sample === null || typeof sample !== 'object') {
    expect(typeOf(actual), `type at ${at || '(root)'}`).toBe(typeOf(sample));
    return;
  }
  if (Array.isArray(sample)) {
    expect(Array.isArray(actual), `array at ${at}`).toBe(true);
    if (sample.length > 0) {
      expect((actual as unknown[]).length, `members at ${at}`).toBeGreaterThan(0);
      expectShape((actual as unknown[])[0], sample[0], skip, `${at}[]`);
    }
    return;
  }
  expect(typeOf(actual), `object at ${at || '(root)'}`).toBe('object');
  for (const [key, value] of Object.entries(sample)) {
    const p = at ? `${at}.${key}` : key;
    if (skip.includes(p)) continue;
    expect(actual as object, `missing ${p}`).toHaveProperty([key]);
    expectShape((actual as Record<string, unknown>)[key], value, skip, p);
  }
}
