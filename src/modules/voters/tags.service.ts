// Tags (free labels, names unique case-insensitively) and which voters carry them. Writes are audited.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { iso, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { likeEscape } from './segments/compile.ts';
import { requireVoter } from './voters.service.ts';

interface TagRow {
  tag_id: number;
  name: string;
  description: string | null;
  voter_count: number;
  created_at: string;
  updated_at: string;
}

const present = (r: TagRow) => ({
  ...r,
  created_at: iso(r.created_at) as string,
  updated_at: iso(r.updated_at) as string,
});
const select = sql`SELECT t.tag_id, t.name::text AS name, t.description, t.created_at, t.updated_at,
  (SELECT count(*)::int FROM voters.voter_tags vt WHERE vt.tag_id = t.tag_id) AS voter_count FROM voters.tags t`;

export async function listTags(db: Db, f: { q?: string; page: number; per_page: number }) {
  const where = f.q ? sql`t.name ILIKE ${`%${likeEscape(f.q)}%`}` : sql`true`;
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.tags t WHERE ${where}`),
    rows<TagRow>(
      db,
      sql`${select} WHERE ${where} ORDER BY t.name LIMIT ${f.per_page} OFFSET ${(f.page - 1) * f.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return { tags: found.map(present), total, current_page: f.page, total_pages: totalPages(total, f.per_page) };
}

async function requireTag(db: Db, id: number) {
  const row = await one<TagRow>(db, sql`${select} WHERE t.tag_id = ${id}`);
  if (!row) throw notFound('Tag', id);
  return present(row);
}

export const getTag = async (db: Db, id: number) => ({ tag: await requireTag(db, id) });

export async function createTag(db: Db, context: AuditContext, f: { name: string; description?: string | null }) {
  return db.transaction(async (tx) => {
    const row = await one<{ tag_id: number }>(
      tx,
      sql`INSERT INTO voters.tags (name, description) VALUES (${f.name.trim()}, ${f.description ?? null}) RETURNING tag_id`,
    );
    await audit(tx, context, { action: 'tag.create', resourceType: 'tag', resourceId: row!.tag_id });
    return { tag: await requireTag(tx, row!.tag_id) };
  });
}

export async function updateTag(
  db: Db,
  context: AuditContext,
  id: number,
  f: { name?: string; description?: string | null },
) {
  const sets: SQL[] = [];
  if (f.name !== undefined) sets.push(sql`name = ${f.name.trim()}`);
  if (f.description !== undefined) sets.push(sql`description = ${f.description}`);
  return db.transaction(async (tx) => {
    await requireTag(tx, id);
    if (sets.length) await tx.execute(sql`UPDATE voters.tags SET ${sql.join(sets, sql`, `)} WHERE tag_id = ${id}`);
    await audit(tx, context, { action: 'tag.update', resourceType: 'tag', resourceId: id });
    return { tag: await requireTag(tx, id) };
  });
}

export async function deleteTag(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    if (!(await one(tx, sql`DELETE FROM voters.tags WHERE tag_id = ${id} RETURNING tag_id`))) throw notFound('Tag', id);
    await audit(tx, context, { action: 'tag.delete', resourceType: 'tag', resourceId: id });
    return { message: `Tag ${id} deleted` };
  });
}

export async function voterTags(db: Db, voterId: number) {
  await requireVoter(db, voterId);
  const found = await rows<{ tag_id: number; name: string; tagged_at: string }>(
    db,
    sql`SELECT t.tag_id, t.name::text AS name, vt.created_at AS tagged_at
        FROM voters.voter_tags vt JOIN voters.tags t USING (tag_id) WHERE vt.voter_id = ${voterId} ORDER BY t.name`,
  );
  return { tags: found.map((r) => ({ ...r, tagged_at: iso(r.tagged_at) as string })) };
}

/** Tags a voter by tag_id, or by name (the tag is created when no tag has that name). */
export async function tagVoter(db: Db, context: AuditContext, voterId: number, f: { tag_id?: number; name?: string }) {
  if ((f.tag_id === undefined) === (f.name === undefined))
    throw badRequest('tag_required', 'Give either tag_id or name');
  return db.transaction(async (tx) => {
    await requireVoter(tx, voterId);
    let tagId = f.tag_id;
    if (tagId !== undefined) await requireTag(tx, tagId);
    else {
      const name = (f.name as string).trim();
      await tx.execute(sql`INSERT INTO voters.tags (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`);
      tagId = (await one<{ tag_id: number }>(tx, sql`SELECT tag_id FROM voters.tags WHERE name = ${name}`))!.tag_id;
    }
    await tx.execute(
      sql`INSERT INTO voters.voter_tags (voter_id, tag_id) VALUES (${voterId}, ${tagId}) ON CONFLICT ON CONSTRAINT uq_voter_tag DO NOTHING`,
    );
    await audit(tx, context, {
      action: 'voter.tag',
      resourceType: 'voter',
      resourceId: voterId,
      extra: { tag_id: tagId },
    });
    return voterTags(tx, voterId);
  });
}

export async function untagVoter(db: Db, context: AuditContext, voterId: number, tagId: number) {
  return db.transaction(async (tx) => {
    const gone = await one(
      tx,
      sql`DELETE FROM voters.voter_tags WHERE voter_id = ${voterId} AND tag_id = ${tagId} RETURNING tag_id`,
    );
    if (!gone) throw notFound('Tag of this voter', tagId);
    await audit(tx, context, {
      action: 'voter.untag',
      resourceType: 'voter',
      resourceId: voterId,
      extra: { tag_id: tagId },
    });
    return voterTags(tx, voterId);
  });
}
