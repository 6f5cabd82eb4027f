// A column mapping says how to read a delimited file and where each source column goes: a voter field or
// custom_fields.<path>. Saved mappings (voters.import_mappings) and mapping.json files have this shape.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { badRequest } from '../../../http/errors.ts';

/** Voter fields an import may fill, with the longest value each column takes (null: no length limit). */
export const importableFields: Record<string, number | null> = {
  voter_registration_id: 100,
  first_name: 100,
  middle_name: 100,
  last_name: 100,
  date_of_birth: null,
  birth_year: null,
  gender: 50,
  street_address: 255,
  city: 100,
  state: 50,
  zip_code: 20,
  county: 100,
  precinct: 100,
  phone_number: 20,
  email_address: 254,
  registration_status: null,
  registration_date: null,
  party_affiliation: 100,
  preferred_contact_method: null,
  employer: 255,
  occupation: 255,
};

export const ColumnMappingSchema = Type.Object(
  {
    delimiter: Type.Union([Type.Literal(','), Type.Literal('\t'), Type.Literal(';'), Type.Literal('|')]),
    encoding: Type.Union([Type.Literal('utf8'), Type.Literal('latin1'), Type.Literal('windows-1252')]),
    header: Type.Boolean(),
    /** false: no quoting (each line is one record, as in the NC files); default true (RFC 4180 quotes). */
    quote: Type.Optional(Type.Boolean()),
    /** Source column (its header name, or its 1-based position without a header) → target(s). */
    columns: Type.Record(
      Type.String({ minLength: 1, maxLength: 200 }),
      Type.Union([
        Type.String({ minLength: 1, maxLength: 200 }),
        Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 4 }),
      ]),
      { maxProperties: 500 },
    ),
    /** 'nc': read status, party and gender as NC codes (ACTIVE, DEM, F…); 'plain' (default): as written. */
    values: Type.Optional(Type.Union([Type.Literal('nc'), Type.Literal('plain')])),
  },
  { additionalProperties: false },
);

export type ColumnMapping = Static<typeof ColumnMappingSchema>;

const customPath = /^custom_fields\.([A-Za-z0-9_]{1,60})(?:\.([A-Za-z0-9_]{1,60}))?$/;

/** A target resolved: a voter field, or a one- or two-level key in custom_fields. */
export type Target = { kind: 'field'; field: string } | { kind: 'custom'; path: [string] | [string, string] };

export function parseTarget(target: string): Target {
  if (target in importableFields) return { kind: 'field', field: target };
  const m = customPath.exec(target);
  if (m) return { kind: 'custom', path: m[2] ? [m[1], m[2]] : [m[1]] };
  throw badRequest(
    'invalid_mapping',
    `Unknown target ${JSON.stringify(target)}: use a voter field (${Object.keys(importableFields).join(', ')}) or custom_fields.<name>`,
  );
}

/** Source column positions (0-based) for each target, checked against the file's header. */
export interface ResolvedMapping {
  fields: Map<string, number>;
  custom: { path: [string] | [string, string]; index: number }[];
  columnCount: number;
  header: string[] | null;
}

export function resolveMapping(mapping: ColumnMapping, header: string[] | null, columnCount: number): ResolvedMapping {
  const fields = new Map<string, number>();
  const custom: ResolvedMapping['custom'] = [];
  const seenCustom = new Set<string>();
  for (const [source, targets] of Object.entries(mapping.columns)) {
    const index = header ? header.indexOf(source) : Number(source) - 1;
    if (index < 0 || index >= columnCount || !Number.isInteger(index)) {
      throw badRequest('invalid_mapping', `Column ${JSON.stringify(source)} is not in the file`, {
        columns: header ?? undefined,
      });
    }
    for (const target of Array.isArray(targets) ? targets : [targets]) {
      const t = parseTarget(target);
      if (t.kind === 'field') {
        if (fields.has(t.field)) throw badRequest('invalid_mapping', `Two columns map to ${t.field}`);
        fields.set(t.field, index);
      } else {
        const key = t.path.join('.');
        if (seenCustom.has(key)) throw badRequest('invalid_mapping', `Two columns map to custom_fields.${key}`);
        const clash = [...seenCustom].some((k) => k.startsWith(`${key}.`) || key.startsWith(`${k}.`));
        if (clash) throw badRequest('invalid_mapping', `custom_fields.${key} is both a value and an object`);
        seenCustom.add(key);
        custom.push({ path: t.path, index });
      }
    }
  }
  if (!fields.has('last_name') || !fields.has('first_name')) {
    throw badRequest('invalid_mapping', 'The mapping must give first_name and last_name');
  }
  return { fields, custom, columnCount, header };
}
