// Throwaway PostgreSQL databases for the tests: one migrated template per run, and a clone of it per test file
// (integration tests) or per server (browser tests). CREATE DATABASE … TEMPLATE copies files: far faster than
// migrating each one.
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

/** `url` with another database name. */
export function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Creates the database `name` (dropped first if a crashed run left it), migrated; returns how to drop it. */
export async function createMigratedTemplate(url: string, name: string): Promise<() => Promise<void>> {
  const admin = await openPostgres(url, 1);
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const db = await openPostgres(withDatabase(url, name), 2);
  await migrate(db);
  await db.close();
  return async () => {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  };
}

/** A new database `name` copied from `template`: its URL and how to drop it. */
export async function cloneDatabase(url: string, template: string, name: string) {
  const admin = await openPostgres(url, 1);
  try {
    await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.close();
  }
  return {
    url: withDatabase(url, name),
    async drop() {
      const again = await openPostgres(url, 1);
      try {
        await again.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.close();
      }
    },
  };
}
