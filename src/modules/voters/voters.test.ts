// /api/v1/voters and /api/v1/campaigns through the HTTP API (both engines).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { type Caller, caller, expectProblem, makeCampaign, makeVoter } from './test/kit.ts';

let t: TestContext;
let admin: Caller;
let viewer: Caller;
beforeAll(async () => {
  t = await startTestApp();
  admin = await caller(t, 'admin');
  viewer = await caller(t, 'viewer');
});
afterAll(() => t.close());

const audits = async (action: string, id: number) =>
  (await one<{ n: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = ${action} AND resource_id = ${String(id)}`,
  ))!.n;

describe('voters CRUD', () => {
  it('POST requires first_name, last_name and email_address and names the missing ones', async () => {
    const res = await admin.send({ method: 'POST', url: '/api/v1/voters', payload: { first_name: 'A' } });
    expectProblem(res, 400, 'missing_fields');
    expect(res.json().detail).toBe('Missing required fields: last_name, email_address');
  });

  it('creates, reads, updates and deletes a voter, audited', async () => {
    const campaignId = await makeCampaign(admin);
    const res = await admin.send({
      method: 'POST',
      url: '/api/v1/voters',
      payload: {
        first_name: 'Mary',
        last_name: 'Jackson',
        email_address: ' Mary.Jackson@NASA.example ',
        phone_number: '(757) 555-0199',
        date_of_birth: '1921-04-09',
        registration_status: 'Registered',
        custom_fields: { team: 'West' },
        latitude: 37.08,
        longitude: -76.36,
        source_campaign_id: campaignId,
        contact_email: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json().voter;
    expect(v).toMatchObject({
      email_address: 'mary.jackson@nasa.example',
      phone_number: '+17575550199',
      date_of_birth: '1921-04-09',
      custom_fields: { team: 'West' },
      contact_email: true,
      contact_sms: false,
      engagement_score: 0,
      source_campaign_id: campaignId,
      merged_into_voter_id: null,
    });
    expect(v.latitude).toBeCloseTo(37.08);
    expect(await audits('voter.create', v.voter_id)).toBe(1);

    const got = await viewer.send({ url: `/api/v1/voters/${v.voter_id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      voter: { voter_id: v.voter_id },
      campaigns: [],
      tags: [],
      lists: [],
      survey_answers: [],
    });

    const put = await admin.send({
      method: 'PUT',
      url: `/api/v1/voters/${v.voter_id}`,
      payload: { ...v, voter_id: 424242, created_at: '2000-01-01T00:00:00Z', city: 'Hampton', middle_name: null },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().voter).toMatchObject({ voter_id: v.voter_id, city: 'Hampton', created_at: v.created_at });
    expect(await audits('voter.update', v.voter_id)).toBe(1);

    expectProblem(await viewer.send({ method: 'DELETE', url: `/api/v1/voters/${v.voter_id}` }), 403, 'forbidden');
    const del = await admin.send({ method: 'DELETE', url: `/api/v1/voters/${v.voter_id}` });
    expect(del.statusCode).toBe(200);
    expect(await audits('voter.delete', v.voter_id)).toBe(1);
    expectProblem(await admin.send({ url: `/api/v1/voters/${v.voter_id}` }), 404, 'not_found');
  });

  it('answers 409 for a second voter with the same email in another case, 400 for a bad phone', async () => {
    await makeVoter(admin, { email_address: 'dup@example.org' });
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/voters',
        payload: { first_name: 'D', last_name: 'D', email_address: 'DUP@example.org' },
      }),
      409,
      'already_exists',
    );
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/voters',
        payload: { first_name: 'D', last_name: 'D', email_address: 'd2@example.org', phone_number: 'x' },
      }),
      400,
      'invalid_phone',
    );
  });

  it('needs a token and the permission', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/voters' }), 401, 'unauthenticated');
    const citizen = await caller(t, 'citizen');
    expectProblem(await citizen.send({ url: '/api/v1/voters' }), 403, 'forbidden');
    expectProblem(await viewer.send({ method: 'POST', url: '/api/v1/voters', payload: {} }), 403, 'forbidden');
  });
});

