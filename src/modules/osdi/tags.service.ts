// OSDI tags and taggings over voters.tags and voters.voter_tags (a tagging is one voter_tags row; item_type is
// always osdi:person). Creating a tag whose name exists answers the existing tag (names are unique).
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';
import { addForeignIdsOf, foreignIdsColumn, postedForeignIds } from './foreign-ids.queries.ts';
import { identifiers, idFromHref, type OsdiBase } from './hal.ts';
import { auditOsdi, type OsdiContext } from './osdi-context.ts';
import { osdiInvalid, osdiNotFound } from './osdi-errors.ts';
import { type PagedQuery, pagedCollection } from './paged.ts';
import { personExists } from './people.queries.ts';

interface TagRow {
  tag_id: number;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  foreign_ids: string[];
}

export interface TagInput {
  name?: string;
  description?: string | null;
  identifiers?: unknown;
}

interface TaggingRow {
  voter_tag_id: number;
  voter_id: number;
  tag_id: number;
  created_at: string;
}

const tagColumns = sql`t.tag_id, t.name::text AS name, t.description, t.created_at, t.updated_at, ${foreignIdsColumn('tag', 't.tag_id')}`;
const taggingColumns = sql.raw('vt.voter_tag_id, vt.voter_id, vt.tag_id, vt.created_at');

export function presentTag(base: OsdiBase, row: TagRow) {
  const href = `${base.api}/tags/${row.tag_id}`;
  return {
    identifiers: identifiers(row.tag_id, row.foreign_ids),
    created_date: iso(row.created_at),
    modified_date: iso(row.updated_at),
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    _links: { self: { href }, 'osdi:taggings': { href: `${href}/taggings` } },
  };
}

export function presentTagging(base: OsdiBase, row: TaggingRow) {
  const tag = `${base.api}/tags/${row.tag_id}`;
  return {
    identifiers: identifiers(row.voter_tag_id),
    created_date: iso(row.created_at),
    modified_date: iso(row.created_at),
    item_type: 'osdi:person',
    _links: {
      self: { href: `${tag}/taggings/${row.voter_tag_id}` },
      'osdi:tag': { href: tag },
      'osdi:person': { href: `${base.api}/people/${row.voter_id}` },
    },
  };
}

export function listTags(db: Db, ctx: OsdiContext, q: PagedQuery) {
  return pagedCollection<TagRow>(db, ctx, q, {
    path: '/tags',
    rel: 'osdi:tags',
    columns: tagColumns,
    from: sql`FROM voters.tags t`,
    order: sql`t.tag_id`,
    present: (row) => presentTag(ctx.base, row),
  });
}

async function requireTag(db: Db, id: number): Promise<TagRow> {
  const row = await one<TagRow>(db, sql`SELECT ${tagColumns} FROM voters.tags t WHERE t.tag_id = ${id}`);
  if (!row) throw osdiNotFound('osdi:tag', id);
  return row;
}

export async function getTag(db: Db, ctx: OsdiContext, id: number) {
  return presentTag(ctx.base, await requireTag(db, id));
}

function tagFields(body: TagInput, required: boolean) {
  const foreignIds = postedForeignIds('osdi:tag', body.identifiers);
  const name = body.name?.trim();
  if (required && !name) {
    throw osdiInvalid('osdi:tag', [
      { error_code: 'NAME_REQUIRED', description: 'A tag needs a name', properties: ['name'] },
    ]);
  }
  return { name: name || null, description: body.description === undefined ? undefined : body.description, foreignIds };
}

export async function createTag(db: Db, ctx: OsdiContext, body: TagInput) {
  const f = tagFields(body, true);
  return db.transaction(async (tx) => {
    const row = await one<TagRow>(
      tx,
      sql`INSERT INTO voters.tags AS t (name, description) VALUES (${f.name}, ${f.description ?? null})
          ON CONFLICT (name) DO NOTHING RETURNING ${tagColumns}`,
    );
    const tagId =
      row?.tag_id ??
      (await one<{ tag_id: number }>(tx, sql`SELECT tag_id FROM voters.tags WHERE name = ${f.name}`))!.tag_id;
    await addForeignIdsOf(tx, 'tag', tagId, f.foreignIds);
    if (row) await auditOsdi(tx, ctx, { action: 'osdi.tag.create', resourceType: 'tag', resourceId: tagId });
    return presentTag(ctx.base, await requireTag(tx, tagId));
  });
}

