// The voters list: query-string filters become segment conditions (one whitelist, one compiler), plus the
// fuzzy name search, sorting and the opaque keyset cursor on voter_id.
import { type SQL, sql } from 'drizzle-orm';
import { badRequest } from '../../http/errors.ts';
import { normalizeEmail, normalizePhone } from './person-match.ts';
import { compileSegment, likeEscape } from './segments/compile.ts';
import type { Condition, FieldCondition } from './segments/definition.ts';
import type { VoterListQuery } from './voters.schemas.ts';

/** The expression the trigram GIN index idx_voters_full_name_trgm is built on. */
export const fullName = sql.raw(`(v.first_name || ' ' || v.last_name)`);

const prefixFields = [
  'first_name',
  'middle_name',
  'last_name',
  'street_address',
  'city',
  'employer',
  'occupation',
  'zip_code',
] as const;
const exactFields = [
  'gender',
  'state',
  'county',
  'precinct',
  'registration_status',
  'party_affiliation',
  'preferred_contact_method',
  'voter_registration_id',
] as const;
const booleanFields = ['contact_email', 'contact_phone', 'contact_mail', 'contact_sms'] as const;
const ranges = [
  ['birth_year', 'birth_year_min', 'birth_year_max'],
  ['engagement_score', 'engagement_score_min', 'engagement_score_max'],
  ['date_of_birth', 'date_of_birth_from', 'date_of_birth_to'],
  ['registration_date', 'registration_date_from', 'registration_date_to'],
  ['last_contacted_date', 'last_contacted_from', 'last_contacted_to'],
  ['created_at', 'created_from', 'created_to'],
] as const;

const field = (name: string, op: FieldCondition['op'], value: string | number | boolean): FieldCondition => ({
  type: 'field',
  field: name,
  op,
  value,
});

/** Each filter of the query string as a condition. */
export function listConditions(q: VoterListQuery): Condition[] {
  const out: Condition[] = [];
  for (const f of prefixFields) if (q[f] !== undefined) out.push(field(f, 'prefix', q[f] as string));
  for (const f of exactFields) if (q[f] !== undefined) out.push(field(f, 'eq', q[f] as string));
  for (const f of booleanFields) if (q[f] !== undefined) out.push(field(f, 'eq', q[f] as boolean));
  if (q.source_campaign_id !== undefined) out.push(field('source_campaign_id', 'eq', q.source_campaign_id));
  for (const [name, min, max] of ranges) {
    const lo = q[min];
    const hi = q[max];
    if (lo !== undefined) out.push(field(name, 'gte', lo));
    if (hi !== undefined) {
      // A date-only upper bound on a timestamp includes that whole day.
      if (name === 'last_contacted_date' || name === 'created_at') out.push(field(name, 'lt', nextDay(hi as string)));
      else out.push(field(name, 'lte', hi));
    }
  }
  if (q.email !== undefined) out.push(field('email_address', 'eq', normalizeEmail(q.email) ?? q.email.trim()));
  if (q.phone !== undefined) out.push(field('phone_number', 'eq', normalizePhone(q.phone) ?? q.phone.trim()));
  if (q.campaign_id !== undefined) out.push({ type: 'campaign', ids: [q.campaign_id] });
  if (q.tag_id !== undefined) out.push({ type: 'tag', ids: [q.tag_id] });
  if (q.list_id !== undefined) out.push({ type: 'list', ids: [q.list_id] });
  return out;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/**
 * Fuzzy name match: substring (ILIKE), word similarity (<%, 0.6) or whole-string similarity (%, 0.3) for
 * misspellings; all three are served by the trigram GIN index.
 */
export function nameSearch(q: string): SQL {
  return sql`(${fullName} ILIKE ${`%${likeEscape(q)}%`} OR ${q} <% ${fullName} OR ${fullName} % ${q})`;
}

/** The WHERE of a list: filters, search, and merged voters hidden unless asked for. */
export function listWhere(q: VoterListQuery): SQL {
  const parts: SQL[] = listConditions(q).map((c) => compileSegment(c));
  if (q.q) parts.push(nameSearch(q.q.trim()));
  if (!q.include_merged) parts.push(sql`v.merged_into_voter_id IS NULL`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

export interface Cursor {
  after: number;
  order: 'asc' | 'desc';
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ a: c.after, o: c.order })).toString('base64url');
}

/** The cursor, or null for the first page (an empty cursor); 400 for one we did not write. */
export function decodeCursor(s: string): Cursor | null {
  if (s === '') return null;
  try {
    const raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Number.isInteger(raw.a) && raw.a >= 0 && raw.a <= 2147483647 && (raw.o === 'asc' || raw.o === 'desc')) {
      return { after: raw.a, order: raw.o };
    }
  } catch {
    // fall through
  }
  throw badRequest('invalid_cursor', 'The cursor is not one this API returned; start again with cursor=');
}

/** ORDER BY for page mode: the whitelisted column (nulls last), then voter_id; similarity first for q. */
export function listOrder(q: VoterListQuery): SQL {
  const dir = sql.raw(q.order === 'desc' ? 'DESC' : 'ASC');
  if (!q.sort && q.q) return sql`word_similarity(${q.q.trim()}, ${fullName}) DESC, v.voter_id ASC`;
  const column = q.sort ?? 'voter_id';
  if (column === 'voter_id') return sql`v.voter_id ${dir}`;
  return sql`v.${sql.identifier(column)} ${dir} NULLS LAST, v.voter_id ${dir}`;
}
