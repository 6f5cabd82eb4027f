// POST /api/v1/signups exactly as Cerberus: required fields, 404 campaign, dedupe, interaction, membership.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { type Caller, caller, expectProblem, makeCampaign } from './test/kit.ts';

let t: TestContext;
let admin: Caller;
let campaignId: number;
beforeAll(async () => {
  t = await startTestApp();
  admin = await caller(t, 'admin');
  campaignId = await makeCampaign(admin);
});
afterAll(() => t.close());

const signup = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/signups', payload: payload as any, headers });
const people = (email: string) =>
  rows<{ voter_id: number }>(t.database.db, sql`SELECT voter_id FROM voters.voters WHERE email_address = ${email}`);

describe('POST /api/v1/signups', () => {
  it('creates the person, a "Signed Up" interaction and the campaign link (public, no token)', async () => {
    const res = await signup({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email_address: 'Ada.Signup@Example.ORG',
      campaign_id: campaignId,
      phone_number: '(919) 555-0101',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      message: 'Signup processed successfully.',
      voter_id: expect.any(Number),
      interaction_id: expect.any(Number),
    });
    const voter = await one<any>(
      t.database.db,
      sql`SELECT email_address::text AS email, phone_number, source_campaign_id, engagement_score
          FROM voters.voters WHERE voter_id = ${body.voter_id}`,
    );
    expect(voter).toMatchObject({
      email: 'ada.signup@example.org',
      phone_number: '+19195550101',
      source_campaign_id: campaignId,
    });
    expect(voter.engagement_score).toBeGreaterThan(0);
    const interaction = await one<any>(
      t.database.db,
      sql`SELECT * FROM voters.interactions WHERE interaction_id = ${body.interaction_id}`,
    );
    expect(interaction).toMatchObject({
      voter_id: body.voter_id,
      campaign_id: campaignId,
      interaction_type: 'Website Signup',
      outcome: 'Signed Up',
      notes: 'Website signup.',
      source_module: 'voters',
    });
    const links = await rows(
      t.database.db,
      sql`SELECT 1 FROM voters.campaign_voters WHERE campaign_id = ${campaignId} AND voter_id = ${body.voter_id}`,
    );
    expect(links).toHaveLength(1);
  });

  it('matches the same email in another case: no second person, a second interaction, one link', async () => {
    const first = (
      await signup({ first_name: 'Bo', last_name: 'B', email_address: 'bo@example.org', campaign_id: campaignId })
    ).json();
    const res = await signup({
      first_name: 'Robert',
      last_name: 'B',
      email_address: 'BO@EXAMPLE.ORG',
      campaign_id: campaignId,
      notes: 'Met at the fair.',
      interests: { wants_to_endorse: true, wants_to_get_involved: true },
      interaction_type: 'Event Signup',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().voter_id).toBe(first.voter_id);
    expect(res.json().interaction_id).not.toBe(first.interaction_id);
    expect(await people('bo@example.org')).toHaveLength(1);
    const i = await one<any>(
      t.database.db,
      sql`SELECT * FROM voters.interactions WHERE interaction_id = ${res.json().interaction_id}`,
    );
    expect(i.notes).toBe('Met at the fair. Expressed interest: Endorse. Expressed interest: Get Involved.');
    expect(i.interaction_type).toBe('Event Signup');
    const links = await rows(
      t.database.db,
      sql`SELECT 1 FROM voters.campaign_voters WHERE voter_id = ${first.voter_id}`,
    );
    expect(links).toHaveLength(1);
    const only = await signup({
      first_name: 'Bo',
      last_name: 'B',
      email_address: 'bo@example.org',
      campaign_id: campaignId,
      interests: { wants_to_get_involved: true },
    });
    const notes = await one<any>(
      t.database.db,
      sql`SELECT notes FROM voters.interactions WHERE interaction_id = ${only.json().interaction_id}`,
    );
    expect(notes.notes).toBe('Expressed interest: Get Involved.');
  });

  it('matches by phone written differently when the email is new', async () => {
    const first = (
      await signup({
        first_name: 'Cy',
        last_name: 'C',
        email_address: 'cy1@example.org',
        campaign_id: campaignId,
        phone_number: '919-555-0177',
      })
    ).json();
    const res = await signup({
      first_name: 'Cy',
      last_name: 'C',
      email_address: 'cy2@example.org',
      campaign_id: campaignId,
      phone_number: '+1 (919) 555 0177',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().voter_id).toBe(first.voter_id);
    expect(await people('cy2@example.org')).toHaveLength(0);
    const n = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM voters.voters WHERE phone_number = '+19195550177'`,
    );
    expect(n!.n).toBe(1);
  });

  it('links an existing person to a second campaign without changing their first touch', async () => {
    const other = await makeCampaign(admin);
    const first = (
      await signup({ first_name: 'Di', last_name: 'D', email_address: 'di@example.org', campaign_id: campaignId })
    ).json();
    const res = await signup({ first_name: 'Di', last_name: 'D', email_address: 'di@example.org', campaign_id: other });
    expect(res.json().voter_id).toBe(first.voter_id);
    const v = await one<any>(
      t.database.db,
      sql`SELECT source_campaign_id FROM voters.voters WHERE voter_id = ${first.voter_id}`,
    );
    expect(v.source_campaign_id).toBe(campaignId);
    const links = await rows(
      t.database.db,
      sql`SELECT campaign_id FROM voters.campaign_voters WHERE voter_id = ${first.voter_id}`,
    );
    expect(links).toHaveLength(2);
  });

  it('concurrent signups of the same email make one person', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signup({
          first_name: `R${i}`,
          last_name: 'Race',
          email_address: i % 2 ? 'RACE.SIGNUP@example.org' : 'race.signup@example.org',
          campaign_id: campaignId,
        }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    expect(new Set(results.map((r) => r.json().voter_id)).size).toBe(1);
    expect(await people('race.signup@example.org')).toHaveLength(1);
    const n = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM voters.interactions WHERE voter_id = ${results[0].json().voter_id}`,
    );
    expect(n!.n).toBe(8);
  });

  it('answers 400 "Missing required fields" naming each missing field', async () => {
    const res = await signup({ first_name: 'X', email_address: '' });
    expectProblem(res, 400, 'missing_fields');
    expect(res.json().detail).toBe('Missing required fields: last_name, email_address, campaign_id');
    expect(res.json().fields).toEqual(['last_name', 'email_address', 'campaign_id']);
  });

  it('answers 400 "Invalid or empty JSON payload" for an empty, non-object or malformed body', async () => {
    for (const [payload, type] of [
      ['', 'application/json'],
      ['{}', 'application/json'],
      ['{"first_name": ', 'application/json'],
      ['[1,2]', 'application/json'],
      ['"just a string"', 'application/json'],
      ['null', 'application/json'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/signups',
        payload,
        headers: { 'content-type': type },
      });
      expectProblem(res, 400, 'invalid_payload');
      expect(res.json().detail).toBe('Invalid or empty JSON payload');
    }
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/signups' });
    expectProblem(none, 400, 'invalid_payload');
  });

  it('answers 404 for an unknown campaign and stores nothing', async () => {
    const res = await signup({
      first_name: 'Ed',
      last_name: 'E',
      email_address: 'ed@example.org',
      campaign_id: 999999,
    });
    expectProblem(res, 404, 'not_found');
    expect(res.json().detail).toBe('Campaign with ID 999999 not found.');
    expect(await people('ed@example.org')).toHaveLength(0);
  });

  it('refuses a bad email or phone, unknown fields and overlong values with 400', async () => {
    expectProblem(
      await signup({ first_name: 'F', last_name: 'F', email_address: 'nope', campaign_id: campaignId }),
      400,
      'invalid_email',
    );
    expectProblem(
      await signup({
        first_name: 'F',
        last_name: 'F',
        email_address: 'f@example.org',
        phone_number: 'abc',
        campaign_id: campaignId,
      }),
      400,
      'invalid_phone',
    );
    expectProblem(
      await signup({
        first_name: 'F',
        last_name: 'F',
        email_address: 'f@example.org',
        campaign_id: campaignId,
        is_admin: true,
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await signup({
        first_name: 'F'.repeat(101),
        last_name: 'F',
        email_address: 'f@example.org',
        campaign_id: campaignId,
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await signup({ first_name: 'F', last_name: 'F', email_address: 'f@example.org', campaign_id: 'abc' }),
      400,
      'validation_failed',
    );
    expect(await people('f@example.org')).toHaveLength(0);
  });

  it('honeypot: a filled `website` answers like success and stores nothing', async () => {
    const before = await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM voters.interactions`);
    const res = await signup({
      first_name: 'Bot',
      last_name: 'Bot',
      email_address: 'bot@example.org',
      campaign_id: campaignId,
      website: 'http://spam.example',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toBe('Signup processed successfully.');
    expect(await people('bot@example.org')).toHaveLength(0);
    const after = await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM voters.interactions`);
    expect(after!.n).toBe(before!.n);
  });
});

describe('signup rate limit', () => {
  it('answers 429 problem+json after AUTH_RATE_LIMIT_MAX signups a minute from one IP', async () => {
    const limited = await startTestApp({ authRateLimitMax: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/signups',
          payload: {},
          remoteAddress: '203.0.113.9',
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expectProblem(res, 429, 'rate_limited');
      }
      expect(codes).toEqual([400, 400, 400, 429, 429]);
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/signups',
        payload: {},
        remoteAddress: '203.0.113.10',
      });
      expect(other.statusCode).toBe(400);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /api/v1/signups/campaigns/:id', () => {
  it('shows anyone the name and description of the campaign a form is for, and nothing else', async () => {
    const id = await makeCampaign(admin, {
      campaign_name: 'Library Hours Petition',
      description: 'Keep the branch open on Sundays.',
      start_date: '2026-01-01',
    });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/signups/campaigns/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      campaign: {
        campaign_id: id,
        campaign_name: 'Library Hours Petition',
        description: 'Keep the branch open on Sundays.',
      },
    });
  });

  it('answers 404 problem+json for an unknown campaign and 400 for a malformed id', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/signups/campaigns/999999' });
    expectProblem(missing, 404, 'not_found');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/signups/campaigns/abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
