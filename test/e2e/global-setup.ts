// The browser tests' servers run on PostgreSQL when TEST_DATABASE_URL is set (as in CI), each on a database of its
// own cloned from one migrated template made here; without it (or when a file asks for it) on the embedded one.
import type { TestProject } from 'vitest/node';
import { createMigratedTemplate } from '../postgres-databases.ts';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `caucus_e2e_tpl_${process.pid}`;
  const drop = await createMigratedTemplate(url, template);
  project.provide('e2ePostgresTemplate', template);
  return drop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2ePostgresTemplate?: string;
  }
}
