// Phone numbers to E.164: +international as given, bare national digits as US; anything else is refused.
import { describe, expect, it } from 'vitest';
import { maskPhone, possiblePhone, validPhone } from './phone.ts';

describe('phone', () => {
  it('normalizes international and US national numbers to E.164', () => {
    expect(validPhone('+14155552671')).toBe('+14155552671');
    expect(validPhone('(415) 555-2671')).toBe('+14155552671');
    expect(validPhone('415.555.2671')).toBe('+14155552671');
    expect(validPhone(' 4155552671 ')).toBe('+14155552671');
    expect(validPhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(validPhone('+91 98765 43210')).toBe('+919876543210');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['', '12', 'abc', 'ana@example.org', '+1 555', "' OR '1'='1", '4155552671x', '+'.repeat(40)]) {
      expect(validPhone(bad), bad).toBeNull();
      expect(possiblePhone(bad), bad).toBeNull();
    }
  });

  it('masks all but the last two digits', () => {
    expect(maskPhone('+14155552671')).toBe('+1••••••••71');
  });
});
