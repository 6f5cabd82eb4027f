// The two wire formats of GeoReport v2. XML is the reference; JSON is its "Spark convention" mapping: a list
// root becomes a bare array, a single request is still an array of one, the service definition is an object.
// Absent values are JSON null and empty XML elements.
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

export const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

const xmlDeclaration = '<?xml version="1.0" encoding="utf-8"?>\n';

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  ignoreAttributes: true,
  suppressEmptyNode: false,
  processEntities: true,
});

/** A resource file name such as `S0301.json` split into its name and format; null for another extension. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = file.slice(dot + 1).toLowerCase();
  if (ext !== 'json' && ext !== 'xml') return null;
  return { name: file.slice(0, dot), format: ext };
}

/** The format a URL asks for by its extension (xml when none can be read: XML is the required format). */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0];
  return path.toLowerCase().endsWith('.json') ? 'json' : 'xml';
}

/** JSON list fields and the XML element of each item (`"values": [...]` is `<values><value>…</value></values>`). */
const listItems: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  photos: 'photo',
};

/**
 * XML shape of a JSON value: null/undefined as an empty element, booleans and numbers as text, known list
 * fields wrapped in their item element; any other array repeats its element (multivaluelist answers).
 */
function forXml(value: unknown, key?: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const items = value.map((v) => forXml(v));
    const item = key ? listItems[key] : undefined;
    if (item) return items.length === 0 ? '' : { [item]: items };
    return items;
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forXml(v, k)]));
  }
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return value;
}

/** `<root><item>…</item>…</root>`; an empty list is `<root></root>`. */
export function xmlList(root: string, item: string, items: readonly object[]): string {
  const body = items.length === 0 ? '' : { [item]: items.map((i) => forXml(i)) };
  return xmlDeclaration + builder.build({ [root]: body });
}

/** `<root>…fields…</root>` for one object. */
export function xmlObject(root: string, value: object): string {
  return xmlDeclaration + builder.build({ [root]: forXml(value) });
}

export interface Serialized {
  body: string;
  contentType: string;
}

/** A list resource: a bare JSON array, or `<root><item/>…</root>`. */
export function serializeList(format: Format, root: string, item: string, items: readonly object[]): Serialized {
  return format === 'json'
    ? { body: JSON.stringify(items), contentType: contentTypes.json }
    : { body: xmlList(root, item, items), contentType: contentTypes.xml };
}

/** A single object resource: a JSON object, or `<root>…</root>`. */
export function serializeObject(format: Format, root: string, value: object): Serialized {
  return format === 'json'
    ? { body: JSON.stringify(value), contentType: contentTypes.json }
    : { body: xmlObject(root, value), contentType: contentTypes.xml };
}
