// The reports module's scheduled jobs.
import { defineJob, type JobDefinition } from '../../../jobs/queue.ts';
import { sendPendingNotifications } from '../notifications.ts';
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
  // Reporters' notifications that their settings send by email or SMS go to the mail outbox.
  defineJob({
    name: 'reports.notifications.send',
    cron: '* * * * *',
    singleton: true,
    retryLimit: 2,
    handler: async (_payload, { database, log, mail, publicUrl }) => {
      if (!mail) throw new Error('reports.notifications.send needs the mailer');
      const sent = await sendPendingNotifications(database.db, mail, publicUrl ?? '');
      if (sent > 0) log.info({ job: 'reports.notifications.send', sent }, 'notifications queued for delivery');
    },
  }),
];
