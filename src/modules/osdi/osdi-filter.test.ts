// Filtering people (O5, O6, O7): dates, names, the virtual array fields, identifiers, and/or, and bad filters.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { osdiClient } from './test/kit.ts';

let t: TestContext;
let client: Awaited<ReturnType<typeof osdiClient>>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  client = await osdiClient(t);
  const people = {
    jane: {
      given_name: 'Jane',
      family_name: "O'Brien",
      email_addresses: [{ address: 'jane@example.com' }],
      postal_addresses: [{ postal_code: '27601', region: 'NC', locality: 'Raleigh' }],
      birthdate: { year: 1980, month: 5, day: 4 },
    },
    john: {
      given_name: 'John',
      family_name: 'Smith',
      phone_numbers: [{ number: '19195550100' }],
      postal_addresses: [{ postal_code: '10011', region: 'NY' }],
      identifiers: ['action_network:abc-123'],
      custom_fields: { team: 'north' },
    },
    old: {
      given_name: 'Olive',
      family_name: 'Old',
      email_addresses: [{ address: 'olive@example.com' }],
      postal_addresses: [{ postal_code: '27601', region: 'NC' }],
    },
  };
  for (const [name, person] of Object.entries(people)) {
    const res = await client.send({ method: 'POST', url: '/osdi/v1/people', payload: person });
    expect(res.statusCode, res.body).toBe(200);
    ids[name] = Number(res.json().identifiers[0].split(':')[1]);
  }
  // Olive was created and last modified in 2020; the others are new.
  await t.database.db.execute(sql`ALTER TABLE voters.voters DISABLE TRIGGER set_voters_timestamp`);
  await t.database.db.execute(
    sql`UPDATE voters.voters SET created_at = '2020-01-15T10:00:00Z', updated_at = '2020-02-01T12:00:00Z' WHERE voter_id = ${ids.old}`,
  );
  await t.database.db.execute(sql`ALTER TABLE voters.voters ENABLE TRIGGER set_voters_timestamp`);
});
afterAll(() => t.close());

async function filtered(filter: string): Promise<number[]> {
  const res = await client.send({ method: 'GET', url: `/osdi/v1/people?filter=${encodeURIComponent(filter)}` });
  expect(res.statusCode, `${filter}: ${res.body}`).toBe(200);
  return res
    .json()
    ._embedded['osdi:people'].map((p: any) => Number(p.identifiers[0].split(':')[1]))
    .sort();
}

const sorted = (...names: string[]) => names.map((n) => ids[n]).sort();

describe('filter on dates (O5)', () => {
  it('modified_date and created_date with gt, lt, ge, le and eq', async () => {
    expect(await filtered("modified_date gt '2024-01-01'")).toEqual(sorted('jane', 'john'));
    expect(await filtered("modified_date lt '2024-01-01'")).toEqual(sorted('old'));
    expect(await filtered("created_date lt '2021-01-01T00:00:00Z'")).toEqual(sorted('old'));
    expect(await filtered("created_date ge '2020-01-15T10:00:00Z'")).toEqual(sorted('jane', 'john', 'old'));
    expect(await filtered("created_date le '2020-01-15T09:59:59Z'")).toEqual([]);
    expect(await filtered("modified_date eq '2020-02-01'")).toEqual(sorted('old'));
    expect(await filtered("modified_date ne '2020-02-01'")).toEqual(sorted('jane', 'john'));
  });

  it('keeps the filter in the paging links', async () => {
    const filter = "modified_date gt '2024-01-01'";
    const res = await client.send({
      method: 'GET',
      url: `/osdi/v1/people?per_page=1&filter=${encodeURIComponent(filter)}`,
    });
    const body = res.json();
    expect(body.total_records).toBe(2);
    expect(new URL(body._links.next.href).searchParams.get('filter')).toBe(filter);
  });
});

describe('filter on fields and virtual fields (O6)', () => {
  it('email_address matches any email, case-insensitively', async () => {
    expect(await filtered("email_address eq 'jane@example.com'")).toEqual(sorted('jane'));
    expect(await filtered("email_address eq 'JANE@example.com'")).toEqual(sorted('jane'));
  });

  it('given_name, family_name (quoted quote), postal_code, region and phone_number', async () => {
    expect(await filtered("given_name eq 'John'")).toEqual(sorted('john'));
    expect(await filtered("family_name eq 'O''Brien'")).toEqual(sorted('jane'));
    expect(await filtered("postal_code eq '27601'")).toEqual(sorted('jane', 'old'));
    expect(await filtered("region eq 'NY'")).toEqual(sorted('john'));
    expect(await filtered("phone_number eq '19195550100'")).toEqual(sorted('john'));
    expect(await filtered("phone_number eq '+1 (919) 555-0100'")).toEqual(sorted('john'));
  });

  it('identifier in our namespace and a stored foreign one', async () => {
    expect(await filtered(`identifier eq 'caucus:${ids.jane}'`)).toEqual(sorted('jane'));
    expect(await filtered("identifier eq 'action_network:abc-123'")).toEqual(sorted('john'));
    expect(await filtered("identifier eq 'action_network:nope'")).toEqual([]);
  });

  it('sub-properties with a slash, and/or with parentheses, null', async () => {
    expect(await filtered('birthdate/year eq 1980')).toEqual(sorted('jane'));
    expect(await filtered("postal_addresses/region eq 'NC' and given_name ne 'Jane'")).toEqual(sorted('old'));
    expect(await filtered("(given_name eq 'Jane' or given_name eq 'John') and region eq 'NC'")).toEqual(sorted('jane'));
    expect(await filtered("custom_fields/team eq 'north'")).toEqual(sorted('john'));
    expect(await filtered('email_address eq null')).toEqual(sorted('john'));
  });
});

describe('bad filters (O7)', () => {
  it.each([
    'bogus gt 1',
    'given_name gt',
    "modified_date gt 'yesterday'",
    'modified_date gt 2024',
    "birthdate/year eq 'x'",
    "identifier gt 'caucus:1'",
    "identifier eq 'no-colon'",
    "given_name like 'J%'",
    "given_name eq 'a' and",
    'email_address gt null',
  ])('%s answers 400 with an OSDI error, not 500 and not an unfiltered list', async (filter) => {
    const res = await client.send({ method: 'GET', url: `/osdi/v1/people?filter=${encodeURIComponent(filter)}` });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json()['osdi:error'];
    expect(error.response_code).toBe(400);
    expect(error.resource_status[0].error_descriptions[0].error_code).toBe('FILTER_INVALID');
  });
});
