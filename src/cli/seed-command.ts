// `caucus seed --demo [--force]`: loads every module's demo set (src/cli/demo/), through the services.
// It refuses a database that holds real data unless --force is given.
import type { Command } from 'commander';
import { withDeps } from './context.ts';
import { demoSets } from './demo/index.ts';
import { realDataReasons } from './demo/real-data.ts';
import { progressBar } from './progress.ts';

export function seedCommand(program: Command) {
  program
    .command('seed')
    .description('Load demo data (refuses a database that holds real data unless --force)')
    .option('--demo', 'load the demo data set of every module')
    .option('--force', 'load even though the database holds real data')
    .action(async (options: { demo?: boolean; force?: boolean }) => {
      if (!options.demo) throw new Error('Nothing to seed: pass --demo to load the demo data');
      await withDeps(async (deps) => {
        const reasons = await realDataReasons(deps.database.db);
        if (reasons.length > 0 && !options.force) {
          throw new Error(
            `This database holds real data (${reasons.join('; ')}); demo data was not loaded. ` +
              'Use a fresh database, or pass --force to load it anyway.',
          );
        }
        const bar = progressBar('seed', 'steps');
        bar.start(demoSets.reduce((sum, s) => sum + s.steps, 0));
        let done = 0;
        const lines: string[] = [];
        for (const set of demoSets) {
          lines.push(...(await set.load(deps, () => bar.update(++done))));
        }
        bar.stop();
        process.stdout.write(`${lines.join('\n')}\nDemo data loaded.\n`);
      });
    });
}
