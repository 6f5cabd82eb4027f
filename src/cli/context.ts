// What a CLI command needs: config, a migrated database, the mailer and inline jobs. No HTTP.
import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { preflight } from '../db/preflight.ts';
import { inlineJobs } from '../jobs/queue.ts';
import { createLogger } from '../logger.ts';
import { jobDefinitions } from '../modules/index.ts';
import { loadSecrets } from '../modules/identity/secrets.ts';
import { createMailer } from '../modules/mail/mailer.ts';
import type { AppDeps } from '../modules/module.ts';

export async function withDeps<T>(fn: (deps: AppDeps) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config: Config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database: Database = await openDatabase(config);
  try {
    await preflight(database);
    if (options.migrate !== false) await migrate(database);
    const mail = createMailer({ database, smtpUrl: config.smtpUrl, from: config.mailFrom, log });
    const deps: AppDeps = {
      config,
      database,
      secrets: loadSecrets(config),
      mail,
      jobs: inlineJobs(database, log, jobDefinitions, { mail, publicUrl: config.publicUrl }),
      log,
    };
    try {
      return await fn(deps);
    } finally {
      await mail.deliverQueued();
      await mail.close();
    }
  } finally {
    await database.close();
  }
}
