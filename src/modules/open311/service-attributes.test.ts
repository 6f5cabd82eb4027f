import { describe, expect, it } from 'vitest';
import { parseAttributeFields, readDefinitions, validateAnswers } from './service-attributes.ts';

const definitions = readDefinitions([
  {
    variable: true,
    code: 'WHISPOLO',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    description: 'Where?',
    values: [
      { key: 'ALLEY002', name: 'Alley' },
      { key: 'STREE001', name: 'Street' },
    ],
  },
  {
    variable: true,
    code: 'TYPES',
    datatype: 'multivaluelist',
    required: false,
    order: 2,
    description: 'Types',
    values: [
      { key: 'a', name: 'A' },
      { key: 'b', name: 'B' },
    ],
  },
  { variable: true, code: 'HOWMANY', datatype: 'number', required: false, order: 3, description: 'How many?' },
  { variable: true, code: 'WHEN', datatype: 'datetime', required: false, order: 4, description: 'When?' },
  { variable: false, code: 'NOTE001', datatype: 'text', required: false, order: 9, description: '*Note:' },
]);

describe('parseAttributeFields', () => {
  it('reads attribute[CODE] and attribute[CODE][] form keys, repeated keys as lists', () => {
    const parsed = parseAttributeFields({
      service_code: 'x',
      'attribute[WHISPOLO]': 'STREE001',
      'attribute[TYPES][]': ['a', 'b'],
      'attribute[ONE][]': 'a',
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.answers).toEqual({ WHISPOLO: 'STREE001', TYPES: ['a', 'b'], ONE: ['a'] });
  });

  it('reads a nested attribute object (qs-style and JSON bodies)', () => {
    expect(parseAttributeFields({ attribute: { WHISPOLO: 'STREE001', TYPES: ['a'] } }).answers).toEqual({
      WHISPOLO: 'STREE001',
      TYPES: ['a'],
    });
  });

  it('refuses malformed attribute keys and codes', () => {
    expect(parseAttributeFields({ 'attribute[<x>]': 'v' }).errors[0]).toMatch(/not a valid attribute code/);
    expect(parseAttributeFields({ attributes: 'v' }).errors[0]).toMatch(/not a valid attribute field/);
    expect(parseAttributeFields({ 'attribute[A]': { nested: 1 } }).errors[0]).toMatch(/must be text/);
  });
});

describe('validateAnswers', () => {
  it('accepts valid answers and drops answers to informational attributes', () => {
    const r = validateAnswers(definitions, {
      WHISPOLO: 'STREE001',
      TYPES: ['a', 'b'],
      HOWMANY: '3',
      WHEN: '2026-11-01T10:00:00Z',
      NOTE001: 'ignored',
    });
    expect(r.errors).toEqual([]);
    expect(r.answers).toEqual({ WHISPOLO: 'STREE001', TYPES: ['a', 'b'], HOWMANY: '3', WHEN: '2026-11-01T10:00:00Z' });
  });

  it('names a missing required attribute the way Chicago does ("CODE required")', () => {
    expect(validateAnswers(definitions, {}).errors).toEqual(['WHISPOLO required']);
    expect(validateAnswers(definitions, { WHISPOLO: '  ' }).errors).toEqual(['WHISPOLO required']);
  });

  it('refuses values outside a list, bad numbers and dates, several values for a single-value list, unknown codes', () => {
    const r = validateAnswers(definitions, {
      WHISPOLO: ['ALLEY002', 'STREE001'],
      TYPES: ['a', 'z'],
      HOWMANY: 'many',
      WHEN: 'tomorrow',
      OTHER: 'x',
    });
    expect(r.errors).toEqual([
      'OTHER is not an attribute of this service',
      'WHISPOLO takes one value',
      'TYPES value "z" is not one of its values',
      'HOWMANY must be a number',
      'WHEN must be a W3C date-time',
    ]);
  });

  it('reads stored definitions in order, defaulting what is missing', () => {
    const defs = readDefinitions([{ code: 'B', order: 2 }, { code: 'A', order: 1, datatype: 'weird' }, 'junk']);
    expect(defs.map((d) => [d.code, d.datatype, d.variable, d.required])).toEqual([
      ['A', 'string', true, false],
      ['B', 'string', true, false],
    ]);
  });
});
