// The command list. Each module's commands live in its own file and are added here.
import type { Command } from 'commander';
import { importCommand } from './import-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { serveCommand } from './serve-command.ts';

export function registerCommands(program: Command) {
  serveCommand(program);
  migrateCommand(program);
  importCommand(program);
}
