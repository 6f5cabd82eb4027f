// `caucus`: serve, migrate, users, seed, import. Commands reuse the services, never HTTP.
import { Command } from 'commander';
import { registerCommands } from './commands.ts';

const program = new Command();
program.name('caucus').description('Caucus civic organizing platform').showHelpAfterError();
registerCommands(program);
program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`caucus: ${err.message}\n`);
  process.exit(1);
});
