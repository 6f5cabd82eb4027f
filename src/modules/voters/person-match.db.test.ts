// findPerson / findOrCreatePerson / logInteraction against a real database (both engines).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows, type Db } from '../../db/client.ts';
import type { Database } from '../../db/client.ts';
import { openTestDatabase, testEngine } from '../../../test/database.ts';
import { logInteraction } from './interactions.service.ts';
import { findOrCreatePerson, findPerson } from './person-match.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const countPeople = async (where = sql`true`) =>
  (await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.voters WHERE ${where}`))!.n;

describe('findOrCreatePerson', () => {
  it('creates a person once and matches the same email in another case', async () => {
    const a = await findOrCreatePerson(db, { first_name: 'Ada', last_name: 'Lovelace', email: 'Ada@Example.org' });
    expect(a.created).toBe(true);
    const b = await findOrCreatePerson(db, { first_name: 'A.', last_name: 'L.', email: '  ADA@example.ORG' });
    expect(b).toEqual({ voter_id: a.voter_id, created: false });
    const person = await findPerson(db, { email: 'ada@EXAMPLE.org' });
    expect(person).toMatchObject({ voter_id: a.voter_id, email_address: 'ada@example.org', first_name: 'Ada' });
    expect(await countPeople(sql`email_address = 'ada@example.org'`)).toBe(1);
  });

  it('matches the same phone written differently and fills empty fields without overwriting', async () => {
    const a = await findOrCreatePerson(db, {
      first_name: 'Grace',
      last_name: 'Hopper',
      phone: '(919) 555-0142',
      city: 'Raleigh',
    });
    const b = await findOrCreatePerson(db, {
      first_name: 'G',
      last_name: 'H',
      phone: '+1 919.555.0142',
      email: 'grace@example.org',
      city: 'Durham',
      zip_code: '27601',
      custom_fields: { shirt: 'M', city: 'x' },
    });
    expect(b).toEqual({ voter_id: a.voter_id, created: false });
    const person = await findPerson(db, { phone: '919-555-0142' });
    expect(person).toMatchObject({
      first_name: 'Grace',
      phone_number: '+19195550142',
      email_address: 'grace@example.org',
      city: 'Raleigh',
      zip_code: '27601',
      custom_fields: { shirt: 'M', city: 'x' },
    });
    // Email wins over phone when both are given and they point at different people.
    const other = await findOrCreatePerson(db, {
      first_name: 'X',
      last_name: 'Y',
      email: 'ADA@example.org',
      phone: '9195550142',
    });
    const ada = await findPerson(db, { email: 'ada@example.org' });
    expect(other.voter_id).toBe(ada!.voter_id);
  });

  it('keeps source_campaign_id as first touch and sets location', async () => {
    const c = await one<{ campaign_id: number }>(
      db,
      sql`INSERT INTO voters.campaigns (campaign_name) VALUES ('First touch') RETURNING campaign_id`,
    );
    const p = await findOrCreatePerson(db, {
      first_name: 'Katherine',
      last_name: 'Johnson',
      email: 'kj@example.org',
      source_campaign_id: c!.campaign_id,
      latitude: 35.78,
      longitude: -78.64,
    });
    const row = await findPerson(db, { email: 'kj@example.org' });
    expect(row).toMatchObject({ voter_id: p.voter_id, source_campaign_id: c!.campaign_id });
    expect(row!.latitude).toBeCloseTo(35.78, 5);
    expect(row!.longitude).toBeCloseTo(-78.64, 5);
  });

  it('never returns a merged voter: follows merged_into_voter_id to the survivor', async () => {
    const winner = await findOrCreatePerson(db, { first_name: 'Win', last_name: 'Ner', email: 'winner@example.org' });
    const loser = await findOrCreatePerson(db, { first_name: 'Lo', last_name: 'Ser', email: 'loser@example.org' });
    await db.execute(
      sql`UPDATE voters.voters SET merged_into_voter_id = ${winner.voter_id} WHERE voter_id = ${loser.voter_id}`,
    );
    expect((await findPerson(db, { email: 'loser@example.org' }))?.voter_id).toBe(winner.voter_id);
    const again = await findOrCreatePerson(db, { first_name: 'Lo', last_name: 'Ser', email: 'LOSER@example.org' });
    expect(again).toEqual({ voter_id: winner.voter_id, created: false });
  });

  it('creates without email or phone, and answers 409 on a registration id clash', async () => {
    const a = await findOrCreatePerson(db, { first_name: 'No', last_name: 'Contact', voter_registration_id: 'NC-1' });
    expect(a.created).toBe(true);
    await expect(
      findOrCreatePerson(db, { first_name: 'Other', last_name: 'Person', voter_registration_id: 'NC-1' }),
    ).rejects.toMatchObject({ status: 409, code: 'person_conflict' });
  });

  it('concurrent creations of the same email make one person', async () => {
    const attempts = Array.from({ length: 6 }, (_, i) =>
      database.db.transaction((tx) =>
        findOrCreatePerson(tx as unknown as Db, {
          first_name: `Racer${i}`,
          last_name: 'Same',
          email: i % 2 ? 'RACE@example.org' : 'race@example.org',
        }),
      ),
    );
    const results = await Promise.all(attempts);
    expect(new Set(results.map((r) => r.voter_id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countPeople(sql`email_address = 'race@example.org'`)).toBe(1);
  });
});

describe('logInteraction', () => {
  it('writes the timeline row and recomputes engagement_score and last_contacted_date', async () => {
    const p = await findOrCreatePerson(db, { first_name: 'Eng', last_name: 'Aged', email: 'engaged@example.org' });
    const first = await logInteraction(db, {
      voter_id: p.voter_id,
      interaction_type: 'Door Knock',
      outcome: 'Not Home',
    });
    expect(first).toMatchObject({ voter_id: p.voter_id, interaction_type: 'Door Knock', source_module: 'voters' });
    let v = await findPerson(db, { email: 'engaged@example.org' });
    // A failed attempt is a contact but not a touch.
    expect(v!.engagement_score).toBe(0);
    expect(v!.last_contacted_date).not.toBeNull();

    await logInteraction(db, { voter_id: p.voter_id, interaction_type: 'Phone Call', outcome: 'Interested' });
    v = await findPerson(db, { email: 'engaged@example.org' });
    expect(v!.engagement_score).toBe(5 + 10 + 20);

    await logInteraction(db, {
      voter_id: p.voter_id,
      interaction_type: 'Report Filed',
      source_module: 'reports',
      source_ref: 'r-77',
      interaction_date: '2020-01-01T00:00:00Z',
    });
    v = await findPerson(db, { email: 'engaged@example.org' });
    // Older than a year: no points, and last_contacted_date stays the newest.
    expect(v!.engagement_score).toBe(35);
    expect(new Date(v!.last_contacted_date!).getFullYear()).toBeGreaterThan(2020);

    for (let i = 0; i < 20; i++) {
      await logInteraction(db, { voter_id: p.voter_id, interaction_type: 'Event Attendance', outcome: 'Attended' });
    }
    v = await findPerson(db, { email: 'engaged@example.org' });
    expect(v!.engagement_score).toBe(100);
    const timeline = await rows<{ source_module: string }>(
      db,
      sql`SELECT source_module FROM voters.interactions WHERE voter_id = ${p.voter_id} ORDER BY interaction_date`,
    );
    expect(timeline[0].source_module).toBe('reports');
    expect(timeline).toHaveLength(23);
  });

  it('rejects a negative duration and an unknown source module', async () => {
    const p = await findOrCreatePerson(db, { first_name: 'Bad', last_name: 'Input', email: 'bad@example.org' });
    await expect(
      logInteraction(db, { voter_id: p.voter_id, interaction_type: 'Phone Call', duration_minutes: -1 }),
    ).rejects.toThrow();
    await expect(
      logInteraction(db, { voter_id: p.voter_id, interaction_type: 'Phone Call', source_module: 'nope' as never }),
    ).rejects.toThrow();
  });
});

it('runs on the configured engine', () => {
  expect(['pglite', 'postgres']).toContain(testEngine());
});
