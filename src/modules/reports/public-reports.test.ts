// GET /api/v1/reports/public: anyone sees public, non-sensitive reports of public categories, filtered and
// paged, with no trace of who filed them; bad filters answer problem+json.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let citizen: Person;
let admin: Person;
// A tag in every title of this file, so each test finds its own reports among the others.
const tag = randomUUID().slice(0, 8);

beforeAll(async () => {
  t = await startTestApp();
  citizen = await person(t, 'citizen', {
    full_name: 'Asha Reporter',
    email: 'asha.reporter@example.org',
    phone: '+919800000001',
  });
  admin = await person(t, 'admin');
});
afterAll(() => t.close());

async function file(overrides: Record<string, unknown> = {}): Promise<{ id: number; report_number: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: citizen.headers,
    payload: reportBody({ title: `${tag} pothole`, ...overrides }),
  });
  expect(res.statusCode).toBe(201);
  return res.json().report;
}

const publicList = (query = '') => t.app.inject({ method: 'GET', url: `/api/v1/reports/public?per_page=100${query}` });
const mine = (reports: { id: number }[], ids: number[]) => reports.filter((r) => ids.includes(r.id)).map((r) => r.id);

describe('GET /api/v1/reports/public', () => {
  it('shows public reports to anyone, without the reporter, and hides private and sensitive ones', async () => {
    const shown = await file({ title: `${tag} broken streetlight`, category: 'streetlight', address: 'Main Road 4' });
    const hidden = await file({ title: `${tag} private matter`, is_public: false });
    const sensitive = await file({ title: `${tag} sensitive matter`, is_sensitive: true });

    const res = await publicList();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(mine(body.reports, [shown.id, hidden.id, sensitive.id])).toEqual([shown.id]);
    const report = body.reports.find((r: any) => r.id === shown.id);
    expect(report).toMatchObject({
      report_number: shown.report_number,
      title: `${tag} broken streetlight`,
      category: 'streetlight',
      status: 'received',
      address: 'Main Road 4',
      latitude: 23.3441,
      longitude: 85.3096,
      photo_ids: [],
    });
    expect(Object.keys(report)).not.toContain('user_id');
    const text = res.body;
    for (const personal of ['Asha Reporter', 'asha.reporter@example.org', '+919800000001', `"user_id"`]) {
      expect(text).not.toContain(personal);
    }
  });

  it('filters by status and category and pages newest first', async () => {
    const water = await file({ title: `${tag} leak one`, category: 'water' });
    const water2 = await file({ title: `${tag} leak two`, category: 'water' });
    const roads = await file({ title: `${tag} crater`, category: 'roads' });
    await t.database.db.execute(sql`UPDATE reports.reports SET status = 'on_hold' WHERE id = ${water2.id}`);

    const byCategory = (await publicList('&category=water')).json();
    expect(mine(byCategory.reports, [water.id, water2.id, roads.id])).toEqual([water2.id, water.id]);
    expect(byCategory.reports.every((r: any) => r.category === 'water')).toBe(true);

    const byStatus = (await publicList('&category=water&status=on_hold')).json();
    expect(byStatus.reports.map((r: any) => r.id)).toEqual([water2.id]);
    expect(byStatus.total).toBe(1);

    const both = (await publicList('&status=on_hold&status=received')).json();
    expect(mine(both.reports, [water.id, water2.id, roads.id]).sort()).toEqual([water.id, water2.id, roads.id].sort());

    const first = (await t.app.inject({ url: '/api/v1/reports/public?per_page=1&page=1' })).json();
    const second = (await t.app.inject({ url: '/api/v1/reports/public?per_page=1&page=2' })).json();
    expect(first).toMatchObject({ page: 1, per_page: 1 });
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.total_pages).toBe(first.total);
    expect(first.reports[0].id).toBeGreaterThan(second.reports[0].id);
  });

  it('leaves out reports of a category that is not public', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/categories/internal_audit',
      headers: admin.headers,
      payload: { name: 'Internal audit', is_public: false },
    });
    expect(res.statusCode).toBeLessThan(300);
    const internal = await file({ title: `${tag} internal`, category: 'internal_audit' });
    const list = (await publicList()).json();
    expect(mine(list.reports, [internal.id])).toEqual([]);
    expect((await publicList('&category=internal_audit')).json().total).toBe(0);
  });

  it('keeps an approximate Open311 location off the map and lists image media', async () => {
    const report = await file({ title: `${tag} approximate` });
    await t.database.db.execute(
      sql`INSERT INTO reports.open311_requests (report_id, service_code, approximate_location, email, phone)
          VALUES (${report.id}, 'roads', true, 'someone@example.org', '+919811111111')`,
    );
    const media = await rows<{ id: number; file_type: string }>(
      t.database.db,
      sql`INSERT INTO reports.media (report_id, file_url, file_type, mime_type, is_primary)
          VALUES (${report.id}, 'x/1.jpg', 'IMAGE', 'image/jpeg', true),
                 (${report.id}, 'x/2.pdf', 'DOCUMENT', 'application/pdf', false) RETURNING id, file_type`,
    );
    const imageId = Number(media.find((m) => m.file_type === 'IMAGE')!.id);
    const res = await publicList();
    const found = res.json().reports.find((r: any) => r.id === report.id);
    expect(found).toMatchObject({ latitude: null, longitude: null, photo_ids: [imageId] });
    expect(res.body).not.toContain('someone@example.org');
    expect(res.body).not.toContain('+919811111111');
  });

  it('answers problem+json with a stable code for bad filters', async () => {
    for (const query of ['status=bogus', 'per_page=1000', 'category=Not%20A%20Code', 'page=0', 'user_id=1']) {
      const res = await t.app.inject({ url: `/api/v1/reports/public?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code, query).toBe('validation_failed');
    }
  });
});
