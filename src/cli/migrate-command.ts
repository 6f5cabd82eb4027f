import type { Command } from 'commander';
import { listMigrations } from '../db/migrate.ts';
import { migrate } from '../db/migrate.ts';
import { progressBar } from './progress.ts';
import { withDeps } from './context.ts';

export function migrateCommand(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this at start)')
    .action(async () => {
      await withDeps(
        async ({ database }) => {
          const bar = progressBar('migrate', 'migrations');
          bar.start(listMigrations().length);
          const applied = await migrate(database, (done) => bar.update(done));
          bar.stop();
          process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'Database is up to date.\n');
        },
        { migrate: false },
      );
    });
}
