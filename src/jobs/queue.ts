// The one job queue: pg-boss on PostgreSQL and on embedded PGlite, fed by the registry of job definitions.
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../modules/mail/mailer.ts';

/** What a job may use besides its payload; jobs that send mail get the mailer and the public URL for links. */
export interface JobServices {
  mail?: Mailer;
  publicUrl?: string;
}

export interface JobContext extends JobServices {
  database: Database;
  log: Logger;
}

/** A job is a definition: name, handler, retry policy, and optionally a cron schedule. */
export interface JobDefinition<P = Record<string, unknown>> {
  name: string;
  handler: (payload: P, context: JobContext) => Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Cron expression (UTC) for scheduled jobs. */
  cron?: string;
  /** Singleton work: at most one job of this name queued at a time. */
  singleton?: boolean;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export interface Jobs {
  /** Enqueue a job. Call after the transaction that made the work has committed. */
  send(name: string, payload?: Record<string, unknown>): Promise<string | null>;
  /** Runs a registered job's handler now, in this process (CLI and tests). */
  runNow(name: string, payload?: Record<string, unknown>): Promise<void>;
  definitions: Map<string, JobDefinition<any>>;
  started: boolean;
  stop(): Promise<void>;
}

export interface JobsOptions {
  database: Database;
  log: Logger;
  definitions: JobDefinition<any>[];
  /** Start workers and cron schedules; otherwise send() only records jobs. */
  work: boolean;
  services?: JobServices;
}

function bossFor(database: Database): PgBoss {
  const common = { schema: 'pgboss', supervise: true, schedule: true };
  if (database.pool) {
    return new PgBoss({ ...common, db: { executeSql: (text, values) => database.query(text, values) } });
  }
  // PGlite is one connection: keep polling gentle.
  return new PgBoss({
    ...common,
    db: { executeSql: (text, values) => database.query(text, values) },
    maintenanceIntervalSeconds: 300,
    cronMonitorIntervalSeconds: 30,
  });
}

export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { database, log } = options;
  const definitions = new Map(options.definitions.map((d) => [d.name, d]));
  const boss = bossFor(database);
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const d of definitions.values()) {
    await boss.createQueue(d.name, {
      name: d.name,
      retryLimit: d.retryLimit ?? 3,
      retryDelay: d.retryDelaySeconds ?? 30,
      retryBackoff: true,
      policy: d.singleton ? 'singleton' : 'standard',
    });
  }
  const context: JobContext = { ...options.services, database, log };
  if (options.work) {
    for (const d of definitions.values()) {
      await boss.work(d.name, { pollingIntervalSeconds: database.pool ? 2 : 5 }, async (jobs) => {
        for (const job of jobs) {
          log.info({ job: d.name, id: job.id }, 'job started');
          await d.handler((job.data ?? {}) as any, context);
        }
      });
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: 'UTC' });
    }
  }
  let stopped = false;
  return {
    definitions,
    started: true,
    async send(name, payload = {}) {
      if (!definitions.has(name)) throw new Error(`Unknown job ${name}`);
      if (stopped) return null;
      return boss.send(name, payload);
    },
    async runNow(name, payload = {}) {
      const d = definitions.get(name);
      if (!d) throw new Error(`Unknown job ${name}`);
      await d.handler(payload, context);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Graceful: stop fetching, wait for running handlers; pg-boss returns unfinished jobs to the queue.
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}

/** A queue that records nothing and runs jobs only when asked (CLI commands that do not serve). */
export function inlineJobs(
  database: Database,
  log: Logger,
  definitions: JobDefinition<any>[],
  services: JobServices = {},
): Jobs {
  const map = new Map(definitions.map((d) => [d.name, d]));
  return {
    definitions: map,
    started: false,
    async send(name, payload = {}) {
      await this.runNow(name, payload);
      return null;
    },
    async runNow(name, payload = {}) {
      const d = map.get(name);
      if (!d) throw new Error(`Unknown job ${name}`);
      await d.handler(payload, { ...services, database, log });
    },
    async stop() {},
  };
}
