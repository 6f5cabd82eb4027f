// The command list. Each module's commands live in its own file and are added here.
import type { Command } from 'commander';
import { dbCommand } from './db-command.ts';
import { importCommand } from './import-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { seedCommand } from './seed-command.ts';
import { serveCommand } from './serve-command.ts';
import { usersCommand } from './users-command.ts';

export function registerCommands(program: Command) {
  serveCommand(program);
  migrateCommand(program);
  usersCommand(program);
  seedCommand(program);
  dbCommand(program);
  importCommand(program);
}
