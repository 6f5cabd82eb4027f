// Lists: hand-picked sets of voters (walk lists, call lists) and their items. Writes are audited.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { iso, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { likeEscape } from './segments/compile.ts';

interface ListRow {
  list_id: number;
  name: string;
  description: string | null;
  created_by: number | null;
  voter_count: number;
  created_at: string;
  updated_at: string;
}

const present = (r: ListRow) => ({
  ...r,
  created_at: iso(r.created_at) as string,
  updated_at: iso(r.updated_at) as string,
});
const select = sql`SELECT l.list_id, l.name, l.description, l.created_by, l.created_at, l.updated_at,
  (SELECT count(*)::int FROM voters.list_items li WHERE li.list_id = l.list_id) AS voter_count FROM voters.lists l`;

export async function listLists(db: Db, f: { q?: string; page: number; per_page: number }) {
  const where = f.q ? sql`l.name ILIKE ${`%${likeEscape(f.q)}%`}` : sql`true`;
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.lists l WHERE ${where}`),
    rows<ListRow>(
      db,
      sql`${select} WHERE ${where} ORDER BY l.name, l.list_id LIMIT ${f.per_page} OFFSET ${(f.page - 1) * f.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return { lists: found.map(present), total, current_page: f.page, total_pages: totalPages(total, f.per_page) };
}

export async function requireList(db: Db, id: number) {
  const row = await one<ListRow>(db, sql`${select} WHERE l.list_id = ${id}`);
  if (!row) throw notFound('List', id);
  return present(row);
}

export async function createList(db: Db, context: AuditContext, f: { name: string; description?: string | null }) {
  return db.transaction(async (tx) => {
    const row = await one<{ list_id: number }>(
      tx,
      sql`INSERT INTO voters.lists (name, description, created_by)
          VALUES (${f.name.trim()}, ${f.description ?? null}, ${context.actor?.userId ?? null}) RETURNING list_id`,
    );
    await audit(tx, context, { action: 'list.create', resourceType: 'list', resourceId: row!.list_id });
    return { list: await requireList(tx, row!.list_id) };
  });
}

export async function updateList(
  db: Db,
  context: AuditContext,
  id: number,
  f: { name?: string; description?: string | null },
) {
  const sets: SQL[] = [];
  if (f.name !== undefined) sets.push(sql`name = ${f.name.trim()}`);
  if (f.description !== undefined) sets.push(sql`description = ${f.description}`);
  return db.transaction(async (tx) => {
    await requireList(tx, id);
    if (sets.length) await tx.execute(sql`UPDATE voters.lists SET ${sql.join(sets, sql`, `)} WHERE list_id = ${id}`);
    await audit(tx, context, { action: 'list.update', resourceType: 'list', resourceId: id });
    return { list: await requireList(tx, id) };
  });
}

export async function deleteList(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    if (!(await one(tx, sql`DELETE FROM voters.lists WHERE list_id = ${id} RETURNING list_id`)))
      throw notFound('List', id);
    await audit(tx, context, { action: 'list.delete', resourceType: 'list', resourceId: id });
    return { message: `List ${id} deleted` };
  });
}

export async function addListItems(db: Db, context: AuditContext, id: number, voterIds: number[]) {
  const ids = [...new Set(voterIds)];
  return db.transaction(async (tx) => {
    await requireList(tx, id);
    const known = await rows<{ voter_id: number }>(
      tx,
      sql`SELECT voter_id FROM voters.voters WHERE voter_id IN (${sql.join(
        ids.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
    const missing = ids.find((v) => !known.some((k) => k.voter_id === v));
    if (missing !== undefined) throw notFound('Voter', missing);
    const added = await rows(
      tx,
      sql`INSERT INTO voters.list_items (list_id, voter_id)
          SELECT ${id}, x FROM unnest(ARRAY[${sql.join(
            ids.map((v) => sql`${v}::int`),
            sql`, `,
          )}]) AS x
          ON CONFLICT ON CONSTRAINT uq_list_item DO NOTHING RETURNING voter_id`,
    );
    await tx.execute(sql`UPDATE voters.lists SET updated_at = now() WHERE list_id = ${id}`);
    await audit(tx, context, {
      action: 'list.items_add',
      resourceType: 'list',
      resourceId: id,
      extra: { voter_ids: ids, added: added.length },
    });
    return { added: added.length, already_members: ids.length - added.length };
  });
}

export async function removeListItem(db: Db, context: AuditContext, id: number, voterId: number) {
  return db.transaction(async (tx) => {
    await requireList(tx, id);
    const gone = await one(
      tx,
      sql`DELETE FROM voters.list_items WHERE list_id = ${id} AND voter_id = ${voterId} RETURNING voter_id`,
    );
    if (!gone) throw notFound('List item for voter', voterId);
    await audit(tx, context, {
      action: 'list.items_remove',
      resourceType: 'list',
      resourceId: id,
      extra: { voter_id: voterId },
    });
    return { message: `Voter ${voterId} removed from list ${id}` };
  });
}
