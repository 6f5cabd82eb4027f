import { describe, expect, test } from 'vitest';
import { passwordProblems } from '../password/password-rules.ts';
import { nextPath } from './next-path.ts';

describe('nextPath', () => {
  test('returns a path on this site', () => {
    expect(nextPath('?next=%2Fadmin%2Fusers%3Fpage%3D2')).toBe('/admin/users?page=2');
  });
  test('refuses other sites, protocol-relative URLs and the sign-in page itself', () => {
    expect(nextPath('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(nextPath('?next=%2F%2Fevil.example')).toBe('/');
    expect(nextPath('?next=%2F%5Cevil.example')).toBe('/');
    expect(nextPath('?next=%2Flogin%3Fnext%3D%2F')).toBe('/');
    expect(nextPath('')).toBe('/');
  });
});

describe('passwordProblems (the server policy, checked while typing)', () => {
  test('names each missing rule', () => {
    expect(passwordProblems('short')).toEqual(['at least 12 characters', 'an upper-case letter', 'a digit']);
    expect(passwordProblems('Long-enough-2026')).toEqual([]);
  });
});
