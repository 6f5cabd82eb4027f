// One mail path: every email and SMS is written to mail.outbox inside the caller's transaction, then
// delivered after commit: by SMTP when SMTP_URL is set; otherwise kept in the outbox for the web app.
// SMS goes through an adapter; the only local adapter ("outbox") keeps the message in the outbox.
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { one, rows, type Database, type Db } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  template?: string;
}

export interface SmsMessage {
  to: string;
  text: string;
  template?: string;
}

export interface Mailer {
  /** Writes an email to the outbox in the caller's transaction; returns the outbox id. */
  queueEmail(db: Db, message: EmailMessage): Promise<number>;
  queueSms(db: Db, message: SmsMessage): Promise<number>;
  /** Delivers queued email now; returns how many were sent. Safe to call concurrently. */
  deliverQueued(): Promise<number>;
  /** Ask for delivery soon (after the current transaction has committed). */
  kick(): void;
  close(): Promise<void>;
}

export interface MailerOptions {
  database: Database;
  smtpUrl?: string;
  from: string;
  log: Logger;
}

export function createMailer(options: MailerOptions): Mailer {
  const { database, from, log } = options;
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  let delivering: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function suppressed(db: Db, address: string) {
    return !!(await one(db, sql`SELECT 1 FROM mail.suppressions WHERE lower(address) = lower(${address})`));
  }

  async function deliverBatch(): Promise<number> {
    if (!transport) return 0;
    let sent = 0;
    for (;;) {
      // Claim a batch so two deliverers never send the same message.
      const batch = await rows<{
        id: number;
        to_address: string;
        subject: string;
        text_body: string;
        html_body: string | null;
      }>(
        database.db,
        sql`UPDATE mail.outbox SET attempts = attempts + 1, status = 'sending'
            WHERE id IN (SELECT id FROM mail.outbox WHERE status = 'queued' AND channel = 'email'
                         ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING id, to_address, subject, text_body, html_body`,
      );
      if (batch.length === 0) return sent;
      for (const m of batch) {
        try {
          const info = await transport.sendMail({
            from,
            to: m.to_address,
            subject: m.subject,
            text: m.text_body,
            html: m.html_body ?? undefined,
          });
          await database.db.execute(
            sql`UPDATE mail.outbox SET status = 'sent', transport = 'smtp', message_id = ${info.messageId ?? null},
                sent_at = now(), error = NULL WHERE id = ${m.id}`,
          );
          sent++;
        } catch (err) {
          log.warn({ outboxId: m.id, err: (err as Error).message }, 'email delivery failed');
          await database.db.execute(
            sql`UPDATE mail.outbox SET status = CASE WHEN attempts >= 5 THEN 'failed' ELSE 'queued' END,
                error = ${(err as Error).message.slice(0, 500)} WHERE id = ${m.id}`,
          );
          return sent;
        }
      }
    }
  }

  return {
    async queueEmail(db, message) {
      const status = (await suppressed(db, message.to)) ? 'suppressed' : transport ? 'queued' : 'kept';
      const row = await one<{ id: number }>(
        db,
        sql`INSERT INTO mail.outbox (channel, to_address, from_address, subject, text_body, html_body, template, status, transport)
            VALUES ('email', ${message.to}, ${from}, ${message.subject}, ${message.text}, ${message.html ?? null},
                    ${message.template ?? null}, ${status}, ${transport ? null : 'outbox'})
            RETURNING id`,
      );
      return row!.id;
    },
    async queueSms(db, message) {
      const status = (await suppressed(db, message.to)) ? 'suppressed' : 'kept';
      const row = await one<{ id: number }>(
        db,
        sql`INSERT INTO mail.outbox (channel, to_address, text_body, template, status, transport, sent_at)
            VALUES ('sms', ${message.to}, ${message.text}, ${message.template ?? null}, ${status}, 'outbox', now())
            RETURNING id`,
      );
      return row!.id;
    },
    deliverQueued() {
      if (!delivering) {
        delivering = deliverBatch().finally(() => {
          delivering = null;
        });
      }
      return delivering;
    },
    kick() {
      if (!transport || timer) return;
      timer = setTimeout(() => {
        timer = null;
        this.deliverQueued().catch((err) => log.error({ err }, 'email delivery failed'));
      }, 10);
    },
    async close() {
      if (timer) clearTimeout(timer);
      await delivering;
      transport?.close();
    },
  };
}
