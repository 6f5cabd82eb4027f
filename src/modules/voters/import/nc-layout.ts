// The North Carolina State Board of Elections voter file (ncvoter*.txt): tab-delimited, header row, Latin-1.
// Both the 71-column layout (to 2019) and the current 67-column one are read by header name, so a file
// only has to carry the columns named here; every other column goes to custom_fields.nc.<column>.
import type { ColumnMapping } from './mapping.ts';

/** NC column → voter field. The value transforms (status, party, gender, date formats) are in normalize.sql.ts. */
export const ncColumns: Record<string, string> = {
  ncid: 'voter_registration_id',
  first_name: 'first_name',
  midl_name: 'middle_name',
  middle_name: 'middle_name',
  last_name: 'last_name',
  res_street_address: 'street_address',
  res_city_desc: 'city',
  state_cd: 'state',
  zip_code: 'zip_code',
  county_desc: 'county',
  precinct_desc: 'precinct',
  full_phone_number: 'phone_number',
  birth_year: 'birth_year',
  registr_dt: 'registration_date',
  voter_status_desc: 'registration_status',
  party_cd: 'party_affiliation',
  gender_code: 'gender',
};

/**
 * voter_status_desc → registration_status (Cerberus allows Registered / Not Registered / Pending):
 * ACTIVE, INACTIVE and TEMPORARY voters are on the rolls (inactive voters may still vote after confirming their
 * address), REMOVED and DENIED are not. Anything else becomes NULL; the raw value stays in custom_fields.nc.
 */
export const ncStatus: Record<string, string> = {
  ACTIVE: 'Registered',
  INACTIVE: 'Registered',
  TEMPORARY: 'Registered',
  REMOVED: 'Not Registered',
  DENIED: 'Not Registered',
  PENDING: 'Pending',
};

/** party_cd → party name; unknown codes are kept as they are. */
export const ncParty: Record<string, string> = {
  DEM: 'Democratic',
  REP: 'Republican',
  UNA: 'Unaffiliated',
  LIB: 'Libertarian',
  GRE: 'Green',
  CST: 'Constitution',
};

/** gender_code → gender; U (undesignated) and blanks become NULL. */
export const ncGender: Record<string, string> = { F: 'Female', M: 'Male' };

/** Columns whose raw value is also kept in custom_fields.nc although they map to a field (the mapping loses detail). */
const alsoKept = new Set(['voter_status_desc', 'party_cd']);

/** The column mapping for an NC file, built from its header row. */
export function ncMapping(header: string[]): ColumnMapping {
  const columns: Record<string, string | string[]> = {};
  for (const name of header) {
    const key = name.trim().toLowerCase();
    const field = ncColumns[key];
    const custom = `custom_fields.nc.${key}`;
    columns[name] = !field ? custom : alsoKept.has(key) ? [field, custom] : field;
  }
  return { delimiter: '\t', encoding: 'latin1', header: true, quote: false, columns, values: 'nc' };
}
