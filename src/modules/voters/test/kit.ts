// Helpers for the voters tests: a signed-in caller per role and small factories through the API.
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { authHeaders, insertUser } from '../../../../test/auth-tokens.ts';
import type { TestContext } from '../../../../test/harness.ts';

export interface Caller {
  userId: number;
  send(options: InjectOptions): Promise<ReturnType<TestContext['app']['inject']> extends Promise<infer R> ? R : never>;
}

/** A user of `role` whose every request carries a fresh token. */
export async function caller(t: TestContext, role: string): Promise<Caller> {
  const userId = await insertUser(t, role);
  return {
    userId,
    async send(options) {
      const headers = { ...(await authHeaders(t, userId)), ...((options.headers as object) ?? {}) };
      return t.app.inject({ ...options, headers });
    },
  };
}

let n = 0;
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;

export async function makeCampaign(c: Caller, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await c.send({
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: { campaign_name: unique('Campaign'), ...fields },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().campaign.campaign_id;
}

export async function makeVoter(c: Caller, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await c.send({
    method: 'POST',
    url: '/api/v1/voters',
    payload: { first_name: 'Test', last_name: 'Person', email_address: `${unique('p')}@example.org`, ...fields },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().voter.voter_id;
}

export function expectProblem(
  res: { statusCode: number; headers: any; json: () => any },
  status: number,
  code?: string,
) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (code) expect(res.json().code).toBe(code);
}
