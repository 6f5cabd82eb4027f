// Duplicate matching: a planted near-duplicate is found by the blocked scan with its reasons; "not a duplicate"
// is remembered; a merge moves the loser's interactions, campaign links, survey responses, tags and list items
// to the survivor (a link both had is not doubled) and undo puts everything back.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { one, rows } from '../../../db/client.ts';
import { type Caller, caller, expectProblem } from '../test/kit.ts';

let t: TestContext;
let admin: Caller;
const ids: Record<string, number> = {};

async function voter(fields: Record<string, unknown>): Promise<number> {
  const cols = Object.keys(fields);
  const row = await one<{ voter_id: number }>(
    t.database.db,
    sql`INSERT INTO voters.voters ${sql.raw(`(${cols.join(', ')})`)}
        SELECT ${sql.raw(cols.join(', '))} FROM jsonb_populate_record(NULL::voters.voters, ${JSON.stringify(fields)}::jsonb)
        RETURNING voter_id`,
  );
  return row!.voter_id;
}

const count = async (q: ReturnType<typeof sql>) => (await one<{ n: number }>(t.database.db, q))!.n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await caller(t, 'admin');
  const address = { street_address: '12 Oak St', city: 'Pittsboro', state: 'NC', zip_code: '27312' };
  ids.john = await voter({
    first_name: 'John',
    last_name: 'Smith',
    birth_year: 1970,
    email_address: 'john@example.org',
    ...address,
  });
  ids.jon = await voter({
    first_name: 'Jon',
    last_name: 'Smith',
    birth_year: 1970,
    phone_number: '+19195550101',
    ...address,
    street_address: '12  OAK ST.',
  });
  // The same household, another person: must not be proposed.
  ids.mary = await voter({ first_name: 'Mary', last_name: 'Smith', birth_year: 1972, ...address });
  // A similar name elsewhere with another birth year.
  ids.other = await voter({
    first_name: 'John',
    last_name: 'Smyth',
    birth_year: 1990,
    zip_code: '27312',
    street_address: '400 Elm Rd',
  });
  const db = t.database.db;
  const campaign = await one<{ id: number }>(
    db,
    sql`INSERT INTO voters.campaigns (campaign_name) VALUES ('Dupes') RETURNING campaign_id AS id`,
  );
  const campaign2 = await one<{ id: number }>(
    db,
    sql`INSERT INTO voters.campaigns (campaign_name) VALUES ('Dupes 2') RETURNING campaign_id AS id`,
  );
  ids.campaign = campaign!.id;
  // Both are in campaign 1 (the loser's link must not be doubled); only Jon is in campaign 2.
  await db.execute(sql`INSERT INTO voters.campaign_voters (campaign_id, voter_id) VALUES
    (${ids.campaign}, ${ids.john}), (${ids.campaign}, ${ids.jon}), (${campaign2!.id}, ${ids.jon})`);
  const interaction = await one<{ id: number }>(
    db,
    sql`INSERT INTO voters.interactions (voter_id, interaction_type, outcome)
    VALUES (${ids.jon}, 'Door Knock', 'Interested') RETURNING interaction_id AS id`,
  );
  const question = await one<{ id: number }>(
    db,
    sql`INSERT INTO voters.survey_questions (question_text, question_type)
    VALUES ('Issue?', 'Open Text') RETURNING question_id AS id`,
  );
  await db.execute(sql`INSERT INTO voters.survey_responses (interaction_id, voter_id, question_id, response_value)
    VALUES (${interaction!.id}, ${ids.jon}, ${question!.id}, 'Roads')`);
  const tag = await one<{ id: number }>(
    db,
    sql`INSERT INTO voters.tags (name) VALUES ('volunteer') RETURNING tag_id AS id`,
  );
  await db.execute(sql`INSERT INTO voters.voter_tags (voter_id, tag_id) VALUES (${ids.jon}, ${tag!.id})`);
  const list = await one<{ id: number }>(
    db,
    sql`INSERT INTO voters.lists (name) VALUES ('Walk list') RETURNING list_id AS id`,
  );
  await db.execute(
    sql`INSERT INTO voters.list_items (list_id, voter_id) VALUES (${list!.id}, ${ids.jon}), (${list!.id}, ${ids.john})`,
  );
});
afterAll(() => t.close());

const pending = async () =>
  (await admin.send({ method: 'GET', url: '/api/v1/duplicates?status=pending' })).json().duplicates as any[];

describe('duplicate scan', () => {
  it('finds the planted near-duplicate with its reasons, and only that pair', async () => {
    const res = await admin.send({ method: 'POST', url: '/api/v1/duplicates/scan', payload: {} });
    expect(res.statusCode, res.body).toBe(202);
    const list = await pending();
    const pair = list.find((d) => [d.voter_id_a, d.voter_id_b].sort().join() === [ids.john, ids.jon].sort().join());
    expect(pair).toBeDefined();
    expect(pair.score).toBeGreaterThanOrEqual(0.6);
    expect(pair.reasons).toMatchObject({
      first_name_sounds_alike: true,
      last_name_sounds_alike: true,
      birth: 'same birth year',
      address: 'same street and zip',
    });
    expect(pair.reasons.blocks).toEqual(expect.arrayContaining(['zip_last', 'year_initial']));
    expect(pair.a.first_name).toBeDefined();
    for (const d of list) {
      expect([d.voter_id_a, d.voter_id_b]).not.toContain(ids.mary);
      expect([d.voter_id_a, d.voter_id_b]).not.toContain(ids.other);
    }
    ids.pair = pair.candidate_id;
  });

  it('remembers "not a duplicate": a new scan does not propose the pair again', async () => {
    const other = await voter({
      first_name: 'Mary',
      last_name: 'Smith',
      birth_year: 1972,
      zip_code: '27312',
      street_address: '12 Oak Street',
    });
    await admin.send({ method: 'POST', url: '/api/v1/duplicates/scan', payload: {} });
    const pair = (await pending()).find((d) => [d.voter_id_a, d.voter_id_b].includes(other));
    expect(pair, 'second Mary Smith proposed').toBeDefined();
    const no = await admin.send({ method: 'POST', url: `/api/v1/duplicates/${pair.candidate_id}/not-duplicate` });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json().duplicate.status).toBe('not_duplicate');
    await admin.send({ method: 'POST', url: '/api/v1/duplicates/scan', payload: {} });
    expect((await pending()).find((d) => [d.voter_id_a, d.voter_id_b].includes(other))).toBeUndefined();
    const n = await count(
      sql`SELECT count(*)::int AS n FROM voters.duplicate_candidates WHERE voter_id_a = ${Math.min(other, ids.mary)} AND voter_id_b = ${Math.max(other, ids.mary)}`,
    );
    expect(n).toBe(1);
  });
});

