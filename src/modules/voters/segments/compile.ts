// Compiles a validated segment tree into ONE parameterized WHERE over `voters.voters v`. Values are always bound
// parameters; column names come only from the whitelist in fields.ts. Each condition is written so an index
// can serve it: EXISTS on the indexed FKs (voter_tags, list_items, campaign_voters, interactions,
// survey_responses), jsonb containment on the custom_fields GIN index, ST_DWithin/ST_Covers on the GiST index.
import { type SQL, sql } from 'drizzle-orm';
import type {
  Condition,
  FieldCondition,
  InteractionCondition,
  MembershipCondition,
  SegmentNode,
  SurveyCondition,
} from './definition.ts';
import { type FieldKind, fieldKinds } from './fields.ts';

type Scalar = string | number | boolean;

const list = (values: readonly Scalar[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** LIKE pattern for a literal prefix/substring: % _ and \ are escaped. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Columns whose prefix match is case-sensitive LIKE, so their btree (text_pattern_ops) index can serve it.
const likeColumns = new Set(['zip_code', 'precinct', 'voter_registration_id', 'phone_number', 'state']);

function typed(kind: FieldKind, value: Scalar): SQL {
  switch (kind) {
    case 'date':
      return sql`${String(value).slice(0, 10)}::date`;
    case 'timestamp':
      return sql`${String(value)}::timestamptz`;
    case 'boolean':
      return sql`${value}::boolean`;
    case 'number':
      return sql`${value}::int`;
    default:
      return sql`${String(value)}`;
  }
}

function compare(column: SQL, op: FieldCondition['op'], kind: FieldKind, c: FieldCondition): SQL {
  const v = c.value as Scalar;
  const vs = (c.values ?? []) as Scalar[];
  switch (op) {
    case 'eq':
      return sql`${column} = ${typed(kind, v)}`;
    case 'neq':
      return sql`${column} IS DISTINCT FROM ${typed(kind, v)}`;
    case 'in':
      return sql`${column} IN (${sql.join(
        vs.map((x) => typed(kind, x)),
        sql`, `,
      )})`;
    case 'not_in':
      return sql`(${column} IS NULL OR ${column} NOT IN (${sql.join(
        vs.map((x) => typed(kind, x)),
        sql`, `,
      )}))`;
    case 'prefix':
      return likeColumns.has(c.field)
        ? sql`${column} LIKE ${`${likeEscape(String(v))}%`}`
        : sql`${column} ILIKE ${`${likeEscape(String(v))}%`}`;
    case 'contains':
      return sql`${column} ILIKE ${`%${likeEscape(String(v))}%`}`;
    case 'gt':
      return sql`${column} > ${typed(kind, v)}`;
    case 'gte':
      return sql`${column} >= ${typed(kind, v)}`;
    case 'lt':
      return sql`${column} < ${typed(kind, v)}`;
    case 'lte':
      return sql`${column} <= ${typed(kind, v)}`;
    case 'between':
      return sql`${column} BETWEEN ${typed(kind, vs[0])} AND ${typed(kind, vs[1])}`;
    case 'is_null':
      return sql`${column} IS NULL`;
    case 'is_not_null':
      return sql`${column} IS NOT NULL`;
    default:
      throw new Error(`op ${op} is not compiled`);
  }
}

/** custom_fields.a.b: equality through containment (GIN index), the rest on the extracted value. */
function compileCustomField(c: FieldCondition): SQL {
  const path = c.field.split('.').slice(1);
  const pathSql = sql`ARRAY[${list(path)}]::text[]`;
  const contains = (value: Scalar) => {
    const doc = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
    return sql`v.custom_fields @> ${JSON.stringify(doc)}::jsonb`;
  };
  const text = sql`(v.custom_fields #>> ${pathSql})`;
  const number = sql`(CASE WHEN jsonb_typeof(v.custom_fields #> ${pathSql}) = 'number'
    THEN (v.custom_fields #>> ${pathSql})::numeric END)`;
  const v = c.value as Scalar;
  switch (c.op) {
    case 'eq':
      return contains(v);
    case 'neq':
      return sql`NOT COALESCE(${contains(v)}, false)`;
    case 'in':
      return sql`(${sql.join((c.values as Scalar[]).map(contains), sql` OR `)})`;
    case 'prefix':
      return sql`${text} ILIKE ${`${likeEscape(String(v))}%`}`;
    case 'contains':
      return sql`${text} ILIKE ${`%${likeEscape(String(v))}%`}`;
    case 'gt':
      return sql`${number} > ${v}::numeric`;
    case 'gte':
      return sql`${number} >= ${v}::numeric`;
    case 'lt':
      return sql`${number} < ${v}::numeric`;
    case 'lte':
      return sql`${number} <= ${v}::numeric`;
    case 'is_null':
      return sql`COALESCE(jsonb_typeof(v.custom_fields #> ${pathSql}), 'null') = 'null'`;
    case 'is_not_null':
      return sql`COALESCE(jsonb_typeof(v.custom_fields #> ${pathSql}), 'null') <> 'null'`;
    default:
      throw new Error(`op ${c.op} is not compiled for custom fields`);
  }
}

const membershipTables = {
  tag: { table: sql.raw('voters.voter_tags'), key: sql.raw('tag_id') },
  list: { table: sql.raw('voters.list_items'), key: sql.raw('list_id') },
  campaign: { table: sql.raw('voters.campaign_voters'), key: sql.raw('campaign_id') },
};

function compileMembership(c: MembershipCondition): SQL {
  const { table, key } = membershipTables[c.type];
  const exists = (ids: number[]) =>
    sql`EXISTS (SELECT 1 FROM ${table} m WHERE m.voter_id = v.voter_id AND m.${key} IN (${list(ids)}))`;
  if (c.match === 'all' && c.ids.length > 1)
    return sql`(${sql.join(
      c.ids.map((id) => exists([id])),
      sql` AND `,
    )})`;
  return exists(c.ids);
}

const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function compileInteraction(c: InteractionCondition): SQL {
  const where: SQL[] = [sql`i.voter_id = v.voter_id`];
  if (c.interaction_types) where.push(sql`i.interaction_type IN (${list(c.interaction_types)})`);
  if (c.outcomes) where.push(sql`i.outcome IN (${list(c.outcomes)})`);
  if (c.source_modules) where.push(sql`i.source_module IN (${list(c.source_modules)})`);
  if (c.campaign_id !== undefined) where.push(sql`i.campaign_id = ${c.campaign_id}`);
  if (c.from) where.push(sql`i.interaction_date >= ${c.from}::timestamptz`);
  // A date-only upper bound includes that whole day.
  if (c.to) {
    where.push(
      isDateOnly(c.to)
        ? sql`i.interaction_date < (${c.to}::date + 1)::timestamptz`
        : sql`i.interaction_date <= ${c.to}::timestamptz`,
    );
  }
  const body = sql`FROM voters.interactions i WHERE ${sql.join(where, sql` AND `)}`;
  const min = c.min_count ?? 1;
  const max = c.max_count;
  if (max === 0) return sql`NOT EXISTS (SELECT 1 ${body})`;
  if (max === undefined) {
    if (min === 0) return sql`true`;
    if (min === 1) return sql`EXISTS (SELECT 1 ${body})`;
    return sql`(SELECT count(*) FROM (SELECT 1 ${body} LIMIT ${min}) n) >= ${min}`;
  }
  return sql`(SELECT count(*) FROM (SELECT 1 ${body} LIMIT ${max + 1}) n) BETWEEN ${min} AND ${max}`;
}

function compileSurvey(c: SurveyCondition): SQL {
  const answer = c.values
    ? sql` AND (r.response_value IN (${list(c.values)})
          OR (jsonb_typeof(r.response_values) = 'array' AND EXISTS
              (SELECT 1 FROM jsonb_array_elements_text(r.response_values) a(x) WHERE a.x IN (${list(c.values)}))))`
    : sql``;
  return sql`EXISTS (SELECT 1 FROM voters.survey_responses r
    WHERE r.voter_id = v.voter_id AND r.question_id = ${c.question_id}${answer})`;
}

function compileCondition(c: Condition): SQL {
  switch (c.type) {
    case 'field': {
      if (c.field.startsWith('custom_fields.')) return compileCustomField(c);
      const kind = fieldKinds[c.field];
      if (!kind) throw new Error(`field ${c.field} is not whitelisted`);
      return compare(sql`v.${sql.identifier(c.field)}`, c.op, kind, c);
    }
    case 'tag':
    case 'list':
    case 'campaign':
      return compileMembership(c);
    case 'interaction':
      return compileInteraction(c);
    case 'survey':
      return compileSurvey(c);
    case 'within_radius':
      return sql`ST_DWithin(v.location,
        ST_SetSRID(ST_MakePoint(${c.longitude}::float8, ${c.latitude}::float8), 4326)::geography, ${c.meters}::float8)`;
    case 'within_polygon':
      return sql`ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(c.geojson)}::text), 4326)::geography,
        v.location)`;
  }
}

/** The tree as one SQL boolean expression over `v`. */
export function compileSegment(node: SegmentNode): SQL {
  if ('and' in node) return sql`(${sql.join(node.and.map(compileSegment), sql` AND `)})`;
  if ('or' in node) return sql`(${sql.join(node.or.map(compileSegment), sql` OR `)})`;
  if ('not' in node) return sql`NOT COALESCE(${compileSegment(node.not)}, false)`;
  return sql`(${compileCondition(node)})`;
}
