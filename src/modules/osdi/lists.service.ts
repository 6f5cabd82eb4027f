// OSDI lists and items over voters.lists and voters.list_items (an item is one list_items row, item_type
// osdi:person). OSDI's title and summary read from the list's name and description.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';
import { addForeignIdsOf, foreignIdsColumn, postedForeignIds } from './foreign-ids.queries.ts';
import { identifiers, type OsdiBase } from './hal.ts';
import { auditOsdi, type OsdiContext } from './osdi-context.ts';
import { osdiInvalid, osdiNotFound } from './osdi-errors.ts';
import { type PagedQuery, pagedCollection } from './paged.ts';
import { personExists } from './people.queries.ts';
import { linkedPerson } from './tags.service.ts';

interface ListRow {
  list_id: number;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  total_items: number;
  foreign_ids: string[];
}

interface ItemRow {
  list_item_id: number;
  list_id: number;
  voter_id: number;
  added_at: string;
}

export interface ListBody {
  name?: string;
  title?: string;
  description?: string | null;
  summary?: string | null;
  identifiers?: unknown;
}

const listColumns = sql`l.list_id, l.name, l.description, l.created_at, l.updated_at,
  (SELECT count(*)::int FROM voters.list_items li WHERE li.list_id = l.list_id) AS total_items,
  ${foreignIdsColumn('list', 'l.list_id')}`;
const itemColumns = sql.raw('li.list_item_id, li.list_id, li.voter_id, li.added_at');

export function presentList(base: OsdiBase, row: ListRow) {
  const href = `${base.api}/lists/${row.list_id}`;
  return {
    identifiers: identifiers(row.list_id, row.foreign_ids),
    created_date: iso(row.created_at),
    modified_date: iso(row.updated_at),
    name: row.name,
    title: row.name,
    ...(row.description ? { description: row.description, summary: row.description } : {}),
    total_items: row.total_items,
    _links: { self: { href }, 'osdi:items': { href: `${href}/items` } },
  };
}

export function presentItem(base: OsdiBase, row: ItemRow) {
  const list = `${base.api}/lists/${row.list_id}`;
  return {
    identifiers: identifiers(row.list_item_id),
    created_date: iso(row.added_at),
    modified_date: iso(row.added_at),
    item_type: 'osdi:person',
    _links: {
      self: { href: `${list}/items/${row.list_item_id}` },
      'osdi:list': { href: list },
      'osdi:person': { href: `${base.api}/people/${row.voter_id}` },
    },
  };
}

export function listLists(db: Db, ctx: OsdiContext, q: PagedQuery) {
  return pagedCollection<ListRow>(db, ctx, q, {
    path: '/lists',
    rel: 'osdi:lists',
    columns: listColumns,
    from: sql`FROM voters.lists l`,
    order: sql`l.list_id`,
    present: (row) => presentList(ctx.base, row),
  });
}

async function requireList(db: Db, id: number): Promise<ListRow> {
  const row = await one<ListRow>(db, sql`SELECT ${listColumns} FROM voters.lists l WHERE l.list_id = ${id}`);
  if (!row) throw osdiNotFound('osdi:list', id);
  return row;
}

export async function getList(db: Db, ctx: OsdiContext, id: number) {
  return presentList(ctx.base, await requireList(db, id));
}

export async function createList(db: Db, ctx: OsdiContext, body: ListBody) {
  const name = (body.name ?? body.title)?.trim();
  if (!name) {
    throw osdiInvalid('osdi:list', [
      { error_code: 'NAME_REQUIRED', description: 'A list needs a name (or title)', properties: ['name'] },
    ]);
  }
  const description = body.description ?? body.summary ?? null;
  const foreignIds = postedForeignIds('osdi:list', body.identifiers);
  return db.transaction(async (tx) => {
    const created = await one<{ list_id: number }>(
      tx,
      sql`INSERT INTO voters.lists (name, description, created_by) VALUES (${name}, ${description}, ${ctx.key?.user_id ?? null})
          RETURNING list_id`,
    );
    await addForeignIdsOf(tx, 'list', created!.list_id, foreignIds);
    await auditOsdi(tx, ctx, { action: 'osdi.list.create', resourceType: 'list', resourceId: created!.list_id });
    return presentList(ctx.base, await requireList(tx, created!.list_id));
  });
}

