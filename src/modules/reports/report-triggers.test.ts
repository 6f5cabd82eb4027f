// The database itself refuses illegal moves (raw SQL, no service in between): the original's CHECK and triggers.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { insertUser } from '../../../test/auth-tokens.ts';

let t: TestContext;
let citizen: number;
let officer: number;
let dept: number;
beforeAll(async () => {
  t = await startTestApp();
  citizen = await insertUser(t, 'citizen');
  officer = await insertUser(t, 'nodal_officer');
  dept = (await one<{ id: number }>(
    t.database.db,
    sql`INSERT INTO reports.departments (name) VALUES ('Roads') RETURNING id`,
  ))!.id;
});
afterAll(() => t.close());

const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);
const status = async (id: number) =>
  (await one<{ status: string }>(t.database.db, sql`SELECT status FROM reports.reports WHERE id = ${id}`))!.status;
const taskStatus = async (id: number) =>
  (await one<{ status: string }>(t.database.db, sql`SELECT status FROM reports.tasks WHERE report_id = ${id}`))!.status;

async function report(): Promise<number> {
  const r = await one<{ id: number }>(
    t.database.db,
    sql`INSERT INTO reports.reports (user_id, title, description, latitude, longitude)
        VALUES (${citizen}, 'Broken light', 'x', 23.34, 85.31) RETURNING id`,
  );
  return r!.id;
}
async function move(id: number, to: string) {
  await exec(sql`UPDATE reports.reports SET status = ${to} WHERE id = ${id}`);
}
async function refused(p: Promise<unknown>, message: RegExp) {
  const err: any = await p.then(() => null).catch((e) => e);
  expect(err, 'the database accepted the change').not.toBeNull();
  expect(String(err.cause?.message ?? err.message)).toMatch(message);
}

describe('report triggers (raw SQL)', () => {
  it('keeps location in step with latitude/longitude', async () => {
    const id = await report();
    await exec(sql`UPDATE reports.reports SET latitude = 23.5, longitude = 85.5 WHERE id = ${id}`);
    const row = await one<{ wkt: string }>(
      t.database.db,
      sql`SELECT ST_AsText(location::geometry) AS wkt FROM reports.reports WHERE id = ${id}`,
    );
    expect(row!.wkt).toBe('POINT(85.5 23.5)');
  });

  it('refuses a department status without a department (check_department_assigned)', async () => {
    const id = await report();
    await refused(move(id, 'assigned_to_department'), /check_department_assigned/);
    await exec(
      sql`UPDATE reports.reports SET department_id = ${dept}, status = 'assigned_to_department' WHERE id = ${id}`,
    );
    expect(await status(id)).toBe('assigned_to_department');
  });

  it('refuses officer statuses without a task, on update and on insert (trigger_validate_officer_assignment)', async () => {
    const id = await report();
    await exec(
      sql`UPDATE reports.reports SET department_id = ${dept}, status = 'assigned_to_department' WHERE id = ${id}`,
    );
    for (const s of ['assigned_to_officer', 'acknowledged', 'in_progress', 'pending_verification']) {
      await refused(move(id, s), /without officer assignment/);
    }
    await refused(
      exec(sql`INSERT INTO reports.reports (user_id, department_id, title, description, latitude, longitude, status)
               VALUES (${citizen}, ${dept}, 't', 'd', 1, 1, 'in_progress')`),
      /without officer assignment/,
    );
  });

  it('refuses backward moves, allows on_hold/rejected/duplicate and the HEAD moves, and syncs the task', async () => {
    const id = await report();
    await exec(
      sql`UPDATE reports.reports SET department_id = ${dept}, status = 'assigned_to_department' WHERE id = ${id}`,
    );
    await exec(sql`INSERT INTO reports.tasks (report_id, assigned_to) VALUES (${id}, ${officer})`);
    await move(id, 'assigned_to_officer');
    await refused(move(id, 'classified'), /Backward status transition not allowed: assigned_to_officer -> classified/);
    await move(id, 'assignment_rejected');
    await move(id, 'assigned_to_officer');
    expect(await taskStatus(id)).toBe('assigned');
    await move(id, 'acknowledged');
    expect(await taskStatus(id)).toBe('acknowledged');
    await move(id, 'in_progress');
    expect(await taskStatus(id)).toBe('in_progress');
    await refused(move(id, 'acknowledged'), /Backward/);
    await move(id, 'on_hold');
    expect(await taskStatus(id)).toBe('on_hold');
    await move(id, 'in_progress');
    await move(id, 'pending_verification');
    await move(id, 'in_progress');
    await move(id, 'pending_verification');
    await move(id, 'resolved');
    const task = await one<any>(
      t.database.db,
      sql`SELECT status, resolved_at FROM reports.tasks WHERE report_id = ${id}`,
    );
    expect(task.status).toBe('resolved');
    expect(task.resolved_at).not.toBeNull();
    await refused(move(id, 'in_progress'), /Backward status transition not allowed: resolved -> in_progress/);
    await refused(move(id, 'received'), /Backward/);
    await move(id, 'closed');
    await refused(move(id, 'resolved'), /Backward/);
    await move(id, 'reopened');
    await move(id, 'in_progress');
    await move(id, 'rejected');
    expect(await taskStatus(id)).toBe('rejected');
  });

  it('allows duplicate and rejected at intake, sets status_updated_at, refuses self-duplicates', async () => {
    const a = await report();
    const b = await report();
    await exec(sql`UPDATE reports.reports SET status_updated_at = now() - interval '1 day' WHERE id = ${b}`);
    await exec(
      sql`UPDATE reports.reports SET status = 'duplicate', duplicate_of_report_id = ${a}, is_duplicate = true WHERE id = ${b}`,
    );
    const row = await one<any>(
      t.database.db,
      sql`SELECT status, status_updated_at > now() - interval '1 minute' AS fresh FROM reports.reports WHERE id = ${b}`,
    );
    expect(row).toEqual({ status: 'duplicate', fresh: true });
    await refused(exec(sql`UPDATE reports.reports SET duplicate_of_report_id = ${a} WHERE id = ${a}`), /check/);
    await move(a, 'rejected');
    expect(await status(a)).toBe('rejected');
  });

  it('enforces the CHECKs: coordinates, ai_confidence, task priority', async () => {
    await refused(
      exec(
        sql`INSERT INTO reports.reports (user_id, title, description, latitude, longitude) VALUES (${citizen}, 't', 'd', 95, 1)`,
      ),
      /latitude/,
    );
    await refused(
      exec(
        sql`INSERT INTO reports.reports (user_id, title, description, latitude, longitude, ai_confidence) VALUES (${citizen}, 't', 'd', 1, 1, 1.5)`,
      ),
      /ai_confidence/,
    );
    const id = await report();
    await refused(
      exec(sql`INSERT INTO reports.tasks (report_id, assigned_to, priority) VALUES (${id}, ${officer}, 0)`),
      /priority/,
    );
    await exec(sql`INSERT INTO reports.tasks (report_id, assigned_to, priority) VALUES (${id}, ${officer}, 10)`);
    await refused(
      exec(sql`INSERT INTO reports.tasks (report_id, assigned_to) VALUES (${id}, ${officer})`),
      /unique|duplicate key/,
    );
  });
});
