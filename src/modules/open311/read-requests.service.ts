// GET /requests, /requests/{id}, /tokens/{token} and the FixMyStreet-style /servicerequestupdates feed.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';
import { open311BadRequest, open311NotFound } from './open311-errors.ts';
import { presentExtensions, presentRequest } from './request.presenter.ts';
import { parseRequestQuery, parseW3cDate, type RawQuery } from './request-query.ts';
import { findRequestByNumber, findRequests, historyOf, type RequestRow } from './requests.queries.ts';
import { open311Status } from './status-mapping.ts';

async function present(db: Db, found: RequestRow[], publicUrl: string, extensions: boolean) {
  const history = extensions
    ? await historyOf(
        db,
        found.map((r) => r.id),
      )
    : null;
  return found.map((row) => ({
    ...presentRequest(row, publicUrl),
    ...(history ? presentExtensions(row, history.get(row.id) ?? [], publicUrl) : {}),
  }));
}

export async function listRequests(db: Db, raw: RawQuery, publicUrl: string) {
  const parsed = parseRequestQuery(raw);
  if ('errors' in parsed) throw open311BadRequest(...parsed.errors);
  return present(db, await findRequests(db, parsed.query), publicUrl, parsed.query.extensions);
}

export async function getRequest(db: Db, id: string, extensions: boolean, publicUrl: string) {
  const row = /^[A-Za-z0-9_-]{1,50}$/.test(id) ? await findRequestByNumber(db, id) : undefined;
  if (!row) throw open311NotFound(`service_request_id ${JSON.stringify(id.slice(0, 60))} not found`);
  return present(db, [row], publicUrl, extensions);
}

export async function getToken(db: Db, token: string) {
  const row = /^[A-Za-z0-9_-]{16,64}$/.test(token)
    ? await one<{ token: string; report_number: string | null }>(
        db,
        sql`SELECT t.token, r.report_number FROM reports.open311_tokens t
            LEFT JOIN reports.reports r ON r.id = t.report_id WHERE t.token = ${token}`,
      )
    : undefined;
  if (!row) throw open311NotFound(`token ${JSON.stringify(token.slice(0, 70))} not found`);
  return [{ service_request_id: row.report_number, token: row.token }];
}

/** Status changes of public requests in a window (default: the last 24 hours, at most 90 days). */
export async function listUpdates(db: Db, raw: RawQuery) {
  const start = raw.start_date?.trim() ? parseW3cDate(raw.start_date) : undefined;
  const end = raw.end_date?.trim() ? parseW3cDate(raw.end_date) : undefined;
  if (start === null || end === null) throw open311BadRequest('start_date and end_date must be W3C date-times');
  const to = end ?? new Date();
  const from = start ?? new Date(to.getTime() - 24 * 3600 * 1000);
  if (from > to) throw open311BadRequest('start_date must be before end_date');
  if (to.getTime() - from.getTime() > 90 * 24 * 3600 * 1000) {
    throw open311BadRequest('start_date and end_date may be at most 90 days apart');
  }
  const found = await rows<{
    id: number;
    report_id: number;
    report_number: string;
    new_status: string;
    notes: string | null;
    changed_at: string;
  }>(
    db,
    sql`SELECT h.id, h.report_id, r.report_number, h.new_status, h.notes, h.changed_at
        FROM reports.report_status_history h JOIN reports.reports r ON r.id = h.report_id
        LEFT JOIN reports.categories c ON c.code = r.category
        WHERE r.is_public AND NOT r.is_sensitive AND r.report_number IS NOT NULL AND COALESCE(c.is_public, true)
          AND h.changed_at >= ${from.toISOString()}::timestamptz AND h.changed_at <= ${to.toISOString()}::timestamptz
        ORDER BY h.changed_at, h.id LIMIT 1000`,
  );
  return found.map((h) => ({
    update_id: String(h.id),
    service_request_id: h.report_number,
    status: open311Status(h.new_status),
    updated_datetime: iso(h.changed_at),
    description: h.notes,
    media_url: null,
    external_status_code: h.new_status,
  }));
}
