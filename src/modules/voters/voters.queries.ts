// The voter row as services read it, and the column list that produces it (location as latitude/longitude).
import { type SQL, sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';

export interface VoterRow {
  voter_id: number;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  date_of_birth: string | null;
  birth_year: number | null;
  gender: string | null;
  street_address: string | null;
  city: string | null;
  state: string | null;
  zip_code: string | null;
  county: string | null;
  precinct: string | null;
  phone_number: string | null;
  email_address: string | null;
  registration_status: string | null;
  voter_registration_id: string | null;
  registration_date: string | null;
  party_affiliation: string | null;
  engagement_score: number;
  last_contacted_date: string | null;
  preferred_contact_method: string | null;
  custom_fields: Record<string, unknown> | null;
  employer: string | null;
  occupation: string | null;
  contact_email: boolean | null;
  contact_phone: boolean | null;
  contact_mail: boolean | null;
  contact_sms: boolean | null;
  source_campaign_id: number | null;
  latitude: number | null;
  longitude: number | null;
  merged_into_voter_id: number | null;
  created_at: string;
  updated_at: string;
}

/** Plain columns a caller may set (location is set from latitude/longitude). */
export const voterWritableColumns = [
  'first_name',
  'middle_name',
  'last_name',
  'date_of_birth',
  'birth_year',
  'gender',
  'street_address',
  'city',
  'state',
  'zip_code',
  'county',
  'precinct',
  'phone_number',
  'email_address',
  'registration_status',
  'voter_registration_id',
  'registration_date',
  'party_affiliation',
  'preferred_contact_method',
  'custom_fields',
  'employer',
  'occupation',
  'contact_email',
  'contact_phone',
  'contact_mail',
  'contact_sms',
  'source_campaign_id',
] as const;

export type VoterWritableColumn = (typeof voterWritableColumns)[number];

/** Selects a VoterRow from `voters.voters` aliased as `v`. */
export const voterColumns: SQL =
  sql.raw(`v.voter_id, v.first_name, v.middle_name, v.last_name, v.date_of_birth::text AS date_of_birth,
  v.birth_year, v.gender, v.street_address, v.city, v.state, v.zip_code, v.county, v.precinct, v.phone_number,
  v.email_address::text AS email_address, v.registration_status, v.voter_registration_id,
  v.registration_date::text AS registration_date, v.party_affiliation, v.engagement_score, v.last_contacted_date,
  v.preferred_contact_method, v.custom_fields, v.employer, v.occupation, v.contact_email, v.contact_phone,
  v.contact_mail, v.contact_sms, v.source_campaign_id,
  ST_Y(v.location::geometry) AS latitude, ST_X(v.location::geometry) AS longitude,
  v.merged_into_voter_id, v.created_at, v.updated_at`);

/** The value SQL for one writable column: jsonb is sent as JSON text. */
export function columnValue(column: VoterWritableColumn, value: unknown): SQL {
  if (value === null || value === undefined) return sql`NULL`;
  if (column === 'custom_fields') return sql`${JSON.stringify(value)}::jsonb`;
  return sql`${value}`;
}

/** The geography point for latitude/longitude, or NULL. */
export function locationValue(latitude: number | null | undefined, longitude: number | null | undefined): SQL {
  if (latitude === null || latitude === undefined || longitude === null || longitude === undefined) return sql`NULL`;
  return sql`ST_SetSRID(ST_MakePoint(${longitude}::float8, ${latitude}::float8), 4326)::geography`;
}

export async function voterById(db: Db, voterId: number): Promise<VoterRow | undefined> {
  return one<VoterRow>(db, sql`SELECT ${voterColumns} FROM voters.voters v WHERE v.voter_id = ${voterId}`);
}
