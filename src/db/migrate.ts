// Forward-only SQL migrations from migrations/*.sql, the same files on PGlite and PostgreSQL.
// Each file runs in its own transaction and is recorded in core.schema_migrations with its checksum.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {}

/** Applies pending migrations; returns the names applied. onProgress is called after each one. */
export async function migrate(
  database: Database,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<string[]> {
  // On PostgreSQL everything runs on one pooled connection, which holds the advisory lock.
  const client = database.pool ? await database.pool.connect() : undefined;
  const run = {
    exec: async (text: string) => {
      if (client) await client.query(text);
      else await database.exec(text);
    },
    query: async <T>(text: string) =>
      (client ? (await client.query(text)).rows : (await database.query(text)).rows) as T[],
  };
  try {
    return await migrateWith(run, onProgress);
  } finally {
    client?.release();
  }
}

interface Runner {
  exec(text: string): Promise<void>;
  query<T>(text: string): Promise<T[]>;
}

async function migrateWith(
  database: Runner,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<string[]> {
  await database.exec(`
    CREATE SCHEMA IF NOT EXISTS core;
    CREATE TABLE IF NOT EXISTS core.schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  // Two processes starting at once against one PostgreSQL must not both migrate.
  await database.exec('SELECT pg_advisory_lock(72736100)');
  try {
    const applied = new Map(
      (
        await database.query<{ name: string; checksum: string }>('SELECT name, checksum FROM core.schema_migrations')
      ).map((r) => [r.name, r.checksum]),
    );
    const all = listMigrations();
    for (const m of all) {
      const known = applied.get(m.name);
      if (known && known !== m.checksum) {
        throw new MigrationError(`migration ${m.name} was changed after it was applied; add a new migration instead`);
      }
    }
    const pending = all.filter((m) => !applied.has(m.name));
    const done: string[] = [];
    for (const m of pending) {
      try {
        await database.exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO core.schema_migrations(name, checksum) VALUES ('${m.name}', '${m.checksum}');\nCOMMIT;`,
        );
      } catch (err) {
        await database.exec('ROLLBACK').catch(() => {});
        throw new MigrationError(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      done.push(m.name);
      onProgress?.(done.length, pending.length, m.name);
    }
    return done;
  } finally {
    await database.exec('SELECT pg_advisory_unlock(72736100)');
  }
}
