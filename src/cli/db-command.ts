// `caucus db reset --yes-really`: deletes every table and all data, then migrates a fresh database.
// PostgreSQL: drops every schema but the system's and public (where the extensions live) and re-creates them by
// migrating. PGlite: deletes the data directory's database (the instance secret stays).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { withDeps } from './context.ts';

export function dbCommand(program: Command) {
  const db = program.command('db').description('Database maintenance');

  db.command('reset')
    .description('Delete all data and re-create the database (needs --yes-really)')
    .option('--yes-really', 'confirm that every table and all data will be deleted')
    .action(async (options: { yesReally?: boolean }) => {
      const config = loadConfig();
      const where = config.databaseUrl
        ? `the PostgreSQL database ${new URL(config.databaseUrl).pathname.slice(1) || '(default)'} on ${new URL(config.databaseUrl).host}`
        : `the embedded database in ${path.join(config.dataDir, 'pgdata')}`;
      if (!options.yesReally) {
        throw new Error(`This deletes every table and all data in ${where}. Run again with --yes-really to do it.`);
      }
      if (!config.databaseUrl) fs.rmSync(path.join(config.dataDir, 'pgdata'), { recursive: true, force: true });
      await withDeps(
        async ({ database }) => {
          if (database.engine === 'postgres') {
            const { rows } = await database.query<{ nspname: string }>(
              `SELECT nspname FROM pg_namespace
               WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`,
            );
            for (const { nspname } of rows) {
              await database.exec(`DROP SCHEMA "${nspname.replace(/"/g, '""')}" CASCADE`);
            }
          }
          const applied = await migrate(database);
          process.stdout.write(`Reset ${where}: ${applied.length} migration(s) applied.\n`);
        },
        { migrate: false },
      );
    });
}
