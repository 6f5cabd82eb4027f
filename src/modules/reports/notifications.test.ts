// A reporter hears of every change someone else makes to their report: in the app always, by email and SMS when
// their settings say so (through the mail outbox), never about their own moves; the inbox is theirs alone.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let reporter: Person;
let quiet: Person;
let dept: number;
beforeAll(async () => {
  t = await startTestApp({ publicUrl: 'https://caucus.example.org' });
  dept = await department(t, 'pothole, road');
  admin = await person(t, 'admin');
  reporter = await person(t, 'citizen', {
    email: 'reporter@example.org',
    phone: '+919876543210',
    email_notifications: true,
    sms_notifications: true,
  });
  quiet = await person(t, 'citizen'); // default settings: no email or SMS
});
afterAll(() => t.close());

const call = (who: Person, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

async function file(who: Person, title: string): Promise<{ id: number; report_number: string }> {
  const res = await call(who, 'POST', '/api/v1/reports', reportBody({ title }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().report;
}

async function move(id: number, action: string, payload: Record<string, unknown>) {
  const res = await call(admin, 'POST', `/api/v1/reports/${id}/${action}`, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

const inbox = async (who: Person, query = '') => {
  const res = await call(who, 'GET', `/api/v1/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('report notifications', () => {
  it('tells the reporter of each status change and progress note, newest first, and sends them by email and SMS', async () => {
    const report = await file(reporter, 'Broken culvert near the school');
    expect((await inbox(reporter)).total).toBe(0); // filing it is their own move

    await move(report.id, 'assign-department', { department_id: dept });
    await move(report.id, 'add-update', { notes: 'Inspection booked for Monday' });

    const mine = await inbox(reporter);
    expect(mine).toMatchObject({ total: 2, unread_count: 2, page: 1 });
    expect(mine.notifications.map((n: { kind: string }) => n.kind)).toEqual(['progress_update', 'status_changed']);
    expect(mine.notifications[1]).toMatchObject({
      report_id: report.id,
      title: `Your report ${report.report_number} is now assigned to department`,
      read_at: null,
    });
    expect(mine.notifications[0].body).toContain('Note: Inspection booked for Monday');
    // Who made the change is not told to the citizen.
    expect(JSON.stringify(mine)).not.toMatch(/admin/i);
    expect((await inbox(admin)).total).toBe(0);

    await t.deps.jobs.runNow('reports.notifications.send');
    const outbox = await rows<{ channel: string; to_address: string; subject: string | null; text_body: string }>(
      t.database.db,
      sql`SELECT channel, to_address, subject, text_body FROM mail.outbox
          WHERE template = 'report_notification' ORDER BY id`,
    );
    expect(outbox.map((m) => `${m.channel} ${m.to_address}`)).toEqual([
      'email reporter@example.org',
      'sms +919876543210',
      'email reporter@example.org',
      'sms +919876543210',
    ]);
    expect(outbox[0].subject).toBe(`Your report ${report.report_number} is now assigned to department`);
    expect(outbox[0].text_body).toContain(`https://caucus.example.org/reports/mine/${report.id}`);
    // Sent once: a second run finds nothing pending.
    await t.deps.jobs.runNow('reports.notifications.send');
    const again = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM mail.outbox WHERE template = 'report_notification'`,
    );
    expect(again!.n).toBe(4);
  });

  it('keeps to the app for a reporter whose settings send nothing', async () => {
    const report = await file(quiet, 'Streetlight flickering all night');
    await move(report.id, 'assign-department', { department_id: dept });
    expect((await inbox(quiet)).total).toBe(1);
    const status = await one<{ email_status: string; sms_status: string }>(
      t.database.db,
      sql`SELECT email_status, sms_status FROM reports.notifications WHERE report_id = ${report.id}`,
    );
    expect(status).toEqual({ email_status: 'skipped', sms_status: 'skipped' });
  });

  it('marks one or all read, only the owner can, and lists unread ones on their own', async () => {
    const mine = await inbox(reporter);
    const [first] = mine.notifications;
    const other = await call(quiet, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');

    const read = await call(reporter, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().notification.read_at).toEqual(expect.any(String));
    expect((await inbox(reporter, '?unread=true')).total).toBe(mine.total - 1);

    const all = await call(reporter, 'POST', '/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ marked: mine.total - 1 });
    expect(await inbox(reporter, '?unread=true')).toMatchObject({ total: 0, unread_count: 0 });
    expect((await inbox(quiet)).unread_count).toBe(1); // someone else's inbox is untouched

    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });
});
