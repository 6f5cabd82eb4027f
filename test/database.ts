// A database of its own for each test file, cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export async function openTestDatabase(): Promise<Database> {
  const template = inject('template');
  if (testEngine() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `caucus_t_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres(url, 1);
    await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.close();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openPostgres(target.toString(), 5);
    const close = database.close;
    database.close = async () => {
      await close();
      const again = await openPostgres(url, 1);
      await again.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.close();
    };
    return database;
  }
  const blob = new Blob([fs.readFileSync(template)]);
  return openPglite({ loadDataDir: blob });
}
