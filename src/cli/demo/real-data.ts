// Demo data never goes into a database that holds real data: any user other than the first admin, or any row
// of the voters/reports schemas (when those exist) outside their reference tables.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { dataSchemas, referenceTables } from './index.ts';

/** Why the database holds real data (empty when it does not). */
export async function realDataReasons(db: Db): Promise<string[]> {
  const reasons: string[] = [];
  const users = await one<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM identity.users u
        WHERE NOT (u.username = 'admin' AND u.id = (SELECT min(id) FROM identity.users))`,
  );
  if (users!.n > 0) reasons.push(`${users!.n} user(s) besides the first admin`);
  const tables = await rows<{ schema: string; name: string }>(
    db,
    sql`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema IN (${sql.join(
          dataSchemas.map((s) => sql`${s}`),
          sql`, `,
        )})
        ORDER BY 1, 2`,
  );
  for (const t of tables) {
    const qualified = `${t.schema}.${t.name}`;
    if (referenceTables.has(qualified)) continue;
    const any = await one(db, sql`SELECT 1 FROM ${sql.identifier(t.schema)}.${sql.identifier(t.name)} LIMIT 1`);
    if (any) reasons.push(`rows in ${qualified}`);
  }
  return reasons;
}
