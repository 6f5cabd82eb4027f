// The `caucus` command as an operator runs it: a child process on a temporary embedded database.
// Each command opens PGlite and checks migrations (several seconds), hence the long timeouts. The data directory
// starts from the migrated template (migrating takes the time of several commands); `db reset` migrates anew.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { one, openPglite, rows } from '../db/client.ts';
import { verifyPassword } from '../modules/identity/passwords.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caucus-cli-'));
beforeAll(async () => {
  const template = new Blob([fs.readFileSync(inject('template'))]);
  const database = await openPglite({ dataDir: path.join(dataDir, 'pgdata'), loadDataDir: template });
  await database.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function caucus(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, CAUCUS_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/caucus.mjs', ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as any).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const STRONG = 'Str0ng-Passw0rd';

describe('caucus --help', () => {
  it('works for every command', { timeout: 120_000 }, async () => {
    const runs = await Promise.all(
      [
        [],
        ['users'],
        ['users', 'create'],
        ['users', 'list'],
        ['users', 'set-password'],
        ['users', 'unlock'],
        ['seed'],
        ['db', 'reset'],
      ].map((args) => caucus(...args, '--help')),
    );
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Usage: caucus/);
    }
    expect(runs[0].stdout).toMatch(/users/);
    expect(runs[0].stdout).toMatch(/seed/);
    expect(runs[2].stdout).toContain('--role <role>');
    expect(runs[6].stdout).toContain('--force');
    expect(runs[7].stdout).toContain('--yes-really');
  });
});

describe('caucus users, seed and db reset', () => {
  it('creates and lists users, refuses to seed real data, resets, seeds a fresh database', {
    timeout: 600_000,
  }, async () => {
    const created = await caucus(
      'users',
      'create',
      '--username',
      'alice',
      '--password',
      STRONG,
      '--role',
      'moderator',
      '--email',
      'alice@example.org',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created user alice \(id \d+, role moderator\)/);

    const weak = await caucus('users', 'create', '--username', 'bob', '--password', 'weak', '--role', 'citizen');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('weak_password');
    expect(weak.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace

    const list = await caucus('users', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+USERNAME\s+EMAIL/);
    expect(list.stdout).toMatch(/alice\s+alice@example\.org\s+moderator\s+yes/);
    expect(list.stdout).not.toContain('bob');

    const refused = await caucus('seed', '--demo');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('holds real data');

    const forced = await caucus('seed', '--demo', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('14 demo user(s)');
    expect(forced.stdout).toContain('Demo data loaded.');

    const generated = await caucus('users', 'set-password', '--username', 'alice');
    expect(generated.code, generated.stderr).toBe(0);
    const password = /New password for alice: ([A-Za-z0-9]{20})\n/.exec(generated.stdout)?.[1];
    expect(password).toBeDefined();

    // What the commands left in the database: the new password works, the actions are audited as the CLI's.
    const database = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
    try {
      const user = await one<{ password_hash: string }>(
        database.db,
        sql`SELECT password_hash FROM identity.users WHERE username = 'alice'`,
      );
      expect(await verifyPassword(user!.password_hash, password!)).toBe(true);
      expect(await verifyPassword(user!.password_hash, STRONG)).toBe(false);
      const actions = await rows<{ action: string }>(
        database.db,
        sql`SELECT action FROM identity.audit_logs WHERE user_agent = 'caucus-cli' ORDER BY id`,
      );
      expect(actions.filter((a) => a.action === 'user_created')).toHaveLength(15);
      expect(actions.at(-1)!.action).toBe('password_reset_complete');
    } finally {
      await database.close();
    }

    const noFlag = await caucus('db', 'reset');
    expect(noFlag.code).toBe(1);
    expect(noFlag.stderr).toContain('--yes-really');

    const reset = await caucus('db', 'reset', '--yes-really');
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/Reset the embedded database .*migration\(s\) applied/);

    // A fresh database holds no real data: no --force needed.
    const fresh = await caucus('seed', '--demo');
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('14 demo user(s)');
  });
});