export async function updateTag(db: Db, ctx: OsdiContext, id: number, body: TagInput) {
  const f = tagFields(body, false);
  return db.transaction(async (tx) => {
    const row = await one<TagRow>(
      tx,
      sql`UPDATE voters.tags AS t SET name = COALESCE(${f.name}, t.name),
            description = ${f.description === undefined ? sql`t.description` : sql`${f.description}`}
          WHERE t.tag_id = ${id} RETURNING ${tagColumns}`,
    );
    if (!row) throw osdiNotFound('osdi:tag', id);
    await addForeignIdsOf(tx, 'tag', id, f.foreignIds);
    await auditOsdi(tx, ctx, { action: 'osdi.tag.update', resourceType: 'tag', resourceId: id });
    return presentTag(ctx.base, await requireTag(tx, id));
  });
}

export async function deleteTag(db: Db, ctx: OsdiContext, id: number) {
  await db.transaction(async (tx) => {
    const gone = await one(tx, sql`DELETE FROM voters.tags WHERE tag_id = ${id} RETURNING tag_id`);
    if (!gone) throw osdiNotFound('osdi:tag', id);
    await auditOsdi(tx, ctx, { action: 'osdi.tag.delete', resourceType: 'tag', resourceId: id });
  });
  return { notice: 'This tag was successfully deleted.' };
}

export async function listTaggings(db: Db, ctx: OsdiContext, q: PagedQuery, by: { tagId?: number; voterId?: number }) {
  if (by.tagId !== undefined) await requireTag(db, by.tagId);
  if (by.voterId !== undefined && !(await personExists(db, by.voterId))) throw osdiNotFound('osdi:person', by.voterId);
  const where = by.tagId !== undefined ? sql`vt.tag_id = ${by.tagId}` : sql`vt.voter_id = ${by.voterId}`;
  return pagedCollection<TaggingRow>(db, ctx, q, {
    path: by.tagId !== undefined ? `/tags/${by.tagId}/taggings` : `/people/${by.voterId}/taggings`,
    rel: 'osdi:taggings',
    columns: taggingColumns,
    from: sql`FROM voters.voter_tags vt JOIN voters.voters v ON v.voter_id = vt.voter_id
              WHERE v.merged_into_voter_id IS NULL AND ${where}`,
    order: sql`vt.voter_tag_id`,
    present: (row) => presentTagging(ctx.base, row),
  });
}

export async function getTagging(db: Db, ctx: OsdiContext, tagId: number, id: number) {
  const row = await one<TaggingRow>(
    db,
    sql`SELECT ${taggingColumns} FROM voters.voter_tags vt WHERE vt.voter_tag_id = ${id} AND vt.tag_id = ${tagId}`,
  );
  if (!row) throw osdiNotFound('osdi:tagging', id);
  return presentTagging(ctx.base, row);
}

/** The person a nested create names in `_links.osdi:person.href`. */
export async function linkedPerson(db: Db, links: unknown, resource: string): Promise<number> {
  const href = (links as Record<string, { href?: unknown }> | undefined)?.['osdi:person']?.href;
  const id = idFromHref(href, 'people');
  if (id === null || !(await personExists(db, id))) {
    throw osdiInvalid(resource, [
      {
        error_code: 'PERSON_LINK_INVALID',
        description: "_links['osdi:person'].href must be the URL of a person in this system",
        properties: ['_links.osdi:person.href'],
      },
    ]);
  }
  return id;
}

export async function createTagging(db: Db, ctx: OsdiContext, tagId: number, body: { _links?: unknown }) {
  await requireTag(db, tagId);
  const voterId = await linkedPerson(db, body._links, 'osdi:tagging');
  return db.transaction(async (tx) => {
    const row = await one<TaggingRow>(
      tx,
      sql`INSERT INTO voters.voter_tags AS vt (voter_id, tag_id) VALUES (${voterId}, ${tagId})
          ON CONFLICT ON CONSTRAINT uq_voter_tag DO UPDATE SET tag_id = EXCLUDED.tag_id RETURNING ${taggingColumns}`,
    );
    await auditOsdi(tx, ctx, {
      action: 'osdi.tagging.create',
      resourceType: 'voter',
      resourceId: voterId,
      extra: { tag_id: tagId },
    });
    return presentTagging(ctx.base, row!);
  });
}

export async function deleteTagging(db: Db, ctx: OsdiContext, tagId: number, id: number) {
  await db.transaction(async (tx) => {
    const gone = await one<{ voter_id: number }>(
      tx,
      sql`DELETE FROM voters.voter_tags WHERE voter_tag_id = ${id} AND tag_id = ${tagId} RETURNING voter_id`,
    );
    if (!gone) throw osdiNotFound('osdi:tagging', id);
    await auditOsdi(tx, ctx, {
      action: 'osdi.tagging.delete',
      resourceType: 'voter',
      resourceId: gone.voter_id,
      extra: { tag_id: tagId },
    });
  });
  return { notice: 'This tagging was successfully deleted.' };
}
