// The shapes the voters API answers with (see src/modules/voters/*.schemas.ts).
export interface Voter {
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

export interface VoterList {
  voters: Voter[];
  total_pages?: number;
  current_page?: number;
  total_voters?: number;
  next_cursor?: string | null;
}

export interface Interaction {
  interaction_id: number;
  voter_id: number;
  campaign_id: number | null;
  campaign_name?: string | null;
  user_id: number | null;
  interaction_type: string;
  interaction_date: string;
  outcome: string | null;
  notes: string | null;
  duration_minutes: number | null;
  source_module: string;
  source_ref: string | null;
}

export interface Paged {
  total: number;
  current_page: number;
  total_pages: number;
}

export interface Campaign {
  campaign_id: number;
  campaign_name: string;
  start_date: string | null;
  end_date: string | null;
  description: string | null;
  voter_count: number;
}

export type QuestionType = 'Multiple Choice' | 'Open Text' | 'Rating Scale';

export interface Question {
  question_id: number;
  campaign_id: number | null;
  question_text: string;
  question_type: QuestionType;
  possible_answers: Record<string, unknown> | null;
}

export interface SurveyAnswer {
  response_id: number;
  question_id: number;
  question_text: string;
  question_type: string;
  response_value: string | null;
  response_values: unknown;
  responded_at: string;
}

export interface Tag {
  tag_id: number;
  name: string;
  voter_count?: number;
}

export interface ListSummary {
  list_id: number;
  name: string;
  description: string | null;
  voter_count: number;
}

export interface Segment {
  segment_id: number;
  name: string;
  description: string | null;
  definition: Record<string, unknown>;
}

export interface VoterProfile {
  voter: Voter;
  campaigns: { campaign_id: number; campaign_name: string; added_at: string }[];
  tags: { tag_id: number; name: string }[];
  lists: { list_id: number; name: string; added_at: string }[];
  survey_answers: SurveyAnswer[];
}

export const fullName = (v: Pick<Voter, 'first_name' | 'middle_name' | 'last_name'>) =>
  [v.first_name, v.middle_name, v.last_name].filter(Boolean).join(' ');
