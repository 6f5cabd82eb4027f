// Saved segments: CRUD, count, members (page or cursor) and preview of an unsaved definition. The definition
// is validated (400 with the bad node's path) and compiled to one parameterized WHERE by compile.ts.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../../db/client.ts';
import { badRequest, notFound } from '../../../http/errors.ts';
import { iso, totalPages } from '../../../http/presenters.ts';
import { type AuditContext, audit } from '../../identity/audit.ts';
import { presentVoter } from '../voter.presenter.ts';
import { decodeCursor, encodeCursor } from '../voter-list.ts';
import { type VoterRow, voterColumns } from '../voters.queries.ts';
import { compileSegment } from './compile.ts';
import { validateDefinition } from './definition.ts';

interface SegmentRow {
  segment_id: number;
  name: string;
  description: string | null;
  definition: unknown;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

const present = (r: SegmentRow) => ({
  ...r,
  created_at: iso(r.created_at) as string,
  updated_at: iso(r.updated_at) as string,
});

/** The WHERE of a definition over `voters.voters v`; merged voters are never members. */
export function segmentWhere(definition: unknown): SQL {
  return sql`v.merged_into_voter_id IS NULL AND ${compileSegment(validateDefinition(definition))}`;
}

export async function listSegments(db: Db, f: { page: number; per_page: number }) {
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.segments`),
    rows<SegmentRow>(
      db,
      sql`SELECT * FROM voters.segments ORDER BY name LIMIT ${f.per_page} OFFSET ${(f.page - 1) * f.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return { segments: found.map(present), total, current_page: f.page, total_pages: totalPages(total, f.per_page) };
}

export async function requireSegment(db: Db, id: number): Promise<SegmentRow> {
  const row = await one<SegmentRow>(db, sql`SELECT * FROM voters.segments WHERE segment_id = ${id}`);
  if (!row) throw notFound('Segment', id);
  return row;
}

export const getSegment = async (db: Db, id: number) => ({ segment: present(await requireSegment(db, id)) });

export interface SegmentFields {
  name?: string;
  description?: string | null;
  definition?: Record<string, unknown>;
}

export async function createSegment(
  db: Db,
  context: AuditContext,
  f: SegmentFields & { name: string; definition: Record<string, unknown> },
) {
  const definition = validateDefinition(f.definition);
  return db.transaction(async (tx) => {
    const row = await one<SegmentRow>(
      tx,
      sql`INSERT INTO voters.segments (name, description, definition, created_by)
          VALUES (${f.name.trim()}, ${f.description ?? null}, ${JSON.stringify(definition)}::jsonb, ${context.actor?.userId ?? null})
          RETURNING *`,
    );
    await audit(tx, context, { action: 'segment.create', resourceType: 'segment', resourceId: row!.segment_id });
    return { segment: present(row!) };
  });
}

export async function updateSegment(db: Db, context: AuditContext, id: number, f: SegmentFields) {
  const sets: SQL[] = [];
  if (f.name !== undefined) sets.push(sql`name = ${f.name.trim()}`);
  if (f.description !== undefined) sets.push(sql`description = ${f.description}`);
  if (f.definition !== undefined)
    sets.push(sql`definition = ${JSON.stringify(validateDefinition(f.definition))}::jsonb`);
  return db.transaction(async (tx) => {
    await requireSegment(tx, id);
    if (sets.length)
      await tx.execute(sql`UPDATE voters.segments SET ${sql.join(sets, sql`, `)} WHERE segment_id = ${id}`);
    await audit(tx, context, {
      action: 'segment.update',
      resourceType: 'segment',
      resourceId: id,
      extra: { fields: Object.keys(f) },
    });
    return { segment: present(await requireSegment(tx, id)) };
  });
}

export async function deleteSegment(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    if (!(await one(tx, sql`DELETE FROM voters.segments WHERE segment_id = ${id} RETURNING segment_id`)))
      throw notFound('Segment', id);
    await audit(tx, context, { action: 'segment.delete', resourceType: 'segment', resourceId: id });
    return { message: `Segment ${id} deleted` };
  });
}

export async function countDefinition(db: Db, definition: unknown): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM voters.voters v WHERE ${segmentWhere(definition)}`,
  );
  return row?.n ?? 0;
}

export interface MembersQuery {
  page: number;
  per_page: number;
  cursor?: string;
}

/** Members ordered by voter_id: page/per_page with totals, or keyset with `cursor` (empty to start). */
export async function membersOf(db: Db, definition: unknown, q: MembersQuery) {
  const where = segmentWhere(definition);
  if (q.cursor !== undefined) {
    const cursor = decodeCursor(q.cursor);
    if (cursor && cursor.order !== 'asc') throw badRequest('invalid_cursor', 'This cursor belongs to another list');
    const after = cursor ? sql` AND v.voter_id > ${cursor.after}` : sql``;
    const found = await rows<VoterRow>(
      db,
      sql`SELECT ${voterColumns} FROM voters.voters v WHERE ${where}${after} ORDER BY v.voter_id LIMIT ${q.per_page + 1}`,
    );
    const page = found.slice(0, q.per_page);
    return {
      voters: page.map(presentVoter),
      next_cursor:
        found.length > q.per_page ? encodeCursor({ after: page[page.length - 1].voter_id, order: 'asc' }) : null,
    };
  }
  const [total, found] = await Promise.all([
    countDefinition(db, definition),
    rows<VoterRow>(
      db,
      sql`SELECT ${voterColumns} FROM voters.voters v WHERE ${where} ORDER BY v.voter_id
          LIMIT ${q.per_page} OFFSET ${(q.page - 1) * q.per_page}`,
    ),
  ]);
  return {
    voters: found.map(presentVoter),
    total_pages: totalPages(total, q.per_page),
    current_page: q.page,
    total_voters: total,
  };
}

export async function previewDefinition(db: Db, definition: unknown, perPage: number) {
  const members = await membersOf(db, definition, { page: 1, per_page: perPage });
  return { count: members.total_voters as number, voters: members.voters };
}
