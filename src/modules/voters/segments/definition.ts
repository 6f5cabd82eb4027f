// A segment definition: a JSON filter tree of and/or/not groups over conditions. validateDefinition() walks
// the tree and checks each condition against its TypeBox schema, answering 400 with the path of the bad node.
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Value } from 'typebox/value';
import { type FieldError, validationFailed } from '../../../http/errors.ts';
import { fieldKinds } from './fields.ts';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Ids = Type.Array(Id, { minItems: 1, maxItems: 500 });
const Text = Type.String({ maxLength: 255 });
const Texts = Type.Array(Text, { minItems: 1, maxItems: 1000 });
const Scalar = Type.Union([Type.String({ maxLength: 255 }), Type.Number(), Type.Boolean()]);
const DateOrTime = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}(:?\\d{2})?)?)?$',
});

export const fieldOps = [
  'eq',
  'neq',
  'in',
  'not_in',
  'prefix',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'is_null',
  'is_not_null',
] as const;
export type FieldOp = (typeof fieldOps)[number];

const FieldCondition = Type.Object(
  {
    type: Type.Literal('field'),
    field: Type.String({
      maxLength: 200,
      description: 'A voter column, or custom_fields.path.to.key',
      pattern: '^(custom_fields(\\.[A-Za-z0-9_-]{1,50}){1,5}|[a-z_]{1,40})$',
    }),
    op: Type.Union(fieldOps.map((o) => Type.Literal(o))),
    value: Type.Optional(Scalar),
    values: Type.Optional(Type.Array(Scalar, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);

const MembershipCondition = (type: 'tag' | 'list' | 'campaign') =>
  Type.Object(
    {
      type: Type.Literal(type),
      ids: Ids,
      match: Type.Optional(Type.Union([Type.Literal('any'), Type.Literal('all')])),
    },
    { additionalProperties: false },
  );

const InteractionCondition = Type.Object(
  {
    type: Type.Literal('interaction'),
    interaction_types: Type.Optional(Texts),
    outcomes: Type.Optional(Texts),
    source_modules: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { minItems: 1, maxItems: 20 })),
    campaign_id: Type.Optional(Id),
    from: Type.Optional(DateOrTime),
    to: Type.Optional(DateOrTime),
    min_count: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    max_count: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);

const SurveyCondition = Type.Object(
  {
    type: Type.Literal('survey'),
    question_id: Id,
    values: Type.Optional(Texts),
  },
  { additionalProperties: false },
);

const RadiusCondition = Type.Object(
  {
    type: Type.Literal('within_radius'),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    meters: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);

const Position = Type.Array(Type.Number({ minimum: -180, maximum: 180 }), { minItems: 2, maxItems: 2 });
const Ring = Type.Array(Position, { minItems: 4, maxItems: 5000 });
const PolygonCoords = Type.Array(Ring, { minItems: 1, maxItems: 50 });
const PolygonCondition = Type.Object(
  {
    type: Type.Literal('within_polygon'),
    geojson: Type.Union([
      Type.Object({ type: Type.Literal('Polygon'), coordinates: PolygonCoords }, { additionalProperties: false }),
      Type.Object(
        { type: Type.Literal('MultiPolygon'), coordinates: Type.Array(PolygonCoords, { minItems: 1, maxItems: 50 }) },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);

export const conditionSchemas = {
  field: FieldCondition,
  tag: MembershipCondition('tag'),
  list: MembershipCondition('list'),
  campaign: MembershipCondition('campaign'),
  interaction: InteractionCondition,
  survey: SurveyCondition,
  within_radius: RadiusCondition,
  within_polygon: PolygonCondition,
};

export type FieldCondition = Omit<Static<typeof FieldCondition>, 'op'> & { op: FieldOp };
export type MembershipCondition = Static<ReturnType<typeof MembershipCondition>>;
export type InteractionCondition = Static<typeof InteractionCondition>;
export type SurveyCondition = Static<typeof SurveyCondition>;
export type RadiusCondition = Static<typeof RadiusCondition>;
export type PolygonCondition = Static<typeof PolygonCondition>;
export type Condition =
  | FieldCondition
  | MembershipCondition
  | InteractionCondition
  | SurveyCondition
  | RadiusCondition
  | PolygonCondition;
export type SegmentNode = { and: SegmentNode[] } | { or: SegmentNode[] } | { not: SegmentNode } | Condition;

const MAX_DEPTH = 10;
const MAX_NODES = 300;

/** The schema the routes use for a definition: an object, checked in depth by validateDefinition(). */
export const DefinitionSchema = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), {
  maxProperties: 10,
  description: 'A filter tree: {and:[...]}, {or:[...]}, {not:{...}} or a condition {type, ...}',
});

class DefinitionError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('invalid definition');
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function fail(path: string, message: string): never {
  throw new DefinitionError([{ field: path, message }]);
}

function checkField(node: FieldCondition, path: string) {
  const kind = node.field.startsWith('custom_fields.') ? 'json' : fieldKinds[node.field];
  if (!kind) fail(`${path}.field`, `unknown field ${JSON.stringify(node.field)}`);
  const needsValue = !['in', 'not_in', 'between', 'is_null', 'is_not_null'].includes(node.op);
  if (needsValue && node.value === undefined) fail(`${path}.value`, `op ${node.op} needs a value`);
  if (['in', 'not_in'].includes(node.op) && !node.values?.length) fail(`${path}.values`, `op ${node.op} needs values`);
  if (node.op === 'between' && node.values?.length !== 2) fail(`${path}.values`, 'op between needs two values');
  const allowed: Record<string, FieldOp[]> = {
    text: ['eq', 'neq', 'in', 'not_in', 'prefix', 'contains', 'is_null', 'is_not_null'],
    number: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
    date: ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
    timestamp: ['gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
    boolean: ['eq', 'neq', 'is_null', 'is_not_null'],
    json: ['eq', 'neq', 'in', 'prefix', 'contains', 'gt', 'gte', 'lt', 'lte', 'is_null', 'is_not_null'],
  };
  if (!allowed[kind].includes(node.op)) fail(`${path}.op`, `op ${node.op} does not apply to ${node.field}`);
  const values = node.value !== undefined ? [node.value] : (node.values ?? []);
  for (const [i, v] of values.entries()) {
    const at = node.value !== undefined ? `${path}.value` : `${path}.values[${i}]`;
    if (kind === 'number' && (typeof v !== 'number' || !Number.isInteger(v))) fail(at, 'must be an integer');
    if (kind === 'boolean' && typeof v !== 'boolean') fail(at, 'must be true or false');
    if (kind === 'text' && typeof v !== 'string') fail(at, 'must be a string');
    if ((kind === 'date' || kind === 'timestamp') && (typeof v !== 'string' || !Value.Check(DateOrTime, v))) {
      fail(at, 'must be a date (YYYY-MM-DD) or date-time');
    }
    if (kind === 'date' && typeof v === 'string' && Number.isNaN(Date.parse(v.slice(0, 10)))) fail(at, 'is not a date');
    if (kind === 'json' && ['gt', 'gte', 'lt', 'lte'].includes(node.op) && typeof v !== 'number') {
      fail(at, 'must be a number');
    }
  }
}

function checkPolygon(node: PolygonCondition, path: string) {
  const polygons = node.geojson.type === 'Polygon' ? [node.geojson.coordinates] : node.geojson.coordinates;
  for (const [p, rings] of polygons.entries()) {
    for (const [r, ring] of rings.entries()) {
      const at = `${path}.geojson.coordinates[${node.geojson.type === 'Polygon' ? r : `${p}][${r}`}]`;
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) fail(at, 'a ring must end where it starts');
      if (ring.some(([, lat]) => lat < -90 || lat > 90)) fail(at, 'latitude must be between -90 and 90');
    }
  }
}

function walk(node: unknown, path: string, depth: number, count: { n: number }): SegmentNode {
  count.n += 1;
  if (count.n > MAX_NODES) fail(path, `a definition may have at most ${MAX_NODES} nodes`);
  if (depth > MAX_DEPTH) fail(path, `groups may nest at most ${MAX_DEPTH} deep`);
  if (!isObject(node)) fail(path, 'must be an object');
  const keys = Object.keys(node);
  for (const group of ['and', 'or'] as const) {
    if (group in node) {
      if (keys.length !== 1) fail(path, `a group has only the key "${group}"`);
      const children = node[group];
      if (!Array.isArray(children) || children.length === 0) fail(`${path}.${group}`, 'must be a non-empty array');
      return { [group]: children.map((c, i) => walk(c, `${path}.${group}[${i}]`, depth + 1, count)) } as SegmentNode;
    }
  }
  if ('not' in node) {
    if (keys.length !== 1) fail(path, 'a group has only the key "not"');
    return { not: walk(node.not, `${path}.not`, depth + 1, count) };
  }
  const type = node.type;
  const schema = typeof type === 'string' ? conditionSchemas[type as keyof typeof conditionSchemas] : undefined;
  if (!schema || !Object.hasOwn(conditionSchemas, type as string)) {
    fail(`${path}.type`, `must be one of and, or, not, ${Object.keys(conditionSchemas).join(', ')}`);
  }
  const errors = [...Value.Errors(schema, node)];
  if (errors.length > 0) {
    throw new DefinitionError(
      errors.slice(0, 10).map((e) => ({
        field: `${path}${e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`,
        message: e.message,
      })),
    );
  }
  const condition = node as Condition;
  if (condition.type === 'field') checkField(condition, path);
  if (condition.type === 'within_polygon') checkPolygon(condition, path);
  if (condition.type === 'interaction' && condition.min_count !== undefined && condition.max_count !== undefined) {
    if (condition.max_count < condition.min_count) fail(`${path}.max_count`, 'must be at least min_count');
  }
  return condition;
}

/** The definition as a typed tree, or a 400 validation_failed naming the path of the bad node. */
export function validateDefinition(definition: unknown, path = 'definition'): SegmentNode {
  try {
    return walk(definition, path, 0, { n: 0 });
  } catch (err) {
    if (err instanceof DefinitionError) {
      const summary = err.errors.map((e) => `${e.field} ${e.message}`).join('; ');
      throw validationFailed(err.errors, `Invalid segment definition: ${summary}`);
    }
    throw err;
  }
}
