import { describe, expect, it } from 'vitest';
import { comparisons, FilterSyntaxError, filterLimits, parseFilter } from './filter-parser.ts';

describe('parseFilter', () => {
  it('parses the spec example: modified_date gt a quoted date', () => {
    expect(parseFilter("modified_date gt '2014-03-25'")).toEqual({
      kind: 'compare',
      field: 'modified_date',
      op: 'gt',
      value: '2014-03-25',
    });
  });

  it('parses every operator, integers, booleans and null', () => {
    for (const op of ['eq', 'ne', 'gt', 'ge', 'lt', 'le']) {
      expect(parseFilter(`birthdate/year ${op} 1980`)).toEqual({
        kind: 'compare',
        field: 'birthdate/year',
        op,
        value: 1980,
      });
    }
    expect(parseFilter('x eq true')).toMatchObject({ value: true });
    expect(parseFilter('x eq FALSE')).toMatchObject({ value: false });
    expect(parseFilter('x eq null')).toMatchObject({ value: null });
    expect(parseFilter('x EQ -5')).toMatchObject({ op: 'eq', value: -5 });
  });

  it('keeps a doubled quote inside a string as one quote', () => {
    expect(parseFilter("family_name eq 'O''Brien'")).toMatchObject({ value: "O'Brien" });
  });

  it('binds and tighter than or, and honours parentheses', () => {
    const tree = parseFilter("a eq '1' or b eq '2' and c eq '3'");
    expect(tree).toMatchObject({ kind: 'or', left: { field: 'a' }, right: { kind: 'and' } });
    const grouped = parseFilter("(a eq '1' or b eq '2') and c eq '3'");
    expect(grouped).toMatchObject({ kind: 'and', left: { kind: 'or' }, right: { field: 'c' } });
    expect(comparisons(grouped).map((c) => c.field)).toEqual(['a', 'b', 'c']);
  });

  it('accepts sub-properties with a slash', () => {
    expect(parseFilter("postal_addresses/postal_code eq '27601'")).toMatchObject({
      field: 'postal_addresses/postal_code',
    });
  });

  it.each([
    ['', /empty/],
    ["given_name eq 'open", /Unterminated/],
    ['given_name like 1', /Expected an operator/],
    ['given_name eq', /Expected a value/],
    ["given_name eq 'a' and", /Expected a field name/],
    ["(given_name eq 'a'", /Expected "\)"/],
    ["given_name eq 'a')", /Unexpected text/],
    ["given_name eq 'a' ; drop table x", /Unexpected ";"/],
    ['given_name eq bare', /Expected a value/],
    ['given_name eq 99999999999999999999', /out of range/],
  ])('rejects %j', (input, message) => {
    expect(() => parseFilter(input)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(input)).toThrow(message);
  });

  it('refuses filters that are too long, too deep or too many', () => {
    expect(() => parseFilter(`a eq '${'x'.repeat(filterLimits.maxLength)}'`)).toThrow(/longer than/);
    expect(() => parseFilter(`${'('.repeat(20)}a eq 1${')'.repeat(20)}`)).toThrow(/too deeply/);
    const many = Array.from({ length: filterLimits.maxComparisons + 1 }, (_, i) => `a eq ${i}`).join(' or ');
    expect(() => parseFilter(many)).toThrow(/more than/);
  });
});