describe('voters list', () => {
  let ids: number[] = [];
  beforeAll(async () => {
    const c = await makeCampaign(admin);
    ids = [
      await makeVoter(admin, {
        first_name: 'Jonathan',
        last_name: 'Smithers',
        zip_code: '27601',
        county: 'WAKE',
        party_affiliation: 'DEM',
        date_of_birth: '1980-05-01',
        email_address: 'jon.smithers@example.org',
        phone_number: '9195550111',
      }),
      await makeVoter(admin, {
        first_name: 'Jane',
        last_name: 'Smith',
        zip_code: '27603',
        county: 'WAKE',
        party_affiliation: 'REP',
        date_of_birth: '1990-01-01',
        voter_registration_id: 'REG-77',
      }),
      await makeVoter(admin, {
        first_name: 'Zed',
        last_name: 'Zulu',
        zip_code: '28801',
        county: 'BUNCOMBE',
        contact_sms: true,
      }),
    ];
    await admin.send({ method: 'POST', url: `/api/v1/campaigns/${c}/voters`, payload: { voter_ids: [ids[2]] } });
    await t.database.db.execute(sql`UPDATE voters.voters SET engagement_score = 40 WHERE voter_id = ${ids[1]}`);
  });

  const list = async (query: string) => {
    const res = await viewer.send({ url: `/api/v1/voters?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('answers the original envelope with page/per_page totals', async () => {
    const body = await list('per_page=2&page=1');
    expect(body).toMatchObject({ current_page: 1, total_voters: expect.any(Number), total_pages: expect.any(Number) });
    expect(body.voters).toHaveLength(2);
    expect(body.total_pages).toBe(Math.ceil(body.total_voters / 2));
  });

  it('filters by prefix, exact, ranges, email, phone and registration id', async () => {
    const idsOf = (b: any) => b.voters.map((v: any) => v.voter_id).sort();
    expect(idsOf(await list('last_name=smith&county=WAKE'))).toEqual([ids[0], ids[1]].sort());
    expect(idsOf(await list('zip_code=2760&party_affiliation=REP'))).toEqual([ids[1]]);
    expect(idsOf(await list('date_of_birth_from=1985-01-01&date_of_birth_to=1995-12-31&county=WAKE'))).toEqual([
      ids[1],
    ]);
    expect(idsOf(await list('engagement_score_min=30&engagement_score_max=50'))).toEqual([ids[1]]);
    expect(idsOf(await list('email=JON.Smithers@example.org'))).toEqual([ids[0]]);
    expect(idsOf(await list(`phone=${encodeURIComponent('(919) 555-0111')}`))).toEqual([ids[0]]);
    expect(idsOf(await list('voter_registration_id=REG-77'))).toEqual([ids[1]]);
    expect(idsOf(await list('contact_sms=true&county=BUNCOMBE'))).toEqual([ids[2]]);
    expect(idsOf(await list('last_name=%25'))).toEqual([]);
  });

  it('fuzzy-searches names with q, best match first', async () => {
    const body = await list('q=jon%20smithrs');
    expect(body.voters[0].voter_id).toBe(ids[0]);
    const partial = await list('q=smi');
    expect(partial.voters.map((v: any) => v.voter_id)).toEqual(expect.arrayContaining([ids[0], ids[1]]));
  });

  it('sorts by whitelisted columns and refuses others', async () => {
    const body = await list('county=WAKE&sort=last_name&order=desc');
    expect(body.voters.map((v: any) => v.last_name)).toEqual(['Smithers', 'Smith']);
    expectProblem(await viewer.send({ url: '/api/v1/voters?sort=password' }), 400, 'validation_failed');
  });

  it('walks every voter once with the cursor', async () => {
    const seen: number[] = [];
    let cursor = '';
    for (let i = 0; i < 50; i++) {
      const body = await list(`per_page=2&cursor=${cursor}`);
      expect(body.total_voters).toBeUndefined();
      seen.push(...body.voters.map((v: any) => v.voter_id));
      if (!body.next_cursor) break;
      cursor = body.next_cursor;
    }
    const all = await list('per_page=200');
    expect(seen).toEqual(all.voters.map((v: any) => v.voter_id).sort((a: number, b: number) => a - b));
    expectProblem(await viewer.send({ url: '/api/v1/voters?cursor=garbage!!' }), 400, 'invalid_cursor');
  });

  it('hides merged voters unless include_merged=true', async () => {
    await t.database.db.execute(
      sql`UPDATE voters.voters SET merged_into_voter_id = ${ids[0]} WHERE voter_id = ${ids[1]}`,
    );
    expect((await list('county=WAKE')).voters.map((v: any) => v.voter_id)).toEqual([ids[0]]);
    expect((await list('county=WAKE&include_merged=true')).total_voters).toBe(2);
    await t.database.db.execute(sql`UPDATE voters.voters SET merged_into_voter_id = NULL WHERE voter_id = ${ids[1]}`);
  });
});

describe('campaigns', () => {
  it('CRUD with unique names, date order and membership', async () => {
    const res = await admin.send({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { campaign_name: 'Spring Drive', start_date: '2026-03-01', end_date: '2026-05-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().campaign.campaign_id;
    expectProblem(
      await admin.send({ method: 'POST', url: '/api/v1/campaigns', payload: { campaign_name: 'Spring Drive' } }),
      409,
      'already_exists',
    );
    expectProblem(
      await admin.send({ method: 'PUT', url: `/api/v1/campaigns/${id}`, payload: { end_date: '2026-01-01' } }),
      400,
      'invalid_dates',
    );
    const v1 = await makeVoter(admin);
    const v2 = await makeVoter(admin);
    const add = await admin.send({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/voters`,
      payload: { voter_ids: [v1, v2, v1] },
    });
    expect(add.json()).toEqual({ added: 2, already_members: 0 });
    const again = await admin.send({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/voters`,
      payload: { voter_ids: [v1] },
    });
    expect(again.json()).toEqual({ added: 0, already_members: 1 });
    expectProblem(
      await admin.send({ method: 'POST', url: `/api/v1/campaigns/${id}/voters`, payload: { voter_ids: [99999999] } }),
      404,
      'not_found',
    );
    const members = await viewer.send({ url: `/api/v1/campaigns/${id}/voters` });
    expect(members.json().total_voters).toBe(2);
    expect((await viewer.send({ url: `/api/v1/campaigns/${id}` })).json().campaign.voter_count).toBe(2);
    expect((await admin.send({ method: 'DELETE', url: `/api/v1/campaigns/${id}/voters/${v1}` })).statusCode).toBe(200);
    expectProblem(await admin.send({ method: 'DELETE', url: `/api/v1/campaigns/${id}/voters/${v1}` }), 404);
    const profile = await viewer.send({ url: `/api/v1/voters/${v2}` });
    expect(profile.json().campaigns).toEqual([
      expect.objectContaining({ campaign_id: id, campaign_name: 'Spring Drive' }),
    ]);
    const listed = await viewer.send({ url: '/api/v1/campaigns?q=spring' });
    expect(listed.json().campaigns.map((c: any) => c.campaign_id)).toContain(id);
    expect((await admin.send({ method: 'DELETE', url: `/api/v1/campaigns/${id}` })).statusCode).toBe(200);
    expect(await audits('campaign.delete', id)).toBe(1);
    const left = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM voters.campaign_voters WHERE campaign_id = ${id}`,
    );
    expect(left!.n).toBe(0);
  });
});
