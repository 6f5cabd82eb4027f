// Builds the migrated template every test file's database is cloned from:
// a PGlite data-dir dump for the embedded engine, a template database on PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createMigratedTemplate } from './postgres-databases.ts';

export const tmpDir = path.resolve('.tmp');

export function engine(): 'pglite' | 'postgres' {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export default async function setup(project: TestProject) {
  fs.mkdirSync(tmpDir, { recursive: true });
  if (engine() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL');
    const template = `caucus_tpl_${process.pid}`;
    const drop = await createMigratedTemplate(url, template);
    project.provide('template', template);
    return drop;
  }
  const db = await openPglite({});
  await migrate(db);
  const dump = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  const file = path.join(tmpDir, `pglite-template-${process.pid}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('template', file);
  return () => fs.rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: string;
  }
}
