// What a reporter is told about their reports (CiviLens HEAD's notifications): every status change or progress
// note someone else makes writes one reports.notifications row in the same transaction (the in-app inbox), marked
// for email and SMS by the reporter's settings; sendPendingNotifications() (the reports.notifications.send job)
// puts those in the mail outbox. A citizen is told the change and the public notes, never who made it.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { one, rows } from '../../db/client.ts';
import { pageOffset } from '../../http/presenters.ts';
import type { Notification } from '../../shared/notification.ts';
import type { Mailer } from '../mail/mailer.ts';
import { presentRow, presentRows } from './row.presenter.ts';

const label = (status: string) => status.replaceAll('_', ' ');

/** Called by recordStatusChange: one notification for the report's reporter, unless they made the change. */
export async function notifyReporter(
  tx: Db,
  actorUserId: number | null,
  change: { reportId: number; from: string | null; to: string; notes?: string | null },
) {
  const report = await one<{
    user_id: number;
    title: string;
    report_number: string | null;
    email_ok: boolean;
    sms_ok: boolean;
  }>(
    tx,
    sql`SELECT r.user_id, r.title, r.report_number,
          (u.email_notifications AND u.email IS NOT NULL) AS email_ok,
          (u.sms_notifications AND u.phone IS NOT NULL) AS sms_ok
        FROM reports.reports r JOIN identity.users u ON u.id = r.user_id
        WHERE r.id = ${change.reportId} AND u.is_active`,
  );
  // The reporter's own moves (filing it, an appeal they won) need no message; nor does creation (no "from").
  if (!report || report.user_id === actorUserId || change.from === null) return;
  const name = report.report_number ?? `#${change.reportId}`;
  const progress = change.from === change.to;
  const title = progress ? `Progress on your report ${name}` : `Your report ${name} is now ${label(change.to)}`;
  const lines = [
    progress
      ? `There is news on "${report.title}".`
      : `"${report.title}" moved from ${label(change.from)} to ${label(change.to)}.`,
  ];
  if (change.notes) lines.push(`Note: ${change.notes}`);
  await tx.execute(
    sql`INSERT INTO reports.notifications (user_id, report_id, kind, title, body, email_status, sms_status)
        VALUES (${report.user_id}, ${change.reportId}, ${progress ? 'progress_update' : 'status_changed'},
                ${title.slice(0, 255)}, ${lines.join('\n')},
                ${report.email_ok ? 'pending' : 'skipped'}, ${report.sms_ok ? 'pending' : 'skipped'})`,
  );
}

/** Puts the notifications still to be emailed or texted into the mail outbox; returns how many messages. */
export async function sendPendingNotifications(db: Db, mail: Mailer, publicUrl: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await rows<{
        id: number;
        report_id: number | null;
        title: string;
        body: string;
        email: string | null;
        phone: string | null;
        email_status: string;
        sms_status: string;
      }>(
        tx,
        sql`SELECT n.id, n.report_id, n.title, n.body, u.email::text AS email, u.phone, n.email_status, n.sms_status
            FROM reports.notifications n JOIN identity.users u ON u.id = n.user_id
            WHERE n.email_status = 'pending' OR n.sms_status = 'pending'
            ORDER BY n.id LIMIT 100 FOR UPDATE OF n SKIP LOCKED`,
      );
      for (const n of due) {
        const link = n.report_id ? `${publicUrl}/reports/mine/${n.report_id}` : publicUrl;
        if (n.email_status === 'pending' && n.email) {
          await mail.queueEmail(tx, {
            to: n.email,
            subject: n.title,
            text: `${n.body}\n\nSee your report: ${link}\n\nYou get these emails because email notifications are on in your account settings.`,
            template: 'report_notification',
          });
          sent++;
        }
        if (n.sms_status === 'pending' && n.phone) {
          await mail.queueSms(tx, { to: n.phone, text: `${n.title}. ${link}`, template: 'report_notification' });
          sent++;
        }
        await tx.execute(
          sql`UPDATE reports.notifications
              SET email_status = CASE WHEN email_status = 'pending' THEN ${n.email ? 'sent' : 'skipped'} ELSE email_status END,
                  sms_status = CASE WHEN sms_status = 'pending' THEN ${n.phone ? 'sent' : 'skipped'} ELSE sms_status END
              WHERE id = ${n.id}`,
        );
      }
      return due.length;
    });
    if (batch === 0) break;
  }
  if (sent > 0) mail.kick();
  return sent;
}

/** A notification row as the routes answer it (timestamps as ISO strings once presented). */
export type NotificationRow = Notification & Record<string, unknown>;

export interface NotificationQuery {
  unread?: boolean;
  page: number;
  per_page: number;
}

/** The caller's inbox, newest first, with the unread count. */
export async function listNotifications(db: Db, userId: number, q: NotificationQuery) {
  const unreadOnly = q.unread ? sql`AND read_at IS NULL` : sql``;
  const [page, counts] = await Promise.all([
    rows<NotificationRow>(
      db,
      sql`SELECT id, report_id, kind, title, body, read_at, created_at FROM reports.notifications
          WHERE user_id = ${userId} ${unreadOnly}
          ORDER BY created_at DESC, id DESC LIMIT ${q.per_page} OFFSET ${pageOffset(q.page, q.per_page)}`,
    ),
    one<{ total: number; unread: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE true ${unreadOnly})::int AS total,
            count(*) FILTER (WHERE read_at IS NULL)::int AS unread
          FROM reports.notifications WHERE user_id = ${userId}`,
    ),
  ]);
  return { notifications: presentRows(page), total: counts?.total ?? 0, unread_count: counts?.unread ?? 0 };
}

/** Marks one of the caller's notifications read; null when it is not theirs (or does not exist). */
export async function markRead(db: Db, userId: number, id: number) {
  const row = await one<NotificationRow>(
    db,
    sql`UPDATE reports.notifications SET read_at = coalesce(read_at, CURRENT_TIMESTAMP)
        WHERE id = ${id} AND user_id = ${userId}
        RETURNING id, report_id, kind, title, body, read_at, created_at`,
  );
  return row ? presentRow(row) : null;
}

export async function markAllRead(db: Db, userId: number): Promise<number> {
  const done = await rows<{ id: number }>(
    db,
    sql`UPDATE reports.notifications SET read_at = CURRENT_TIMESTAMP
        WHERE user_id = ${userId} AND read_at IS NULL RETURNING id`,
  );
  return done.length;
}
