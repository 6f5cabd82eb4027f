// What every module gives the app: its routes and its jobs. The module list lives in src/modules/index.ts.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobDefinition, Jobs } from '../jobs/queue.ts';
import type { Logger } from '../logger.ts';
import type { Secrets } from './identity/secrets.ts';
import type { Mailer } from './mail/mailer.ts';

/** Everything a route or job needs, built once by main.ts (or the test harness) and passed down. */
export interface AppDeps {
  config: Config;
  database: Database;
  secrets: Secrets;
  mail: Mailer;
  jobs: Jobs;
  log: Logger;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface Module {
  name: string;
  /** Registers the module's routes in an encapsulated scope. */
  routes?: (app: App, deps: AppDeps) => Promise<void> | void;
  jobs?: JobDefinition<any>[];
}
