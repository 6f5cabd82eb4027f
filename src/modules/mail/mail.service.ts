import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';

export interface OutboxFilter {
  channel?: 'email' | 'sms';
  status?: string;
  to?: string;
  page: number;
  per_page: number;
}

export async function listOutbox(db: Db, filter: OutboxFilter) {
  const where = sql.join(
    [
      sql`true`,
      filter.channel ? sql`channel = ${filter.channel}` : undefined,
      filter.status ? sql`status = ${filter.status}` : undefined,
      filter.to ? sql`lower(to_address) = lower(${filter.to})` : undefined,
    ].filter(Boolean) as ReturnType<typeof sql>[],
    sql` AND `,
  );
  const found = await rows<any>(
    db,
    sql`SELECT id, channel, to_address, subject, text_body, template, status, transport, error, created_at, sent_at,
               count(*) OVER () AS total
        FROM mail.outbox WHERE ${where}
        ORDER BY id DESC LIMIT ${filter.per_page} OFFSET ${(filter.page - 1) * filter.per_page}`,
  );
  return {
    messages: found.map(({ total: _t, ...m }) => ({ ...m, created_at: iso(m.created_at), sent_at: iso(m.sent_at) })),
    total: found[0]?.total ?? 0,
    page: filter.page,
    per_page: filter.per_page,
  };
}