describe('merge and undo', () => {
  it('merges Jon into John, taking the picked fields, moving every row, and undo restores both', async () => {
    const db = t.database.db;
    const res = await admin.send({
      method: 'POST',
      url: `/api/v1/duplicates/${ids.pair}/merge`,
      payload: { survivor_voter_id: ids.john, picks: { phone_number: 'loser', first_name: 'survivor' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { merge_id } = res.json();
    const john = await one<any>(db, sql`SELECT * FROM voters.voters WHERE voter_id = ${ids.john}`);
    const jon = await one<any>(db, sql`SELECT * FROM voters.voters WHERE voter_id = ${ids.jon}`);
    expect(john).toMatchObject({ first_name: 'John', phone_number: '+19195550101', email_address: 'john@example.org' });
    expect(jon).toMatchObject({ merged_into_voter_id: ids.john, phone_number: null });
    for (const table of ['interactions', 'survey_responses', 'voter_tags']) {
      expect(
        await count(sql`SELECT count(*)::int AS n FROM ${sql.raw(`voters.${table}`)} WHERE voter_id = ${ids.jon}`),
      ).toBe(0);
      expect(
        await count(sql`SELECT count(*)::int AS n FROM ${sql.raw(`voters.${table}`)} WHERE voter_id = ${ids.john}`),
      ).toBe(1);
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM voters.campaign_voters WHERE voter_id = ${ids.john}`)).toBe(
      2,
    );
    expect(await count(sql`SELECT count(*)::int AS n FROM voters.list_items WHERE voter_id = ${ids.john}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM voters.campaign_voters WHERE voter_id = ${ids.jon}`)).toBe(0);
    const audited = await count(sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = 'voters.merge'`);
    expect(audited).toBe(1);
    expect((await pending()).find((d) => d.candidate_id === ids.pair)).toBeUndefined();

    const undo = await admin.send({ method: 'POST', url: `/api/v1/merges/${merge_id}/undo` });
    expect(undo.statusCode, undo.body).toBe(200);
    const jon2 = await one<any>(db, sql`SELECT * FROM voters.voters WHERE voter_id = ${ids.jon}`);
    const john2 = await one<any>(db, sql`SELECT * FROM voters.voters WHERE voter_id = ${ids.john}`);
    expect(jon2).toMatchObject({ merged_into_voter_id: null, phone_number: '+19195550101', first_name: 'Jon' });
    expect(john2).toMatchObject({ phone_number: null, email_address: 'john@example.org' });
    for (const table of ['interactions', 'survey_responses', 'voter_tags']) {
      expect(
        await count(sql`SELECT count(*)::int AS n FROM ${sql.raw(`voters.${table}`)} WHERE voter_id = ${ids.jon}`),
      ).toBe(1);
      expect(
        await count(sql`SELECT count(*)::int AS n FROM ${sql.raw(`voters.${table}`)} WHERE voter_id = ${ids.john}`),
      ).toBe(0);
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM voters.campaign_voters WHERE voter_id = ${ids.jon}`)).toBe(2);
    expect(await count(sql`SELECT count(*)::int AS n FROM voters.campaign_voters WHERE voter_id = ${ids.john}`)).toBe(
      1,
    );
    expect(
      await count(sql`SELECT count(*)::int AS n FROM voters.list_items WHERE voter_id IN (${ids.jon}, ${ids.john})`),
    ).toBe(2);
    expect((await pending()).find((d) => d.candidate_id === ids.pair)).toBeDefined();
    const again = await admin.send({ method: 'POST', url: `/api/v1/merges/${merge_id}/undo` });
    expectProblem(again, 409, 'already_undone');
  });

  it('refuses bad merges and callers without voters:merge', async () => {
    const outsider = await admin.send({
      method: 'POST',
      url: `/api/v1/duplicates/${ids.pair}/merge`,
      payload: { survivor_voter_id: ids.mary },
    });
    expectProblem(outsider, 409, 'not_in_pair');
    const badPick = await admin.send({
      method: 'POST',
      url: `/api/v1/duplicates/${ids.pair}/merge`,
      payload: { survivor_voter_id: ids.john, picks: { voter_id: 'loser' } },
    });
    expectProblem(badPick, 400);
    const missing = await admin.send({
      method: 'POST',
      url: '/api/v1/duplicates/999999/merge',
      payload: { survivor_voter_id: 1 },
    });
    expectProblem(missing, 404);
    const viewer = await caller(t, 'viewer');
    expectProblem(await viewer.send({ method: 'GET', url: '/api/v1/duplicates' }), 403);
    const audit = await rows(t.database.db, sql`SELECT 1 FROM identity.audit_logs WHERE action = 'voters.merge.undo'`);
    expect(audit.length).toBe(1);
  });
});
