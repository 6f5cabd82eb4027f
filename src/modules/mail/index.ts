// mail (core): the outbox of every email and SMS, delivery by SMTP, and the outbox screen's API.
import { defineJob } from '../../jobs/queue.ts';
import type { Module } from '../module.ts';
import { mailRoutes } from './mail.routes.ts';

export const mailModule: Module = {
  name: 'mail',
  routes: mailRoutes,
  jobs: [
    // Sweeps mail that a crashed process left queued or claimed.
    defineJob({
      name: 'mail.deliver',
      cron: '* * * * *',
      singleton: true,
      handler: async (_payload, { database }) => {
        await database.exec(
          "UPDATE mail.outbox SET status = 'queued' WHERE status = 'sending' AND created_at < now() - interval '10 minutes'",
        );
      },
    }),
  ],
};
