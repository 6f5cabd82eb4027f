// The app under test: a real database of its own, real mailer (outbox, or SMTP when given), jobs run inline.
import { type BuildOptions, buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { inlineJobs } from '../src/jobs/queue.ts';
import { createLogger } from '../src/logger.ts';
import { jobDefinitions } from '../src/modules/index.ts';
import { deriveSecrets } from '../src/modules/identity/secrets.ts';
import { createMailer } from '../src/modules/mail/mailer.ts';
import type { App, AppDeps } from '../src/modules/module.ts';
import { openTestDatabase } from './database.ts';

export interface TestContext {
  app: App;
  deps: AppDeps;
  database: Database;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      CAUCUS_DATA_DIR: '.tmp/data',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '100000',
      AUTH_RATE_LIMIT_MAX: '100000',
      JOBS_ENABLED: 'false',
    } as NodeJS.ProcessEnv),
    ...overrides,
  };
}

export async function startTestApp(
  overrides: Partial<Config> = {},
  database?: Database,
  options: BuildOptions = {},
): Promise<TestContext> {
  const config = testConfig(overrides);
  const db = database ?? (await openTestDatabase());
  const log = createLogger(config.logLevel);
  const mail = createMailer({ database: db, smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const deps: AppDeps = {
    config,
    database: db,
    secrets: deriveSecrets('test-secret-test-secret-test-secret-0123456789'),
    mail,
    jobs: inlineJobs(db, log, jobDefinitions, { mail, publicUrl: config.publicUrl }),
    log,
  };
  const app = await buildApp(deps, options);
  await app.ready();
  return {
    app,
    deps,
    database: db,
    async close() {
      await app.close();
      await mail.close();
      await db.close();
    },
  };
}
