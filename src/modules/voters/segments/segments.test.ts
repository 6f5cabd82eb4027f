// Segments: validation with the path of the bad node, every condition type, count/members/preview, CSV export.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../../db/client.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { logInteraction } from '../interactions.service.ts';
import { type Caller, caller, expectProblem, makeCampaign, makeVoter } from '../test/kit.ts';
import { safeCell } from './export-csv.ts';

let t: TestContext;
let admin: Caller;
let viewer: Caller;
const v: Record<string, number> = {};
let tagId: number;
let listId: number;
let campaignId: number;
let questionId: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await caller(t, 'admin');
  viewer = await caller(t, 'viewer');
  campaignId = await makeCampaign(admin);
  // Raleigh, Durham (~37 km away), Asheville (~350 km away)
  v.raleigh = await makeVoter(admin, {
    first_name: 'Rae',
    last_name: 'Leigh',
    county: 'WAKE',
    zip_code: '27601',
    precinct: '01-07',
    party_affiliation: 'DEM',
    latitude: 35.7796,
    longitude: -78.6382,
    custom_fields: { shirt: { size: 'M' }, donations: 3 },
    date_of_birth: '1970-01-01',
  });
  v.durham = await makeVoter(admin, {
    first_name: 'Dur',
    last_name: 'Ham',
    county: 'DURHAM',
    zip_code: '27701',
    precinct: '02-01',
    party_affiliation: 'REP',
    latitude: 35.994,
    longitude: -78.8986,
    custom_fields: { shirt: { size: 'L' }, donations: 10 },
    date_of_birth: '1995-06-01',
  });
  v.asheville = await makeVoter(admin, {
    first_name: 'Ash',
    last_name: 'Ville',
    county: 'BUNCOMBE',
    zip_code: '28801',
    party_affiliation: 'UNA',
    latitude: 35.5951,
    longitude: -82.5515,
    phone_number: '8285550100',
  });
  v.nowhere = await makeVoter(admin, { first_name: '=HYPERLINK("x")', last_name: '+Plus', county: 'WAKE' });
  tagId = (
    await admin.send({ method: 'POST', url: `/api/v1/voters/${v.raleigh}/tags`, payload: { name: 'Volunteer' } })
  ).json().tags[0].tag_id;
  await admin.send({ method: 'POST', url: `/api/v1/voters/${v.durham}/tags`, payload: { tag_id: tagId } });
  await admin.send({ method: 'POST', url: `/api/v1/voters/${v.durham}/tags`, payload: { name: 'Donor' } });
  listId = (await admin.send({ method: 'POST', url: '/api/v1/lists', payload: { name: 'Calls' } })).json().list.list_id;
  await admin.send({ method: 'POST', url: `/api/v1/lists/${listId}/items`, payload: { voter_ids: [v.asheville] } });
  await admin.send({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/voters`,
    payload: { voter_ids: [v.raleigh, v.asheville] },
  });
  for (let i = 0; i < 3; i++)
    await logInteraction(t.database.db, {
      voter_id: v.durham,
      interaction_type: 'Door Knock',
      outcome: 'Interested',
      interaction_date: '2026-10-0' + (i + 1) + 'T12:00:00Z',
    });
  await logInteraction(t.database.db, {
    voter_id: v.raleigh,
    interaction_type: 'Phone Call',
    outcome: 'Not Home',
    interaction_date: '2026-09-15T12:00:00Z',
  });
  const q = await admin.send({
    method: 'POST',
    url: '/api/v1/survey-questions',
    payload: {
      campaign_id: campaignId,
      question_text: 'Issue?',
      question_type: 'Multiple Choice',
      possible_answers: { A: 'Housing', B: 'Transit' },
    },
  });
  questionId = q.json().question.question_id;
  await admin.send({
    method: 'POST',
    url: '/api/v1/survey-responses',
    payload: { voter_id: v.asheville, answers: [{ question_id: questionId, response_value: 'B' }] },
  });
});
afterAll(() => t.close());

const preview = async (definition: unknown) => {
  const res = await viewer.send({
    method: 'POST',
    url: '/api/v1/segments/preview',
    payload: { definition, per_page: 50 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .voters.map((x: any) => x.voter_id)
    .sort((a: number, b: number) => a - b) as number[];
};
const ids = (...names: string[]) => names.map((n) => v[n]).sort((a, b) => a - b);
const field = (f: string, op: string, value?: unknown, values?: unknown[]) => ({
  type: 'field',
  field: f,
  op,
  ...(value !== undefined ? { value } : {}),
  ...(values ? { values } : {}),
});

describe('segment conditions', () => {
  it('voter fields: eq, in, prefix, not_in, date ranges, null checks', async () => {
    expect(await preview(field('county', 'eq', 'WAKE'))).toEqual(ids('raleigh', 'nowhere'));
    expect(await preview(field('county', 'in', undefined, ['WAKE', 'DURHAM']))).toEqual(
      ids('raleigh', 'durham', 'nowhere'),
    );
    expect(await preview(field('zip_code', 'prefix', '277'))).toEqual(ids('durham'));
    expect(
      await preview({
        and: [field('party_affiliation', 'not_in', undefined, ['DEM', 'REP']), field('county', 'is_not_null')],
      }),
    ).toEqual(ids('asheville', 'nowhere'));
    expect(await preview(field('date_of_birth', 'between', undefined, ['1990-01-01', '1999-12-31']))).toEqual(
      ids('durham'),
    );
    expect(await preview(field('phone_number', 'is_not_null'))).toEqual(ids('asheville'));
  });

  it('custom_fields paths: equality by containment, numeric comparison, existence', async () => {
    expect(await preview(field('custom_fields.shirt.size', 'eq', 'L'))).toEqual(ids('durham'));
    expect(await preview(field('custom_fields.donations', 'gte', 5))).toEqual(ids('durham'));
    expect(await preview(field('custom_fields.shirt', 'is_not_null'))).toEqual(ids('raleigh', 'durham'));
  });

  it('tags (any/all), lists, campaigns', async () => {
    expect(await preview({ type: 'tag', ids: [tagId] })).toEqual(ids('raleigh', 'durham'));
    const donor = (await viewer.send({ url: '/api/v1/tags?q=donor' })).json().tags[0].tag_id;
    expect(await preview({ type: 'tag', ids: [tagId, donor], match: 'all' })).toEqual(ids('durham'));
    expect(await preview({ type: 'list', ids: [listId] })).toEqual(ids('asheville'));
    expect(await preview({ type: 'campaign', ids: [campaignId] })).toEqual(ids('raleigh', 'asheville'));
  });

  it('interactions: type, outcome, date range and counts; survey answers', async () => {
    expect(await preview({ type: 'interaction', interaction_types: ['Door Knock'], min_count: 3 })).toEqual(
      ids('durham'),
    );
    expect(await preview({ type: 'interaction', interaction_types: ['Door Knock'], min_count: 4 })).toEqual([]);
    expect(
      await preview({ type: 'interaction', outcomes: ['Not Home'], from: '2026-09-01', to: '2026-09-15' }),
    ).toEqual(ids('raleigh'));
    expect(await preview({ type: 'interaction', outcomes: ['Not Home'], from: '2026-09-16' })).toEqual([]);
    expect(await preview({ and: [field('county', 'eq', 'WAKE'), { type: 'interaction', max_count: 0 }] })).toEqual(
      ids('nowhere'),
    );
    expect(await preview({ type: 'survey', question_id: questionId, values: ['B'] })).toEqual(ids('asheville'));
    expect(await preview({ type: 'survey', question_id: questionId, values: ['A'] })).toEqual([]);
  });

  it('geography: radius, polygon, zip/county lists; and/or/not groups', async () => {
    expect(await preview({ type: 'within_radius', latitude: 35.7796, longitude: -78.6382, meters: 50000 })).toEqual(
      ids('raleigh', 'durham'),
    );
    expect(await preview({ type: 'within_radius', latitude: 35.7796, longitude: -78.6382, meters: 1000 })).toEqual(
      ids('raleigh'),
    );
    const triangle = {
      type: 'Polygon',
      coordinates: [
        [
          [-83, 35],
          [-82, 35],
          [-82.5, 36],
          [-83, 35],
        ],
      ],
    };
    expect(await preview({ type: 'within_polygon', geojson: triangle })).toEqual(ids('asheville'));
    expect(
      await preview({
        or: [
          field('zip_code', 'in', undefined, ['28801']),
          { not: field('county', 'in', undefined, ['WAKE', 'BUNCOMBE']) },
        ],
      }),
    ).toEqual(ids('durham', 'asheville'));
  });

  it('merged voters are never members', async () => {
    await t.database.db.execute(
      sql`UPDATE voters.voters SET merged_into_voter_id = ${v.raleigh} WHERE voter_id = ${v.nowhere}`,
    );
    expect(await preview(field('county', 'eq', 'WAKE'))).toEqual(ids('raleigh'));
    await t.database.db.execute(
      sql`UPDATE voters.voters SET merged_into_voter_id = NULL WHERE voter_id = ${v.nowhere}`,
    );
  });
});

describe('definition validation answers 400 with the path of the bad node', () => {
  const bad = async (definition: unknown, path: string) => {
    const res = await viewer.send({ method: 'POST', url: '/api/v1/segments/preview', payload: { definition } });
    expectProblem(res, 400, 'validation_failed');
    expect(res.json().errors.map((e: any) => e.field)).toContain(path);
  };
  it('names the node', async () => {
    await bad({ and: [field('county', 'eq', 'WAKE'), field('password_hash', 'eq', 'x')] }, 'definition.and[1].field');
    await bad({ or: [{ not: { type: 'teleport' } }] }, 'definition.or[0].not.type');
    await bad({ and: [] }, 'definition.and');
    await bad(field('engagement_score', 'prefix', '1'), 'definition.op');
    await bad(field('engagement_score', 'gt', 'x'), 'definition.value');
    await bad(field('county', 'in'), 'definition.values');
    await bad({ type: 'within_radius', latitude: 95, longitude: 0, meters: 10 }, 'definition.latitude');
    await bad(
      {
        type: 'within_polygon',
        geojson: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 2],
            ],
          ],
        },
      },
      'definition.geojson.coordinates[0]',
    );
    await bad({ and: [field('county', 'eq', 'x')], or: [] }, 'definition');
    await bad(field("county'; DROP TABLE voters.voters; --", 'eq', 'x'), 'definition.field');
    await bad({ type: 'interaction', min_count: 5, max_count: 1 }, 'definition.max_count');
    let deep: any = field('county', 'eq', 'x');
    for (let i = 0; i < 12; i++) deep = { not: deep };
    const res = await viewer.send({ method: 'POST', url: '/api/v1/segments/preview', payload: { definition: deep } });
    expectProblem(res, 400, 'validation_failed');
  });
  it('treats values as data, never SQL', async () => {
    expect(await preview(field('county', 'eq', "WAKE' OR '1'='1"))).toEqual([]);
    expect(await preview(field('last_name', 'prefix', '%'))).toEqual([]);
  });
});

describe('saved segments', () => {
  it('CRUD, count, members with cursor, audited CSV export that defuses formulas', async () => {
    const create = await admin.send({
      method: 'POST',
      url: '/api/v1/segments',
      payload: { name: 'Wake people', definition: field('county', 'eq', 'WAKE') },
    });
    expect(create.statusCode, create.body).toBe(201);
    const id = create.json().segment.segment_id;
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/segments',
        payload: { name: 'Wake people', definition: field('county', 'eq', 'WAKE') },
      }),
      409,
    );
    expectProblem(
      await viewer.send({
        method: 'POST',
        url: '/api/v1/segments',
        payload: { name: 'x', definition: field('county', 'eq', 'WAKE') },
      }),
      403,
    );
    expect((await viewer.send({ url: `/api/v1/segments/${id}/count` })).json()).toEqual({ count: 2 });
    const first = (await viewer.send({ url: `/api/v1/segments/${id}/members?per_page=1&cursor=` })).json();
    expect(first.voters).toHaveLength(1);
    const second = (
      await viewer.send({ url: `/api/v1/segments/${id}/members?per_page=1&cursor=${first.next_cursor}` })
    ).json();
    expect(second.next_cursor).toBeNull();
    expect([first.voters[0].voter_id, second.voters[0].voter_id]).toEqual(ids('raleigh', 'nowhere'));
    const paged = (await viewer.send({ url: `/api/v1/segments/${id}/members` })).json();
    expect(paged.total_voters).toBe(2);

    expectProblem(await viewer.send({ url: `/api/v1/segments/${id}/export.csv` }), 403);
    const csv = await admin.send({ url: `/api/v1/segments/${id}/export.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/wake-people-\d+\.csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0].startsWith('voter_id,first_name,middle_name,last_name')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.body).toContain("'+Plus");
    const audited = await one<any>(
      t.database.db,
      sql`SELECT extra_data FROM identity.audit_logs WHERE action = 'segment.export' AND resource_id = ${String(id)}`,
    );
    expect(audited.extra_data).toEqual({ rows: 2 });

    const put = await admin.send({
      method: 'PUT',
      url: `/api/v1/segments/${id}`,
      payload: { definition: field('county', 'eq', 'DURHAM') },
    });
    expect(put.statusCode).toBe(200);
    expect((await viewer.send({ url: `/api/v1/segments/${id}/count` })).json()).toEqual({ count: 1 });
    expectProblem(
      await admin.send({ method: 'PUT', url: `/api/v1/segments/${id}`, payload: { definition: { type: 'nope' } } }),
      400,
    );
    expect((await viewer.send({ url: '/api/v1/segments' })).json().total).toBe(1);
    expect((await admin.send({ method: 'DELETE', url: `/api/v1/segments/${id}` })).statusCode).toBe(200);
    expectProblem(await viewer.send({ url: `/api/v1/segments/${id}/count` }), 404);
  });

  it('safeCell prefixes every formula trigger and leaves other values alone', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '|cmd', '\tx', '\rx']) expect(safeCell(s)).toBe(`'${s}`);
    expect(safeCell('Smith')).toBe('Smith');
    expect(safeCell(-5)).toBe('-5');
    expect(safeCell(null)).toBe('');
    expect(safeCell(true)).toBe('true');
  });
});
