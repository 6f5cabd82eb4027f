// The README's configuration table must list every variable the config module reads, with its default.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { variables } from '../src/config.ts';

describe('README configuration table', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  it.each(variables.map((v) => [v.name, v]))('documents %s with its default', (_name, v) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${v.name}\` |`));
    expect(row, `README has no row for ${v.name}`).toBeDefined();
    const expected = v.default === undefined ? '—' : v.default === '' ? '(empty)' : `\`${v.default}\``;
    expect(row).toContain(`| ${expected} |`);
  });

  it('starts with the two commands for a fresh machine', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
