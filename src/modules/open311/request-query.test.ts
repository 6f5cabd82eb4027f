import { describe, expect, it } from 'vitest';
import { parseRequestQuery } from './request-query.ts';

const now = new Date('2026-11-22T12:00:00Z');
const ok = (raw: Record<string, string>) => {
  const r = parseRequestQuery(raw, now);
  if ('errors' in r) throw new Error(r.errors.join('; '));
  return r.query;
};
const errors = (raw: Record<string, string>) => {
  const r = parseRequestQuery(raw, now);
  return 'errors' in r ? r.errors : [];
};

describe('parseRequestQuery', () => {
  it('defaults to the last 90 days, 1000 requests, no extensions', () => {
    const q = ok({});
    expect(q.end).toEqual(now);
    expect(now.getTime() - q.start.getTime()).toBe(90 * 86400000);
    expect(q).toMatchObject({
      ids: null,
      serviceCodes: null,
      statuses: null,
      page: 1,
      pageSize: 1000,
      extensions: false,
    });
  });

  it('treats empty parameters as absent', () => {
    expect(ok({ status: '', service_code: '', start_date: '', service_request_id: ' ' })).toEqual(ok({}));
  });

  it('reads comma lists', () => {
    const q = ok({ status: 'open,closed', service_code: 'roads, water', service_request_id: 'CL-1,CL-2,CL-1' });
    expect(q.statuses).toEqual(['open', 'closed']);
    expect(q.serviceCodes).toEqual(['roads', 'water']);
    expect(q.ids).toEqual(['CL-1', 'CL-2']);
  });

  it('keeps a given window and extends a single end by 90 days', () => {
    const q = ok({ start_date: '2024-01-01T00:00:00Z', end_date: '2024-01-31T00:00:00Z' });
    expect(q.start.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(q.end.toISOString()).toBe('2024-01-31T00:00:00.000Z');
    expect(ok({ start_date: '2024-01-01T00:00:00-08:00' }).end.toISOString()).toBe('2024-03-31T08:00:00.000Z');
  });

  it('refuses a window over 90 days, reversed dates and malformed values, naming the parameter', () => {
    expect(errors({ start_date: '2024-01-01T00:00:00Z', end_date: '2024-06-01T00:00:00Z' })[0]).toMatch(/90 days/);
    expect(errors({ start_date: '2024-02-01T00:00:00Z', end_date: '2024-01-01T00:00:00Z' })[0]).toMatch(/before/);
    expect(errors({ start_date: 'yesterday' })[0]).toMatch(/^start_date/);
    expect(errors({ status: 'pending' })[0]).toMatch(/^status/);
    expect(errors({ page_size: '5000' })[0]).toMatch(/^page_size/);
    expect(errors({ page: '0' })[0]).toMatch(/^page/);
    expect(errors({ extensions: 'maybe' })[0]).toMatch(/^extensions/);
    expect(errors({ service_request_id: "1;drop table'" })[0]).toMatch(/^service_request_id/);
  });

  it('ignores the window when ids are given', () => {
    const q = ok({ service_request_id: 'CL-1', start_date: '2020-01-01T00:00:00Z', end_date: '2024-01-01T00:00:00Z' });
    expect(q.ids).toEqual(['CL-1']);
  });
});
