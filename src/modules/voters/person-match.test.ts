import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from './person-match.ts';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.ORG ')).toBe('ada.lovelace@example.org');
  });
  it('answers null for empty, malformed or overlong input', () => {
    expect(normalizeEmail('')).toBeNull();
    expect(normalizeEmail('   ')).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
    expect(normalizeEmail('not-an-email')).toBeNull();
    expect(normalizeEmail('a@b')).toBeNull();
    expect(normalizeEmail('two@at@example.org')).toBeNull();
    expect(normalizeEmail(`${'x'.repeat(250)}@example.org`)).toBeNull();
  });
});

describe('normalizePhone', () => {
  it('formats US numbers in every common spelling as E.164', () => {
    for (const s of [
      '(919) 555-0123',
      '919-555-0123',
      '919.555.0123',
      '+1 919 555 0123',
      '1-919-555-0123',
      '9195550123',
    ]) {
      expect(normalizePhone(s)).toBe('+19195550123');
    }
  });
  it('keeps international numbers given with a country code', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
  });
  it('answers null for empty or impossible numbers', () => {
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone('12')).toBeNull();
    expect(normalizePhone('call me maybe')).toBeNull();
    expect(normalizePhone('9'.repeat(60))).toBeNull();
  });
});
