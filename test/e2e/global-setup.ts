// The browser tests' servers run on PostgreSQL when TEST_DATABASE_URL is set (as in CI), each on a database of its
// own cloned from one migrated template made here; without it (or when a file asks for it) on the embedded one.
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `caucus_e2e_tpl_${process.pid}`;
  const admin = await openPostgres(url, 1);
  await admin.exec(`DROP DATABASE IF EXISTS ${template}`);
  await admin.exec(`CREATE DATABASE ${template}`);
  const target = new URL(url);
  target.pathname = `/${template}`;
  const db = await openPostgres(target.toString(), 2);
  await migrate(db);
  await db.close();
  project.provide('e2ePostgresTemplate', template);
  return async () => {
    await admin.exec(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2ePostgresTemplate?: string;
  }
}
