// The set-based SQL that turns raw staging text into voter values: one CREATE TABLE … AS SELECT over the whole
// file, then window functions for duplicate keys inside the file. Cleaning rules (names cased with initcap and
// spaces collapsed, E.164 phones, ZIP 5 or 5+4, checked dates, lower-case emails) are the SQL functions of
// migrations/20261122150500_voters_import.sql; what is rejected and what is only a warning is decided here.
// custom_fields stay in the staging table (as JSON text) until the merge reads them: the rows table holds only
// the typed voter fields and the match columns, so building it and updating it stay cheap.
import { importableFields, type ResolvedMapping } from './mapping.ts';

type Values = 'nc' | 'plain';

const clean = (c: string) => `voters.import_clean(${c})`;
const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The SQL expression giving each voter field from its raw column `c`. */
function fieldExpression(field: string, c: string, values: Values): string {
  switch (field) {
    case 'first_name':
    case 'middle_name':
    case 'last_name':
    case 'street_address':
    case 'city':
    case 'county':
      return `left(initcap(${clean(c)}), 1000)`;
    case 'state':
      return `upper(${clean(c)})`;
    case 'zip_code':
      return `voters.import_zip(${c})`;
    case 'phone_number':
      return `voters.import_phone(${c})`;
    case 'email_address':
      return `voters.import_email(${c})`;
    case 'date_of_birth':
    case 'registration_date':
      return `voters.import_date(${c})`;
    case 'birth_year':
      return `CASE WHEN btrim(${c}) ~ '^[0-9]{4}(\\.0+)?$' AND left(btrim(${c}), 4)::int BETWEEN 1800 AND 2200
        THEN left(btrim(${c}), 4)::smallint END`;
    case 'registration_status':
      return `CASE upper(${clean(c)})
        WHEN 'REGISTERED' THEN 'Registered' WHEN 'NOT REGISTERED' THEN 'Not Registered' WHEN 'PENDING' THEN 'Pending'
        WHEN 'ACTIVE' THEN 'Registered' WHEN 'INACTIVE' THEN 'Registered' WHEN 'TEMPORARY' THEN 'Registered'
        WHEN 'REMOVED' THEN 'Not Registered' WHEN 'DENIED' THEN 'Not Registered' END`;
    case 'party_affiliation':
      return values === 'nc'
        ? `CASE upper(${clean(c)}) WHEN 'DEM' THEN 'Democratic' WHEN 'REP' THEN 'Republican'
            WHEN 'UNA' THEN 'Unaffiliated' WHEN 'LIB' THEN 'Libertarian' WHEN 'GRE' THEN 'Green'
            WHEN 'CST' THEN 'Constitution' ELSE ${clean(c)} END`
        : clean(c);
    case 'gender':
      return `CASE upper(${clean(c)}) WHEN 'F' THEN 'Female' WHEN 'M' THEN 'Male' WHEN 'U' THEN NULL
        ELSE ${clean(c)} END`;
    case 'preferred_contact_method':
      return `CASE lower(${clean(c)}) WHEN 'email' THEN 'Email' WHEN 'phone' THEN 'Phone' WHEN 'sms' THEN 'SMS' END`;
    default:
      return clean(c);
  }
}

const fieldTypes: Record<string, string> = {
  date_of_birth: 'date',
  registration_date: 'date',
  birth_year: 'smallint',
};

/** Fields whose unreadable value is a warning (the value is dropped, the row kept). */
const warnIfUnreadable: Record<string, string> = {
  phone_number: 'invalid phone',
  email_address: 'invalid email',
  zip_code: 'invalid zip code',
  birth_year: 'invalid birth year',
  registration_status: 'unknown registration status',
  preferred_contact_method: 'unknown preferred contact method',
};

/** Fields whose unreadable value rejects the row. */
const rejectIfUnreadable: Record<string, string> = {
  date_of_birth: 'invalid date_of_birth',
  registration_date: 'invalid registration_date',
};

export interface NormalizeSql {
  /** CREATE TABLE rows AS SELECT …: one row per staged line, typed values, reject_reason and warnings. */
  createRows: string;
  /** In-file duplicate keys: later rows rejected (identity key) or their key dropped with a warning. */
  inFileDuplicates: string[];
}

