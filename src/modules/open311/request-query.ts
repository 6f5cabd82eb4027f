// GET /requests parameters: comma lists, W3C dates, the 90-day window and paging. Empty parameters are the
// same as absent ones (GeoReport v2: "optional" means an empty value is ignored). Pure: no database.
import type { Open311Status } from './status-mapping.ts';

export const maxWindowDays = 90;
export const maxRequests = 1000;
const dayMs = 24 * 60 * 60 * 1000;
const w3cDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface RequestQuery {
  /** When given, only these requests: every other filter is ignored. */
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: Open311Status[] | null;
  start: Date;
  end: Date;
  page: number;
  pageSize: number;
  extensions: boolean;
}

export type RawQuery = Record<string, string | undefined>;

const present = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

function list(v: string): string[] {
  return [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseW3cDate(v: string): Date | null {
  const s = v.trim();
  if (!w3cDate.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function positiveInt(v: string | undefined, name: string, max: number, errors: string[]): number | undefined {
  if (!present(v)) return undefined;
  if (!/^\d{1,7}$/.test(v.trim()) || Number(v) < 1 || Number(v) > max) {
    errors.push(`${name} must be a whole number from 1 to ${max}`);
    return undefined;
  }
  return Number(v);
}

/** The parsed query, or the errors (each a sentence naming the parameter). `now` is injectable for tests. */
export function parseRequestQuery(raw: RawQuery, now = new Date()): { query: RequestQuery } | { errors: string[] } {
  const errors: string[] = [];
  const ids = present(raw.service_request_id) ? list(raw.service_request_id) : null;
  if (ids && (ids.length > 200 || ids.some((id) => !/^[A-Za-z0-9_-]{1,50}$/.test(id)))) {
    errors.push('service_request_id must be a comma-separated list of at most 200 request ids');
  }
  const serviceCodes = present(raw.service_code) ? list(raw.service_code) : null;
  if (serviceCodes && (serviceCodes.length > 100 || serviceCodes.some((c) => !/^[A-Za-z0-9_.-]{1,100}$/.test(c)))) {
    errors.push('service_code must be a comma-separated list of service codes');
  }
  let statuses: Open311Status[] | null = null;
  if (present(raw.status)) {
    const given = list(raw.status.toLowerCase());
    const bad = given.find((s) => s !== 'open' && s !== 'closed');
    if (bad !== undefined)
      errors.push(`status must be open, closed or both (comma-separated), got ${JSON.stringify(bad)}`);
    statuses = given as Open311Status[];
  }
  const start = present(raw.start_date) ? parseW3cDate(raw.start_date) : undefined;
  const end = present(raw.end_date) ? parseW3cDate(raw.end_date) : undefined;
  if (start === null) errors.push('start_date must be a W3C date-time such as 2024-01-01T00:00:00Z');
  if (end === null) errors.push('end_date must be a W3C date-time such as 2024-01-31T00:00:00Z');
  const page = positiveInt(raw.page, 'page', 1_000_000, errors) ?? 1;
  const pageSize = positiveInt(raw.page_size, 'page_size', maxRequests, errors) ?? maxRequests;
  const ext = present(raw.extensions) ? raw.extensions.trim().toLowerCase() : 'false';
  if (ext !== 'true' && ext !== 'false') errors.push('extensions must be true or false');
  if (errors.length > 0) return { errors };

  // The window: both ends given, one end plus 90 days, or the last 90 days.
  const windowMs = maxWindowDays * dayMs;
  const to = end ?? (start ? new Date(start.getTime() + windowMs) : now);
  const from = start ?? new Date(to.getTime() - windowMs);
  if (from > to) return { errors: ['start_date must be before end_date'] };
  if (ids === null && to.getTime() - from.getTime() > windowMs) {
    return { errors: [`start_date and end_date may be at most ${maxWindowDays} days apart`] };
  }
  return {
    query: { ids, serviceCodes, statuses, start: from, end: to, page, pageSize, extensions: ext === 'true' },
  };
}