export async function updateList(db: Db, ctx: OsdiContext, id: number, body: ListBody) {
  const name = (body.name ?? body.title)?.trim() || null;
  const description = body.description !== undefined ? body.description : body.summary;
  const foreignIds = postedForeignIds('osdi:list', body.identifiers);
  return db.transaction(async (tx) => {
    const updated = await one(
      tx,
      sql`UPDATE voters.lists SET name = COALESCE(${name}, name),
            description = ${description === undefined ? sql`description` : sql`${description}`}
          WHERE list_id = ${id} RETURNING list_id`,
    );
    if (!updated) throw osdiNotFound('osdi:list', id);
    await addForeignIdsOf(tx, 'list', id, foreignIds);
    await auditOsdi(tx, ctx, { action: 'osdi.list.update', resourceType: 'list', resourceId: id });
    return presentList(ctx.base, await requireList(tx, id));
  });
}

export async function deleteList(db: Db, ctx: OsdiContext, id: number) {
  await db.transaction(async (tx) => {
    const gone = await one(tx, sql`DELETE FROM voters.lists WHERE list_id = ${id} RETURNING list_id`);
    if (!gone) throw osdiNotFound('osdi:list', id);
    await auditOsdi(tx, ctx, { action: 'osdi.list.delete', resourceType: 'list', resourceId: id });
  });
  return { notice: 'This list was successfully deleted.' };
}

export async function listItems(db: Db, ctx: OsdiContext, q: PagedQuery, by: { listId?: number; voterId?: number }) {
  if (by.listId !== undefined) await requireList(db, by.listId);
  if (by.voterId !== undefined && !(await personExists(db, by.voterId))) throw osdiNotFound('osdi:person', by.voterId);
  const where = by.listId !== undefined ? sql`li.list_id = ${by.listId}` : sql`li.voter_id = ${by.voterId}`;
  return pagedCollection<ItemRow>(db, ctx, q, {
    path: by.listId !== undefined ? `/lists/${by.listId}/items` : `/people/${by.voterId}/items`,
    rel: 'osdi:items',
    columns: itemColumns,
    from: sql`FROM voters.list_items li JOIN voters.voters v ON v.voter_id = li.voter_id
              WHERE v.merged_into_voter_id IS NULL AND ${where}`,
    order: sql`li.list_item_id`,
    present: (row) => presentItem(ctx.base, row),
  });
}

export async function getItem(db: Db, ctx: OsdiContext, listId: number, id: number) {
  const row = await one<ItemRow>(
    db,
    sql`SELECT ${itemColumns} FROM voters.list_items li WHERE li.list_item_id = ${id} AND li.list_id = ${listId}`,
  );
  if (!row) throw osdiNotFound('osdi:item', id);
  return presentItem(ctx.base, row);
}

export async function createItem(db: Db, ctx: OsdiContext, listId: number, body: { _links?: unknown }) {
  await requireList(db, listId);
  const voterId = await linkedPerson(db, body._links, 'osdi:item');
  return db.transaction(async (tx) => {
    const row = await one<ItemRow>(
      tx,
      sql`INSERT INTO voters.list_items AS li (list_id, voter_id) VALUES (${listId}, ${voterId})
          ON CONFLICT ON CONSTRAINT uq_list_item DO UPDATE SET list_id = EXCLUDED.list_id RETURNING ${itemColumns}`,
    );
    await auditOsdi(tx, ctx, {
      action: 'osdi.item.create',
      resourceType: 'voter',
      resourceId: voterId,
      extra: { list_id: listId },
    });
    return presentItem(ctx.base, row!);
  });
}

export async function deleteItem(db: Db, ctx: OsdiContext, listId: number, id: number) {
  await db.transaction(async (tx) => {
    const gone = await one<{ voter_id: number }>(
      tx,
      sql`DELETE FROM voters.list_items WHERE list_item_id = ${id} AND list_id = ${listId} RETURNING voter_id`,
    );
    if (!gone) throw osdiNotFound('osdi:item', id);
    await auditOsdi(tx, ctx, {
      action: 'osdi.item.delete',
      resourceType: 'voter',
      resourceId: gone.voter_id,
      extra: { list_id: listId },
    });
  });
  return { notice: 'This item was successfully deleted.' };
}
