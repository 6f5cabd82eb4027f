// Service attributes (GET /services/{code}) and the answers a POST /requests gives them: parsing the
// `attribute[CODE]=v` and `attribute[CODE][]=v1&attribute[CODE][]=v2` form fields and checking them
// against the service definition. Pure: no database.

export const datatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof datatypes)[number];

export interface AttributeDefinition {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

export type AttributeAnswers = Record<string, string | string[]>;

export const attributeCodePattern = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
const formKey = /^attribute\[([^\][]{1,100})\](\[\])?$/;

/** Reads attribute definitions stored in reports.categories.attributes, tolerating missing optional fields. */
export function readDefinitions(stored: unknown): AttributeDefinition[] {
  if (!Array.isArray(stored)) return [];
  const defs = stored
    .filter((a): a is Record<string, any> => typeof a === 'object' && a !== null && typeof a.code === 'string')
    .map((a, i) => ({
      variable: a.variable !== false,
      code: a.code,
      datatype: (datatypes as readonly string[]).includes(a.datatype) ? (a.datatype as Datatype) : 'string',
      required: a.required === true,
      datatype_description: typeof a.datatype_description === 'string' ? a.datatype_description : null,
      order: Number.isInteger(a.order) && a.order > 0 ? a.order : i + 1,
      description: typeof a.description === 'string' ? a.description : a.code,
      values: Array.isArray(a.values)
        ? a.values
            .filter((v: any) => v && (typeof v.key === 'string' || typeof v.key === 'number'))
            .map((v: any) => ({ key: String(v.key), name: String(v.name ?? v.key) }))
        : [],
    }));
  return defs.sort((a, b) => a.order - b.order);
}

export interface ParsedAttributes {
  answers: AttributeAnswers;
  errors: string[];
}

/**
 * The attribute answers of a form body. Accepts the flat keys a urlencoded body gives (`attribute[A]`,
 * `attribute[B][]`, repeated keys as arrays) and a nested `attribute: {A: ...}` object (qs-style parsers, JSON).
 */
export function parseAttributeFields(body: Record<string, unknown>): ParsedAttributes {
  const answers: AttributeAnswers = {};
  const errors: string[] = [];
  const add = (code: string, raw: unknown, multi: boolean) => {
    if (!attributeCodePattern.test(code)) {
      errors.push(`attribute[${code.slice(0, 100)}] is not a valid attribute code`);
      return;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined && v !== null);
    if (values.some((v) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
      errors.push(`attribute[${code}] must be text`);
      return;
    }
    const strings = values.map(String);
    const previous = answers[code];
    const merged =
      previous === undefined ? strings : [...(Array.isArray(previous) ? previous : [previous]), ...strings];
    answers[code] = multi || merged.length > 1 ? merged : (merged[0] ?? '');
  };
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attribute' && raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [code, value] of Object.entries(raw as Record<string, unknown>))
        add(code, value, Array.isArray(value));
      continue;
    }
    const match = formKey.exec(key);
    if (match) add(match[1], raw, match[2] === '[]');
    else if (key.startsWith('attribute')) errors.push(`${key.slice(0, 120)} is not a valid attribute field`);
  }
  return { answers, errors };
}

const isBlank = (v: string | string[] | undefined) =>
  v === undefined || (Array.isArray(v) ? v.every((x) => x.trim() === '') : v.trim() === '');

function checkValue(def: AttributeDefinition, value: string | string[]): string | null {
  const list = Array.isArray(value) ? value.filter((v) => v.trim() !== '') : [value];
  if (def.datatype === 'multivaluelist') {
    const keys = new Set(def.values.map((v) => v.key));
    const bad = list.find((v) => !keys.has(v));
    return bad === undefined ? null : `${def.code} value ${JSON.stringify(bad)} is not one of its values`;
  }
  if (list.length > 1) return `${def.code} takes one value`;
  const v = list[0] ?? '';
  switch (def.datatype) {
    case 'singlevaluelist':
      return def.values.some((x) => x.key === v)
        ? null
        : `${def.code} value ${JSON.stringify(v)} is not one of its values`;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(v.trim()) && Number.isFinite(Number(v)) ? null : `${def.code} must be a number`;
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim()) &&
        !Number.isNaN(Date.parse(v.trim()))
        ? null
        : `${def.code} must be a W3C date-time`;
    case 'text':
      return v.length <= 4000 ? null : `${def.code} is longer than 4000 characters`;
    default:
      return v.length <= 1000 ? null : `${def.code} is longer than 1000 characters`;
  }
}

/**
 * Checks answers against the definition: every required variable attribute answered ("CODE required"),
 * list values among the definition's keys, numbers and dates well-formed, no unknown codes. Answers to
 * informational (variable: false) attributes are dropped. Returns the answers to store and the errors.
 */
export function validateAnswers(definitions: AttributeDefinition[], answers: AttributeAnswers): ParsedAttributes {
  const errors: string[] = [];
  const kept: AttributeAnswers = {};
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code)) errors.push(`${code} is not an attribute of this service`);
  }
  for (const def of definitions) {
    if (!def.variable) continue;
    const value = answers[def.code];
    if (isBlank(value)) {
      if (def.required) errors.push(`${def.code} required`);
      continue;
    }
    const problem = checkValue(def, value!);
    if (problem) errors.push(problem);
    else
      kept[def.code] =
        def.datatype === 'multivaluelist'
          ? (Array.isArray(value) ? value : [value!]).filter((v) => v.trim() !== '')
          : Array.isArray(value)
            ? value[0]
            : value!;
  }
  return { answers: kept, errors };
}
