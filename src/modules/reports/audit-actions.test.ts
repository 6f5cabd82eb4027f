// The CiviLens audit actions report_resolved (a move to resolved) and media_accessed (a private report's file
// served to staff), written through the real routes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { jpegWithGps, multipart } from './media/test/multipart.ts';
import { department, type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let officer: Person;
let citizen: Person;
let dept: number;

beforeAll(async () => {
  t = await startTestApp();
  dept = await department(t);
  admin = await person(t, 'admin');
  officer = await person(t, 'nodal_officer', { department_id: dept });
  citizen = await person(t, 'citizen');
});
afterAll(() => t.close());

const call = (who: Person, url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method: payload ? 'POST' : 'GET', url, headers: who.headers, ...(payload ? { payload } : {}) });

async function file(overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await call(citizen, '/api/v1/reports', reportBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().report.id;
}

const actions = async (resourceType: string, id: number) =>
  (
    await rows<{ action: string; user_id: number | null; extra_data: any }>(
      t.database.db,
      sql`SELECT action, user_id, extra_data FROM identity.audit_logs
          WHERE resource_type = ${resourceType} AND resource_id = ${String(id)} ORDER BY id`,
    )
  ).map((r) => ({ action: r.action, user_id: r.user_id, new_status: r.extra_data?.new_status }));

describe('report_resolved', () => {
  it('is written once, beside report_status_changed, when a report moves to resolved', async () => {
    const id = await file();
    for (const [who, action, body] of [
      [admin, 'assign-department', { department_id: dept }],
      [admin, 'assign-officer', { officer_id: officer.id }],
      [officer, 'acknowledge', {}],
      [officer, 'start-work', {}],
      [officer, 'submit-for-verification', { resolution_notes: 'Filled' }],
      [admin, 'approve-resolution', {}],
      [admin, 'status', { status: 'closed' }],
    ] as const) {
      const res = await call(who, `/api/v1/reports/${id}/${action}`, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    const log = await actions('report', id);
    expect(log.filter((e) => e.action === 'report_resolved')).toEqual([
      { action: 'report_resolved', user_id: admin.id, new_status: 'resolved' },
    ]);
    const resolvedAt = log.findIndex((e) => e.action === 'report_resolved');
    expect(log[resolvedAt - 1]).toEqual({ action: 'report_status_changed', user_id: admin.id, new_status: 'resolved' });
    expect(log.at(-1)).toMatchObject({ action: 'report_status_changed', new_status: 'closed' });
  });
});

describe('media_accessed', () => {
  async function withPhoto(overrides: Record<string, unknown>) {
    const id = await file(overrides);
    const body = multipart(
      [{ name: 'file', file: { data: await jpegWithGps(), filename: 'p.jpg', type: 'image/jpeg' } }],
      citizen.headers,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/media`,
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id, mediaId: res.json().media[0].id as number };
  }
  const fetchFile = (who: Person | null, r: { id: number; mediaId: number }) =>
    t.app.inject({ url: `/api/v1/reports/${r.id}/media/${r.mediaId}/file`, headers: who?.headers ?? {} });

  it("audits staff reading a private report's file, not the reporter's own reads", async () => {
    const r = await withPhoto({ is_public: false });
    expect((await fetchFile(citizen, r)).statusCode).toBe(200);
    expect((await actions('media', r.mediaId)).filter((e) => e.action === 'media_accessed')).toEqual([]);
    const res = await fetchFile(admin, r);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeGreaterThan(0);
    expect((await actions('media', r.mediaId)).filter((e) => e.action === 'media_accessed')).toEqual([
      { action: 'media_accessed', user_id: admin.id, new_status: undefined },
    ]);
    // someone who may not see the report gets 404 and leaves no media_accessed record
    const stranger = await person(t, 'citizen');
    expect((await fetchFile(stranger, r)).statusCode).toBe(404);
    expect((await actions('media', r.mediaId)).filter((e) => e.action === 'media_accessed')).toHaveLength(1);
  });

  it('does not audit the public photos of a public report, whoever reads them', async () => {
    const r = await withPhoto({});
    expect((await fetchFile(null, r)).statusCode).toBe(200);
    expect((await fetchFile(admin, r)).statusCode).toBe(200);
    expect((await actions('media', r.mediaId)).filter((e) => e.action === 'media_accessed')).toEqual([]);
  });

  it('audits staff reading the file of a sensitive report', async () => {
    const r = await withPhoto({});
    await t.database.db.execute(sql`UPDATE reports.reports SET is_sensitive = true WHERE id = ${r.id}`);
    expect((await fetchFile(admin, r)).statusCode).toBe(200);
    expect((await actions('media', r.mediaId)).map((e) => e.action)).toContain('media_accessed');
  });
});