export function normalizeSql(staging: string, rows: string, mapping: ResolvedMapping, values: Values): NormalizeSql {
  const fields = Object.keys(importableFields);
  const select: string[] = [];
  const rawOf = (f: string) => `s.c${mapping.fields.get(f)! + 1}`;
  // The outer query reads the raw value of a field through the subquery's raw_<n> column.
  const rawRef = (f: string) => `n.raw_${mapping.fields.get(f)! + 1}`;
  for (const f of fields) {
    const type = fieldTypes[f] ?? 'text';
    select.push(
      mapping.fields.has(f) ? `(${fieldExpression(f, rawOf(f), values)})::${type} AS ${f}` : `NULL::${type} AS ${f}`,
    );
  }
  const rejects: string[] = [
    `WHEN n.nf <> ${mapping.columnCount} THEN 'expected ${mapping.columnCount} fields, found ' || n.nf`,
  ];
  rejects.push(
    `WHEN n.last_name IS NULL THEN 'missing last name'`,
    `WHEN n.first_name IS NULL THEN 'missing first name'`,
  );
  for (const [f, reason] of Object.entries(rejectIfUnreadable)) {
    if (mapping.fields.has(f)) {
      rejects.push(
        `WHEN n.${f} IS NULL AND btrim(${rawRef(f)}) <> '' THEN ${quoteLiteral(reason)} || ' "' || left(btrim(${rawRef(f)}), 40) || '"'`,
      );
    }
  }
  for (const [f, limit] of Object.entries(importableFields)) {
    if (limit !== null && mapping.fields.has(f)) {
      rejects.push(`WHEN length(n.${f}) > ${limit} THEN '${f} is longer than ${limit} characters'`);
    }
  }
  rejects.push(
    `WHEN n.voter_registration_id IS NULL AND n.email_address IS NULL AND n.phone_number IS NULL
      THEN 'no voter_registration_id, email or phone to match on'`,
  );
  const warnings = Object.entries(warnIfUnreadable)
    .filter(([f]) => mapping.fields.has(f))
    .map(
      ([f, reason]) =>
        `CASE WHEN n.${f} IS NULL AND btrim(${rawRef(f)}) <> '' THEN ${quoteLiteral(reason)} || ' "' || left(btrim(${rawRef(f)}), 40) || '"; not kept' END`,
    );
  // The typed values are computed once per row in a subquery the planner may not flatten (OFFSET 0): the
  // reject and warning expressions read them again, and the cleaning functions are the costly part.
  const rawColumns = [...new Set(mapping.fields.values())].map((i) => `s.c${i + 1} AS raw_${i + 1}`);
  const createRows = `
    CREATE UNLOGGED TABLE ${rows} AS
    SELECT n.line_no, ${fields.map((f) => `n.${f}`).join(', ')},
      CASE ${rejects.join('\n      ')} END AS reject_reason,
      ${warnings.length ? `array_remove(ARRAY[${warnings.join(', ')}]::text[], NULL)` : `'{}'::text[]`} AS warnings,
      NULL::text AS match_reject,
      '{}'::text[] AS match_warnings,
      NULL::integer AS match_voter_id,
      false AS drop_registration_id, false AS drop_email, false AS drop_phone
    FROM (SELECT s.line_no, s.nf, ${rawColumns.join(', ')}, ${select.join(',\n      ')}
          FROM ${staging} s OFFSET 0) n`;
  // Keys repeated in the file (a hash aggregate: only the repeated keys are joined back, no sort of the file).
  const duplicate = (key: string, label: string, identity: string) => `
    UPDATE ${rows} r SET
      reject_reason = CASE WHEN ${identity} THEN 'duplicate ${label} within the file (first on line ' || d.first_line || ')' END,
      ${key} = CASE WHEN ${identity} THEN r.${key} END,
      warnings = CASE WHEN ${identity} THEN r.warnings
        ELSE r.warnings || ('${label} also on line ' || d.first_line || '; not kept') END
    FROM (SELECT ${key} AS k, min(line_no) AS first_line
          FROM ${rows} WHERE reject_reason IS NULL AND ${key} IS NOT NULL
          GROUP BY ${key} HAVING count(*) > 1) d
    WHERE r.${key} = d.k AND r.reject_reason IS NULL AND r.line_no > d.first_line`;
  return {
    createRows,
    inFileDuplicates: [
      `CREATE INDEX ON ${rows} (line_no)`,
      duplicate('voter_registration_id', 'voter_registration_id', 'true'),
      duplicate('email_address', 'email', 'r.voter_registration_id IS NULL'),
      duplicate('phone_number', 'phone', 'r.voter_registration_id IS NULL AND r.email_address IS NULL'),
      `ANALYZE ${rows}`,
    ],
  };
}

/**
 * The custom fields of every line as jsonb, in a table of their own: parsing the JSON text staging holds is
 * the costliest part of inserting a voter, and here it runs once over the whole file in a statement PostgreSQL
 * spreads over parallel workers, instead of inside each merge batch on one core. A narrow rows table keeps
 * matching cheap; the batches join this table on their line range.
 */
export function customFieldsSql(staging: string, custom: string): string[] {
  return [
    `CREATE UNLOGGED TABLE ${custom} AS
       SELECT line_no, nullif(custom_json, '')::jsonb AS custom_fields FROM ${staging}`,
    `CREATE INDEX ON ${custom} (line_no)`,
  ];
}
