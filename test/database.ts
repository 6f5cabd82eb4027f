// A database of its own for each test file, cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { cloneDatabase } from './postgres-databases.ts';

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export async function openTestDatabase(): Promise<Database> {
  const template = inject('template');
  if (testEngine() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const clone = await cloneDatabase(url, template, `caucus_t_${randomBytes(6).toString('hex')}`);
    const database = await openPostgres(clone.url, 5);
    const close = database.close;
    database.close = async () => {
      await close();
      await clone.drop();
    };
    return database;
  }
  const blob = new Blob([fs.readFileSync(template)]);
  return openPglite({ loadDataDir: blob });
}
