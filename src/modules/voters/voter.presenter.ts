// What goes over the wire for a voter: every seed column, location as latitude/longitude, ISO timestamps.
import { iso } from '../../http/presenters.ts';
import type { VoterRow } from './voters.queries.ts';

export function presentVoter(row: VoterRow) {
  return {
    voter_id: row.voter_id,
    first_name: row.first_name,
    middle_name: row.middle_name,
    last_name: row.last_name,
    date_of_birth: row.date_of_birth,
    birth_year: row.birth_year,
    gender: row.gender,
    street_address: row.street_address,
    city: row.city,
    state: row.state,
    zip_code: row.zip_code,
    county: row.county,
    precinct: row.precinct,
    phone_number: row.phone_number,
    email_address: row.email_address,
    registration_status: row.registration_status,
    voter_registration_id: row.voter_registration_id,
    registration_date: row.registration_date,
    party_affiliation: row.party_affiliation,
    engagement_score: row.engagement_score,
    last_contacted_date: iso(row.last_contacted_date),
    preferred_contact_method: row.preferred_contact_method,
    custom_fields: row.custom_fields,
    employer: row.employer,
    occupation: row.occupation,
    contact_email: row.contact_email,
    contact_phone: row.contact_phone,
    contact_mail: row.contact_mail,
    contact_sms: row.contact_sms,
    source_campaign_id: row.source_campaign_id,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    merged_into_voter_id: row.merged_into_voter_id,
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
  };
}
