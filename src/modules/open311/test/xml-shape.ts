// The element structure of an XML document, for comparing our output with real cities' captures:
// every element path (root/child/…), repeated elements merged, text ignored.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const fixturesDir = path.resolve('../shared/data/open311-fixtures');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, name), 'utf8');
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  trimValues: true,
});

export function parseXml(text: string): Record<string, any> {
  return parser.parse(text);
}

export function elementPaths(text: string): Set<string> {
  const paths = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, prefix);
      return;
    }
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const p = prefix ? `${prefix}/${key}` : key;
        paths.add(p);
        walk(value, p);
      }
    }
  };
  walk(parseXml(text), '');
  return paths;
}
