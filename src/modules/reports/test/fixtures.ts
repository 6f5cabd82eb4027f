// Test data for the reports tests: users by role with tokens, departments, categories routed to them, reports.
import { sql } from 'drizzle-orm';
import { one } from '../../../db/client.ts';
import { authHeaders, insertUser } from '../../../../test/auth-tokens.ts';
import type { TestContext } from '../../../../test/harness.ts';

export interface Person {
  id: number;
  headers: { authorization: string };
}

export async function person(t: TestContext, role: string, fields: Record<string, unknown> = {}): Promise<Person> {
  const id = await insertUser(t, role);
  if (Object.keys(fields).length > 0) {
    const sets = Object.entries(fields).map(([k, v]) => sql`${sql.identifier(k)} = ${v}`);
    await t.database.db.execute(sql`UPDATE identity.users SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
  }
  return { id, headers: await authHeaders(t, id) };
}

let n = 0;
export async function department(t: TestContext, keywords = '', categories: string[] = []): Promise<number> {
  n += 1;
  const row = await one<{ id: number }>(
    t.database.db,
    sql`INSERT INTO reports.departments (name, keywords) VALUES (${`Department ${n} ${Math.random()}`}, ${keywords}) RETURNING id`,
  );
  for (const c of categories) {
    await t.database.db.execute(sql`UPDATE reports.categories SET department_id = ${row!.id} WHERE code = ${c}`);
  }
  return row!.id;
}

export const ranchi = { latitude: 23.3441, longitude: 85.3096 };

export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Deep pothole on Main Road',
    description: 'A deep pothole near the bus stop damages vehicles every day',
    ...ranchi,
    category: 'roads',
    ...overrides,
  };
}
