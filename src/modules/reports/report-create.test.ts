import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { createReport, formatReportNumber } from './report-create.ts';
import { person, ranchi } from './test/fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('createReport', () => {
  it('numbers reports CL-{year}-{CITY}-{seq:05d} without gaps under concurrent creation', async () => {
    const citizen = await person(t, 'citizen');
    const year = new Date().getUTCFullYear();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db.transaction((tx) =>
          createReport(tx, {}, null, {
            user_id: citizen.id,
            title: `Issue ${i}`,
            description: 'x',
            ...ranchi,
            city_code: 'GAP',
          }),
        ),
      ),
    );
    const numbers = results.map((r) => r.report.report_number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => formatReportNumber(year, 'GAP', i + 1)));
    expect(numbers[0]).toMatch(/^CL-\d{4}-GAP-00001$/);
  });

  it('gives a rolled-back report number back', async () => {
    const citizen = await person(t, 'citizen');
    await t.database.db
      .transaction(async (tx) => {
        await createReport(tx, {}, null, {
          user_id: citizen.id,
          title: 'a',
          description: 'b',
          ...ranchi,
          city_code: 'RBK',
        });
        throw new Error('roll back');
      })
      .catch(() => {});
    const r = await t.database.db.transaction((tx) =>
      createReport(tx, {}, null, { user_id: citizen.id, title: 'a', description: 'b', ...ranchi, city_code: 'RBK' }),
    );
    expect(r.report.report_number).toMatch(/-RBK-00001$/);
  });

  it('classifies by department keywords and writes history, reputation and audit', async () => {
    const citizen = await person(t, 'citizen');
    const dept = await one<{ id: number }>(
      t.database.db,
      sql`INSERT INTO reports.departments (name, keywords) VALUES ('Water Board', 'leak, pipe, water supply') RETURNING id`,
    );
    await t.database.db.execute(sql`UPDATE reports.categories SET department_id = ${dept!.id} WHERE code = 'water'`);
    const r = await t.database.db.transaction((tx) =>
      createReport(tx, {}, null, {
        user_id: citizen.id,
        title: 'Pipe leak on 4th street',
        description: 'Water supply pipe has a leak',
        ...ranchi,
      }),
    );
    expect(r.report).toMatchObject({
      category: 'water',
      ai_category: 'water',
      ai_model_version: 'rules-v1',
      status: 'received',
    });
    expect(r.report.ai_confidence).toBe(0.9);
    const user = await one<any>(
      t.database.db,
      sql`SELECT reputation_score, total_reports FROM identity.users WHERE id = ${citizen.id}`,
    );
    expect(user).toMatchObject({ reputation_score: 5, total_reports: 1 });
    const history = await rows<any>(
      t.database.db,
      sql`SELECT old_status, new_status FROM reports.report_status_history WHERE report_id = ${r.report.id}`,
    );
    expect(history).toEqual([{ old_status: null, new_status: 'received' }]);
    const auditRow = await one<any>(
      t.database.db,
      sql`SELECT action FROM identity.audit_logs WHERE resource_type = 'report' AND resource_id = ${String(r.report.id)}`,
    );
    expect(auditRow?.action).toBe('report_created');
  });
});

describe('report number format', () => {
  it('pads to five digits and grows past 99999 without truncating', async () => {
    const citizen = await person(t, 'citizen');
    await t.database.db.execute(
      sql`INSERT INTO reports.report_number_counters (city, year, last_value) VALUES ('BIG', extract(year FROM now())::int, 99999)`,
    );
    const r = await t.database.db.transaction((tx) =>
      createReport(tx, {}, null, {
        user_id: citizen.id,
        title: 'Big city',
        description: 'x',
        ...ranchi,
        city_code: 'big',
      }),
    );
    expect(r.report.report_number).toMatch(/^CL-\d{4}-BIG-100000$/);
    expect(formatReportNumber(2026, 'RNC', 7)).toBe('CL-2026-RNC-00007');
  });
});
