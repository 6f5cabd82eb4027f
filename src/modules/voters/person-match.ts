// One person, one row: how every module finds the voter behind an email or phone, or creates them once.
// Matching is by email (case-insensitive), then by phone (E.164); a merged voter is never returned: the
// match follows merged_into_voter_id to the surviving person.
import { type SQL, sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { one, type Db } from '../../db/client.ts';
import { conflict } from '../../http/errors.ts';
import {
  columnValue,
  locationValue,
  type VoterRow,
  type VoterWritableColumn,
  voterById,
  voterWritableColumns,
} from './voters.queries.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trimmed and lower-cased, or null when empty or not an email address. */
export function normalizeEmail(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const email = s.trim().toLowerCase();
  if (email.length === 0 || email.length > 255 || !emailPattern.test(email)) return null;
  return email;
}

/** E.164 (default region US), or null when empty or not a possible phone number. */
export function normalizePhone(s: string | null | undefined): string | null {
  if (typeof s !== 'string' || s.trim().length === 0 || s.length > 40) return null;
  const parsed = parsePhoneNumberFromString(s.trim(), 'US');
  if (!parsed?.isPossible()) return null;
  return /^\+[1-9][0-9]{6,14}$/.test(parsed.number) ? parsed.number : null;
}

/** The surviving (unmerged) person a matched row leads to. */
async function survivorOf(db: Db, where: SQL): Promise<number | undefined> {
  const row = await one<{ voter_id: number }>(
    db,
    sql`WITH RECURSIVE chain AS (
          SELECT voter_id, merged_into_voter_id, 0 AS depth FROM voters.voters WHERE ${where}
          UNION ALL
          SELECT v.voter_id, v.merged_into_voter_id, c.depth + 1
          FROM voters.voters v JOIN chain c ON v.voter_id = c.merged_into_voter_id
          WHERE c.depth < 20)
        SELECT voter_id FROM chain WHERE merged_into_voter_id IS NULL ORDER BY depth LIMIT 1`,
  );
  return row?.voter_id;
}

async function matchId(db: Db, email: string | null, phone: string | null): Promise<number | undefined> {
  if (email) {
    const id = await survivorOf(db, sql`email_address = ${email}`);
    if (id !== undefined) return id;
  }
  if (phone) return survivorOf(db, sql`phone_number = ${phone}`);
  return undefined;
}

/** The person with this email, else with this phone (normalized first); merged voters lead to their survivor. */
export async function findPerson(
  db: Db,
  input: { email?: string | null; phone?: string | null },
): Promise<VoterRow | undefined> {
  const id = await matchId(db, normalizeEmail(input.email), normalizePhone(input.phone));
  return id === undefined ? undefined : voterById(db, id);
}

export type PersonInput = {
  first_name: string;
  last_name: string;
  email?: string | null;
  phone?: string | null;
  latitude?: number | null;
  longitude?: number | null;
} & Partial<
  Record<Exclude<VoterWritableColumn, 'first_name' | 'last_name' | 'email_address' | 'phone_number'>, unknown>
>;

/** The writable columns the input gives a value for (email and phone normalized). */
function givenColumns(input: PersonInput, email: string | null, phone: string | null) {
  const values = new Map<VoterWritableColumn, unknown>();
  for (const column of voterWritableColumns) {
    const value =
      column === 'email_address'
        ? email
        : column === 'phone_number'
          ? phone
          : (input as Record<string, unknown>)[column];
    if (value !== undefined && value !== null && value !== '') values.set(column, value);
  }
  return values;
}

/** Fills the person's empty fields from the input; never overwrites a filled one. */
async function fillEmpty(tx: Db, voterId: number, values: Map<VoterWritableColumn, unknown>, input: PersonInput) {
  const sets: SQL[] = [];
  // Only touch the row when something would change, so updated_at keeps its meaning.
  const changes: SQL[] = [];
  for (const [column, value] of values) {
    if (column === 'first_name' || column === 'last_name') continue;
    const id = sql.identifier(column);
    if (column === 'custom_fields') {
      // Keys the person lacks are added; keys they have keep their value.
      sets.push(sql`custom_fields = ${columnValue(column, value)} || COALESCE(custom_fields, '{}'::jsonb)`);
      changes.push(sql`true`);
    } else if (column === 'email_address' || column === 'phone_number' || column === 'voter_registration_id') {
      // A unique value another person already holds stays with them.
      sets.push(sql`${id} = COALESCE(${id}, (SELECT ${value} WHERE NOT EXISTS
        (SELECT 1 FROM voters.voters o WHERE o.${id} = ${value})))`);
      changes.push(sql`${id} IS NULL`);
    } else {
      sets.push(sql`${id} = COALESCE(${id}, ${columnValue(column, value)})`);
      changes.push(sql`${id} IS NULL`);
    }
  }
  if (input.latitude != null && input.longitude != null) {
    sets.push(sql`location = COALESCE(location, ${locationValue(input.latitude, input.longitude)})`);
    changes.push(sql`location IS NULL`);
  }
  if (sets.length === 0) return;
  await tx.execute(
    sql`UPDATE voters.voters SET ${sql.join(sets, sql`, `)}
        WHERE voter_id = ${voterId} AND (${sql.join(changes, sql` OR `)})`,
  );
}

/**
 * The person matching the input's email, else phone; created (with source_campaign_id as first touch) when
 * neither matches. Empty fields of a matched person are filled. Safe under concurrency: a racing insert of
 * the same email or phone makes this one find the winner instead of creating a second row.
 */
export async function findOrCreatePerson(tx: Db, input: PersonInput): Promise<{ voter_id: number; created: boolean }> {
  const email = normalizeEmail(input.email);
  const phone = normalizePhone(input.phone);
  const values = givenColumns(input, email, phone);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await matchId(tx, email, phone);
    if (existing !== undefined) {
      await fillEmpty(tx, existing, values, input);
      return { voter_id: existing, created: false };
    }
    const columns = [...values.keys()];
    const inserted = await one<{ voter_id: number }>(
      tx,
      sql`INSERT INTO voters.voters (${sql.join(
        [...columns.map((c): SQL => sql`${sql.identifier(c)}`), sql`location`],
        sql`, `,
      )})
          VALUES (${sql.join(
            columns.map((c) => columnValue(c, values.get(c))).concat([locationValue(input.latitude, input.longitude)]),
            sql`, `,
          )})
          ON CONFLICT DO NOTHING
          RETURNING voter_id`,
    );
    if (inserted) return { voter_id: inserted.voter_id, created: true };
    // Another transaction inserted the same email or phone first: match again and find it. A conflict on
    // voter_registration_id alone is a real clash between two different people.
    if (!email && !phone) break;
  }
  throw conflict('person_conflict', 'Another person already holds this voter registration id, email or phone');
}
