// One page of an OSDI collection: the count and the rows of one FROM/WHERE, presented and wrapped in HAL.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { collection, paging } from './hal.ts';
import type { OsdiContext } from './osdi-context.ts';

export interface PagedQuery {
  page?: number;
  per_page?: number;
}

export async function pagedCollection<T>(
  db: Db,
  ctx: OsdiContext,
  q: PagedQuery,
  spec: { path: string; rel: string; columns: SQL; from: SQL; order: SQL; present: (row: T) => any },
) {
  const p = paging(q);
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n ${spec.from}`);
  const found = await rows<T>(
    db,
    sql`SELECT ${spec.columns} ${spec.from} ORDER BY ${spec.order} LIMIT ${p.perPage} OFFSET ${(p.page - 1) * p.perPage}`,
  );
  return collection({
    base: ctx.base,
    path: spec.path,
    query: ctx.query,
    rel: spec.rel,
    paging: p,
    total: total?.n ?? 0,
    items: found.map(spec.present),
  });
}
