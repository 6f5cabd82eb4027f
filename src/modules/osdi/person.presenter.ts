// A voter row as an OSDI Person. The voters table holds one email, one phone and one postal address per
// person, so each array has at most one (primary) member. Consent flags map to OSDI status fields:
// contact_email false -> email status "unsubscribed" (otherwise "subscribed"); contact_sms -> sms_capable.
import { iso } from '../../http/presenters.ts';
import type { VoterRow } from '../voters/voters.queries.ts';
import { identifiers, type OsdiBase } from './hal.ts';

/** The country of every postal address: the voter registry is a US voter file (state, county, precinct). */
export const registryCountry = 'US';

/** OSDI links of a person: only collections Caucus serves are linked. */
export function personLinks(base: OsdiBase, id: number) {
  const href = `${base.api}/people/${id}`;
  return {
    self: { href },
    'osdi:taggings': { href: `${href}/taggings` },
    'osdi:items': { href: `${href}/items` },
    'osdi:answers': { href: `${href}/answers` },
    'osdi:canvasses': { href: `${href}/canvasses` },
    'osdi:record_canvass_helper': { href: `${href}/record_canvass_helper` },
  };
}

/** custom_fields values are strings in OSDI. */
function stringValues(fields: Record<string, unknown> | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (value === null || value === undefined) continue;
    out[key] = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

function birthdate(row: VoterRow) {
  if (row.date_of_birth) {
    const [year, month, day] = row.date_of_birth.split('-').map(Number);
    return { year, month, day };
  }
  return row.birth_year ? { year: row.birth_year } : undefined;
}

export function presentPerson(base: OsdiBase, row: VoterRow, foreignIds: string[] = []) {
  const person: Record<string, unknown> = {
    identifiers: identifiers(row.voter_id, foreignIds),
    created_date: iso(row.created_at),
    modified_date: iso(row.updated_at),
    given_name: row.first_name,
    family_name: row.last_name,
  };
  if (row.middle_name) person.additional_name = row.middle_name;
  person.email_addresses = row.email_address
    ? [
        {
          address: row.email_address,
          primary: true,
          address_type: 'personal',
          status: row.contact_email === false ? 'unsubscribed' : 'subscribed',
        },
      ]
    : [];
  person.phone_numbers = row.phone_number
    ? [
        {
          // OSDI: digits including the country code, no "+".
          number: row.phone_number.replace(/^\+/, ''),
          primary: true,
          number_type: row.contact_sms ? 'Mobile' : 'Home',
          sms_capable: row.contact_sms === true,
        },
      ]
    : [];
  const hasAddress = row.street_address || row.city || row.state || row.zip_code;
  person.postal_addresses = hasAddress
    ? [
        {
          primary: true,
          address_type: 'Home',
          address_lines: row.street_address ? [row.street_address] : [],
          locality: row.city ?? undefined,
          region: row.state ?? undefined,
          postal_code: row.zip_code ?? undefined,
          country: registryCountry,
          ...(row.latitude !== null && row.longitude !== null
            ? { location: { latitude: row.latitude, longitude: row.longitude, accuracy: 'Approximate' } }
            : {}),
        },
      ]
    : [];
  const born = birthdate(row);
  if (born) person.birthdate = born;
  if (row.gender) person.gender = row.gender;
  if (row.party_affiliation) person.party_identification = row.party_affiliation;
  if (row.employer) person.employer = row.employer;
  if (row.occupation) person.occupation = row.occupation;
  person.custom_fields = stringValues(row.custom_fields);
  person._links = personLinks(base, row.voter_id);
  return person;
}
