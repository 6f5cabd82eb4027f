// The shapes the duplicates API answers with (src/modules/voters/duplicates/duplicate.presenter.ts).
export type Person = Record<string, string | number | null> & { voter_id: number };

export interface Candidate {
  candidate_id: number;
  voter_id_a: number;
  voter_id_b: number;
  score: number;
  reasons: Record<string, unknown>;
  status: 'pending' | 'not_duplicate' | 'merged';
  merge_id: number | null;
  a: Person;
  b: Person;
}

/** Fields a merge may take from either person (the server's mergeableFields, without location). */
export const mergeFields = [
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
  'employer',
  'occupation',
];

export function reasonText(reasons: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof reasons.name_similarity === 'number')
    parts.push(`names ${Math.round(reasons.name_similarity * 100)}% alike`);
  if (reasons.first_name_sounds_alike) parts.push('first names sound alike');
  if (reasons.last_name_sounds_alike) parts.push('last names sound alike');
  if (reasons.birth) parts.push(String(reasons.birth));
  if (reasons.address) parts.push(String(reasons.address));
  return parts.join(' · ');
}
