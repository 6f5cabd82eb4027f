// The reports module's scheduled jobs.
import { defineJob, type JobDefinition } from '../../../jobs/queue.ts';
import { runEscalationCheck } from './escalation-check.ts';

export const reportsJobs: JobDefinition<any>[] = [
  defineJob({
    name: 'reports.escalations.check',
    cron: '*/15 * * * *',
    singleton: true,
    retryLimit: 2,
    handler: async (_payload, { database, log }) => {
      const result = await runEscalationCheck(database.db);
      log.info({ job: 'reports.escalations.check', ...result }, 'escalation check done');
    },
  }),
];
