import type { Command } from 'commander';

export function serveCommand(program: Command) {
  program
    .command('serve')
    .description('Run the HTTP server, job workers and schedules (migrates first)')
    .action(async () => {
      const { serve } = await import('../main.ts');
      await serve();
    });
}
