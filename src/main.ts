// The process: config, database, migrations, jobs, HTTP; closed in order on SIGTERM/SIGINT.
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { preflight } from './db/preflight.ts';
import { startJobs } from './jobs/queue.ts';
import { createLogger } from './logger.ts';
import { ensureFirstAdmin } from './modules/identity/first-admin.ts';
import { loadSecrets } from './modules/identity/secrets.ts';
import { jobDefinitions } from './modules/index.ts';
import { createMailer } from './modules/mail/mailer.ts';

export async function serve() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config);
  await preflight(database);
  const applied = await migrate(database);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const secrets = loadSecrets(config);
  const mail = createMailer({ database, smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const jobs = await startJobs({
    database,
    log,
    definitions: jobDefinitions,
    work: config.jobsEnabled,
    services: { mail, publicUrl: config.publicUrl },
  });
  const app = await buildApp({ config, database, secrets, mail, jobs, log });
  const firstAdmin = await ensureFirstAdmin(database.db);
  await app.listen({ host: config.host, port: config.port });
  const where = config.publicUrl;
  process.stdout.write(
    `\nCaucus is running at ${where} (database: ${database.engine}${config.databaseUrl ? '' : `, data in ${config.dataDir}`})\n`,
  );
  if (firstAdmin) {
    process.stdout.write(
      `\nFirst start: an admin account was created.\n  Sign in at ${where}/login as "${firstAdmin.username}" with password: ${firstAdmin.password}\n` +
        '  Then set up two-factor authentication under My account.\n' +
        '  This password is shown once; to reset it run: npx caucus users set-password --username admin\n\n',
    );
  }

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 30_000);
    try {
      await app.close();
      await jobs.stop();
      await mail.close();
      await database.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
}
