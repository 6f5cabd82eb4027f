// Open311 test data: an api_key of scope open311, categories loaded from the real city captures.
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import type { TestContext } from '../../../../test/harness.ts';
import { systemContext } from '../../identity/audit.ts';
import { createApiKey } from '../../identity/api-keys.service.ts';
import { fixture } from './xml-shape.ts';

export async function open311Key(t: TestContext, scope: 'open311' | 'osdi' = 'open311'): Promise<string> {
  const { key } = await createApiKey(t.database.db, systemContext, { name: `test ${scope}`, scope });
  return key;
}

const listParser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => ['service', 'attribute', 'value', 'request', 'endpoint', 'format'].includes(name),
});

export function parseList(text: string): Record<string, any> {
  return listParser.parse(text);
}

/** DC's S0301 (pothole) attribute definitions as stored in reports.categories.attributes. */
export function dcPotholeAttributes() {
  const def = parseList(fixture('dc-services-S0301.xml')).service_definition;
  return def.attributes.attribute.map((a: any) => ({
    variable: a.variable === 'true',
    code: a.code,
    datatype: a.datatype,
    required: a.required === 'true',
    datatype_description: a.datatype_description,
    order: Number(a.order),
    description: a.description,
    values: a.values === '' ? [] : a.values.value.map((v: any) => ({ key: v.key, name: v.name })),
  }));
}

export async function setAttributes(t: TestContext, code: string, attributes: unknown[]) {
  await t.database.db.execute(
    sql`UPDATE reports.categories SET attributes = ${JSON.stringify(attributes)}::jsonb WHERE code = ${code}`,
  );
}

/** Form-encoded body from pairs (repeated keys allowed, as attribute[CODE][] needs). */
export function form(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
