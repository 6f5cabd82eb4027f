// GET /api/v1/reports/export: the staff queue as CSV with the list's filters, formula-safe cells, only what the
// caller may see, refused without reports:export, and audited as report_exported.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { exportReports } from './report-export.ts';
import { type Person, person, reportBody } from './test/fixtures.ts';

let t: TestContext;
let admin: Person;
let citizen: Person;

beforeAll(async () => {
  t = await startTestApp();
  admin = await person(t, 'admin');
  citizen = await person(t, 'citizen');
});
afterAll(() => t.close());

const file = async (overrides: Record<string, unknown>) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: citizen.headers,
    payload: reportBody(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().report as { id: number; report_number: string };
};

const parse = (body: string) => body.trim().split('\n');

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

describe('report export', () => {
  it('streams the visible reports as CSV with the list filters, defuses formulas and audits the export', async () => {
    const formula = await file({ title: '=HYPERLINK("http://evil.example","click")', category: 'water' });
    const road = await file({ title: 'Broken kerb on the ring road', category: 'roads' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/export?category=water',
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="reports-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = parse(res.body);
    expect(lines[0].split(',').slice(0, 4)).toEqual(['id', 'report_number', 'title', 'description']);
    expect(res.body).toContain(formula.report_number);
    expect(res.body).not.toContain(road.report_number);
    // The title starts with = : the cell gets a leading ' so a spreadsheet shows it as text.
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    const entry = await one<{ action: string; user_id: number; extra_data: any }>(
      t.database.db,
      sql`SELECT action, user_id, extra_data FROM identity.audit_logs
          WHERE action = 'report_exported' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ action: 'report_exported', user_id: admin.id });
    expect(entry!.extra_data.rows).toBe(lines.length - 1);
    expect(entry!.extra_data.filters).toEqual({ category: 'water' });
  });

  it('keeps every matching report across batches, in id order', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/reports/export', headers: admin.headers });
    const count = await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM reports.reports`);
    const ids = parse(all.body)
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    expect(ids.length).toBe(count!.n);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('exports only the reports the caller may see (a moderator with no areas sees none)', async () => {
    const moderator = await person(t, 'moderator');
    const { stream } = await exportReports(
      t.database.db,
      { actor: { userId: moderator.id, role: 'moderator', username: null, sessionId: 0, departmentId: null } },
      {},
    );
    expect(parse(await readAll(stream))).toHaveLength(1); // the header only
  });

  it('refuses roles without reports:export and bad filters, and audits nothing then', async () => {
    const before = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = 'report_exported'`,
    );
    for (const role of ['citizen', 'moderator', 'nodal_officer', 'auditor']) {
      const who = await person(t, role);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/export', headers: who.headers });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const unsigned = await t.app.inject({ method: 'GET', url: '/api/v1/reports/export' });
    expect(unsigned.statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/export?page=2',
      headers: admin.headers,
    });
    expect(bad.statusCode).toBe(400);
    const after = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = 'report_exported'`,
    );
    expect(after!.n).toBe(before!.n);
  });
});
