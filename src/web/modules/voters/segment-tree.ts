// The segment builder's editable tree and its conversion to and from the API's definition
// ({and:[...]}, {or:[...]}, {not:{...}}, or a condition {type, ...}).
export type Condition = Record<string, unknown> & { type: string };

export type EditNode =
  | { kind: 'group'; key: number; op: 'and' | 'or'; negate: boolean; children: EditNode[] }
  | { kind: 'condition'; key: number; negate: boolean; condition: Condition };

let next = 1;
export const newKey = () => next++;

export const numberFields = new Set(['voter_id', 'engagement_score', 'birth_year', 'source_campaign_id']);
export const dateFields = new Set([
  'date_of_birth',
  'registration_date',
  'last_contacted_date',
  'created_at',
  'updated_at',
]);
export const booleanFields = new Set(['contact_email', 'contact_phone', 'contact_mail', 'contact_sms']);
export const textFields = [
  'first_name',
  'middle_name',
  'last_name',
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
  'party_affiliation',
  'preferred_contact_method',
  'employer',
  'occupation',
];
export const allFields = [...textFields, ...numberFields, ...dateFields, ...booleanFields];

export function blankCondition(type: string): Condition {
  switch (type) {
    case 'field':
      return { type, field: 'county', op: 'eq', value: '' };
    case 'tag':
    case 'list':
    case 'campaign':
      return { type, ids: [] };
    case 'interaction':
      return { type };
    case 'survey':
      return { type, question_id: 0 };
    case 'within_radius':
      return { type, latitude: 35.78, longitude: -78.64, meters: 5000 };
    default:
      return { type: 'within_polygon', geojson: { type: 'Polygon', coordinates: [] } };
  }
}

export function toDefinition(node: EditNode): Record<string, unknown> {
  const inner =
    node.kind === 'group'
      ? { [node.op]: node.children.map(toDefinition) }
      : (node.condition as Record<string, unknown>);
  return node.negate ? { not: inner } : inner;
}

export function fromDefinition(definition: unknown, negate = false): EditNode {
  const d = (definition ?? {}) as Record<string, unknown>;
  if (Array.isArray(d.and) || Array.isArray(d.or)) {
    const op = Array.isArray(d.and) ? 'and' : 'or';
    return { kind: 'group', key: newKey(), op, negate, children: (d[op] as unknown[]).map((c) => fromDefinition(c)) };
  }
  if (d.not) return fromDefinition(d.not, !negate);
  return { kind: 'condition', key: newKey(), negate, condition: { ...(d as Condition) } };
}

export const emptyTree = (): EditNode => ({ kind: 'group', key: newKey(), op: 'and', negate: false, children: [] });
