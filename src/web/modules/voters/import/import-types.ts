// The shapes the import API answers with (see src/modules/voters/import/import.presenter.ts).
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  matched: number;
}

export interface VoterImport {
  import_id: number;
  file_name: string;
  layout: 'nc' | 'csv';
  dry_run: boolean;
  state: string;
  status: 'queued' | 'staging' | 'normalizing' | 'merging' | 'done' | 'failed';
  error: string | null;
  progress: number;
  rows_read: number;
  last_line: number;
  last_merged_line: number;
  counts: ImportCounts;
  created_at: string;
  finished_at: string | null;
}

export interface UploadPreview {
  upload_id: string;
  file_name: string;
  size: number;
  source_name: string;
  header: string[] | null;
  column_count: number;
  rows: string[][];
}

export interface ColumnMapping {
  delimiter: ',' | '\t' | ';' | '|';
  encoding: 'utf8' | 'latin1' | 'windows-1252';
  header: boolean;
  quote?: boolean;
  columns: Record<string, string>;
}

/** Voter fields a column may fill (the server's importableFields). */
export const voterFields = [
  'voter_registration_id',
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
  'registration_date',
  'party_affiliation',
  'preferred_contact_method',
  'employer',
  'occupation',
];

/** The NC columns the import reads into voter fields (the server's ncColumns); the others go to custom_fields.nc. */
export const ncPreviewColumns: [column: string, field: string][] = [
  ['ncid', 'voter_registration_id'],
  ['first_name', 'first_name'],
  ['midl_name', 'middle_name'],
  ['last_name', 'last_name'],
  ['res_street_address', 'street_address'],
  ['res_city_desc', 'city'],
  ['zip_code', 'zip_code'],
  ['full_phone_number', 'phone_number'],
  ['birth_year', 'birth_year'],
  ['registr_dt', 'registration_date'],
  ['party_cd', 'party_affiliation'],
  ['voter_status_desc', 'registration_status'],
];
