// Compiles a parsed OSDI filter to one parameterized WHERE over voters.voters `v`. Each OSDI field (including
// the virtual array fields email_address, phone_number, postal_code, region and identifier) maps to a column;
// values are checked against the field's type so a wrong filter is a 400, never a 500 or an unfiltered list.
import { type SQL, sql } from 'drizzle-orm';
import {
  type FilterNode,
  type FilterOperator,
  FilterSyntaxError,
  type FilterValue,
  parseFilter,
} from './filter-parser.ts';
import { namespace } from './hal.ts';
import { osdiInvalid } from './osdi-errors.ts';
import { osdiPhone } from './person-input.ts';

type FieldKind = 'text' | 'email' | 'phone' | 'int' | 'timestamp';
type Field = { kind: FieldKind; column: SQL };

const col = (kind: FieldKind, expression: string): Field => ({ kind, column: sql.raw(expression) });

const fields: Record<string, Field> = {
  given_name: col('text', 'v.first_name'),
  family_name: col('text', 'v.last_name'),
  additional_name: col('text', 'v.middle_name'),
  email_address: col('email', 'v.email_address'),
  'email_addresses/address': col('email', 'v.email_address'),
  phone_number: col('phone', 'v.phone_number'),
  'phone_numbers/number': col('phone', 'v.phone_number'),
  postal_code: col('text', 'v.zip_code'),
  'postal_addresses/postal_code': col('text', 'v.zip_code'),
  region: col('text', 'v.state'),
  'postal_addresses/region': col('text', 'v.state'),
  locality: col('text', 'v.city'),
  'postal_addresses/locality': col('text', 'v.city'),
  gender: col('text', 'v.gender'),
  party_identification: col('text', 'v.party_affiliation'),
  employer: col('text', 'v.employer'),
  occupation: col('text', 'v.occupation'),
  created_date: col('timestamp', 'v.created_at'),
  modified_date: col('timestamp', 'v.updated_at'),
  'birthdate/year': col('int', 'COALESCE(EXTRACT(YEAR FROM v.date_of_birth)::int, v.birth_year::int)'),
  'birthdate/month': col('int', 'EXTRACT(MONTH FROM v.date_of_birth)::int'),
  'birthdate/day': col('int', 'EXTRACT(DAY FROM v.date_of_birth)::int'),
};

export const filterableFields = [...Object.keys(fields), 'identifier', 'custom_fields/<name>'];

const sqlOperators: Record<FilterOperator, string> = {
  eq: '=',
  ne: 'IS DISTINCT FROM',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
};

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const timestamp = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

function invalid(field: string, description: string): never {
  throw osdiInvalid('osdi:people', [{ error_code: 'FILTER_INVALID', description, properties: [`filter.${field}`] }]);
}

/** An ISO instant from a filter date; dates without a zone are UTC. */
function instant(field: string, value: string): Date {
  const zoned = dateOnly.test(value)
    ? `${value}T00:00:00Z`
    : /(Z|[+-]\d{2}(:?\d{2})?)$/.test(value)
      ? value.replace(' ', 'T')
      : `${value.replace(' ', 'T')}Z`;
  const d = new Date(zoned);
  if (Number.isNaN(d.getTime())) invalid(field, `${JSON.stringify(value)} is not a date`);
  return d;
}

function timestampCondition(field: string, column: SQL, op: FilterOperator, value: FilterValue): SQL {
  if (typeof value !== 'string' || !(dateOnly.test(value) || timestamp.test(value))) {
    invalid(field, `${field} compares with a quoted ISO 8601 date such as '2024-01-31' or '2024-01-31T12:00:00Z'`);
  }
  const at = instant(field, value);
  // A whole day matches eq/ne when the value is a date without a time.
  if (dateOnly.test(value) && (op === 'eq' || op === 'ne')) {
    const end = new Date(at.getTime() + 86_400_000);
    const within = sql`(${column} >= ${at.toISOString()}::timestamptz AND ${column} < ${end.toISOString()}::timestamptz)`;
    return op === 'eq' ? within : sql`NOT ${within}`;
  }
  return sql`${column} ${sql.raw(sqlOperators[op])} ${at.toISOString()}::timestamptz`;
}

function identifierCondition(op: FilterOperator, value: FilterValue): SQL {
  if (op !== 'eq' && op !== 'ne') invalid('identifier', 'identifier supports only eq and ne');
  if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]{1,100}:\S{1,255}$/.test(value)) {
    invalid('identifier', "identifier compares with a quoted '<system>:<id>' such as 'caucus:12'");
  }
  const at = value.indexOf(':');
  const system = value.slice(0, at);
  const id = value.slice(at + 1);
  const match =
    system === namespace
      ? /^\d{1,9}$/.test(id)
        ? sql`v.voter_id = ${Number(id)}`
        : sql`false`
      : sql`EXISTS (SELECT 1 FROM voters.person_identifiers pi
                    WHERE pi.voter_id = v.voter_id AND pi.system = ${system} AND pi.id = ${id})`;
  return op === 'eq' ? match : sql`NOT (${match})`;
}

function compare(field: string, op: FilterOperator, value: FilterValue): SQL {
  if (field === 'identifier') return identifierCondition(op, value);
  let target = fields[field];
  const custom = /^custom_fields\/([A-Za-z0-9_]{1,100})$/.exec(field);
  if (custom) target = { kind: 'text', column: sql`(v.custom_fields ->> ${custom[1]})` };
  if (!target)
    invalid(field, `${field} is not a filterable field of people; use one of: ${filterableFields.join(', ')}`);
  const { kind, column } = target;
  if (value === null) {
    if (op !== 'eq' && op !== 'ne') invalid(field, 'null compares only with eq or ne');
    return op === 'eq' ? sql`${column} IS NULL` : sql`${column} IS NOT NULL`;
  }
  if (kind === 'timestamp') return timestampCondition(field, column, op, value);
  const operator = sql.raw(sqlOperators[op]);
  if (kind === 'int') {
    if (typeof value !== 'number' || !Number.isInteger(value)) invalid(field, `${field} compares with an integer`);
    return sql`${column} ${operator} ${value}::int`;
  }
  if (typeof value !== 'string') invalid(field, `${field} compares with a quoted string`);
  if (value.length > 255) invalid(field, `The value for ${field} is longer than 255 characters`);
  let text = value;
  if (kind === 'email') text = value.trim().toLowerCase();
  if (kind === 'phone') text = osdiPhone(value) ?? value;
  return sql`${column} ${operator} ${text}`;
}

function compile(node: FilterNode): SQL {
  if (node.kind === 'compare') return compare(node.field, node.op, node.value);
  const joiner = node.kind === 'and' ? sql` AND ` : sql` OR `;
  return sql`(${compile(node.left)}${joiner}${compile(node.right)})`;
}

/** The WHERE condition for a people `filter` parameter (true when there is none). */
export function personFilter(filter: string | undefined): SQL {
  if (filter === undefined || filter.trim() === '') return sql`true`;
  let tree: FilterNode;
  try {
    tree = parseFilter(filter);
  } catch (err) {
    if (err instanceof FilterSyntaxError) invalid('syntax', err.message);
    throw err;
  }
  return compile(tree);
}
