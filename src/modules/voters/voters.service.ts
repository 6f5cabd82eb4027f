// /api/v1/voters: list (page or cursor), read, create, update, delete. Writes are audited without personal data.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { normalizeEmail, normalizePhone } from './person-match.ts';
import { presentVoter } from './voter.presenter.ts';
import { decodeCursor, encodeCursor, listOrder, listWhere } from './voter-list.ts';
import {
  columnValue,
  locationValue,
  type VoterRow,
  type VoterWritableColumn,
  voterById,
  voterColumns,
  voterWritableColumns,
} from './voters.queries.ts';
import type { VoterFields, VoterListQuery } from './voters.schemas.ts';

export async function listVoters(db: Db, q: VoterListQuery) {
  const where = listWhere(q);
  if (q.cursor !== undefined) {
    if (q.sort && q.sort !== 'voter_id') {
      throw badRequest('invalid_sort', 'Cursor pagination is ordered by voter_id; drop sort or use page/per_page');
    }
    const cursor = decodeCursor(q.cursor);
    const order = cursor?.order ?? q.order ?? 'asc';
    const after = cursor ? sql` AND v.voter_id ${sql.raw(order === 'asc' ? '>' : '<')} ${cursor.after}` : sql``;
    const found = await rows<VoterRow>(
      db,
      sql`SELECT ${voterColumns} FROM voters.voters v WHERE ${where}${after}
          ORDER BY v.voter_id ${sql.raw(order === 'asc' ? 'ASC' : 'DESC')} LIMIT ${q.per_page + 1}`,
    );
    const more = found.length > q.per_page;
    const page = found.slice(0, q.per_page);
    return {
      voters: page.map(presentVoter),
      next_cursor: more ? encodeCursor({ after: page[page.length - 1].voter_id, order }) : null,
    };
  }
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.voters v WHERE ${where}`),
    rows<VoterRow>(
      db,
      sql`SELECT ${voterColumns} FROM voters.voters v WHERE ${where} ORDER BY ${listOrder(q)}
          LIMIT ${q.per_page} OFFSET ${(q.page - 1) * q.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return {
    voters: found.map(presentVoter),
    total_pages: totalPages(total, q.per_page),
    current_page: q.page,
    total_voters: total,
  };
}

export async function requireVoter(db: Db, voterId: number): Promise<VoterRow> {
  const row = await voterById(db, voterId);
  if (!row) throw notFound('Voter', voterId);
  return row;
}

/** The writable values of a body, email and phone normalized (400 for ones that cannot be). */
function writableValues(body: VoterFields): Map<VoterWritableColumn, unknown> {
  const values = new Map<VoterWritableColumn, unknown>();
  for (const column of voterWritableColumns) {
    if (!(column in body)) continue;
    let value = (body as Record<string, unknown>)[column];
    if (typeof value === 'string' && column !== 'custom_fields') value = value.trim() === '' ? null : value.trim();
    if (column === 'email_address' && value !== null) {
      value = normalizeEmail(value as string);
      if (value === null)
        throw badRequest(
          'invalid_email',
          `email_address ${JSON.stringify(body.email_address)} is not an email address`,
        );
    }
    if (column === 'phone_number' && value !== null) {
      value = normalizePhone(value as string);
      if (value === null)
        throw badRequest('invalid_phone', `phone_number ${JSON.stringify(body.phone_number)} is not a phone number`);
    }
    values.set(column, value);
  }
  for (const name of ['first_name', 'last_name'] as const) {
    if (values.has(name) && values.get(name) === null)
      throw badRequest('missing_fields', `Missing required fields: ${name}`, { fields: [name] });
  }
  return values;
}

function locationOf(body: VoterFields): SQL | undefined {
  const hasLat = body.latitude !== undefined;
  const hasLon = body.longitude !== undefined;
  if (!hasLat && !hasLon) return undefined;
  if (hasLat !== hasLon || (body.latitude === null) !== (body.longitude === null)) {
    throw badRequest('invalid_location', 'latitude and longitude go together: give both, or both null');
  }
  return locationValue(body.latitude, body.longitude);
}

export async function createVoter(db: Db, context: AuditContext, body: VoterFields) {
  const missing = (['first_name', 'last_name', 'email_address'] as const).filter(
    (f) => typeof body[f] !== 'string' || (body[f] as string).trim() === '',
  );
  if (missing.length > 0) {
    throw badRequest('missing_fields', `Missing required fields: ${missing.join(', ')}`, { fields: missing });
  }
  const values = writableValues(body);
  const location = locationOf(body);
  const columns = [...values.keys()];
  return db.transaction(async (tx) => {
    const created = await one<{ voter_id: number }>(
      tx,
      sql`INSERT INTO voters.voters (${sql.join(
        [...columns.map((c): SQL => sql`${sql.identifier(c)}`), sql`location`],
        sql`, `,
      )}) VALUES (${sql.join([...columns.map((c) => columnValue(c, values.get(c))), location ?? sql`NULL`], sql`, `)})
          RETURNING voter_id`,
    );
    await audit(tx, context, { action: 'voter.create', resourceType: 'voter', resourceId: created!.voter_id });
    return { voter: presentVoter((await voterById(tx, created!.voter_id))!) };
  });
}

export async function updateVoter(db: Db, context: AuditContext, voterId: number, body: VoterFields) {
  const values = writableValues(body);
  const location = locationOf(body);
  const sets: SQL[] = [...values].map(([c, v]) => sql`${sql.identifier(c)} = ${columnValue(c, v)}`);
  if (location) sets.push(sql`location = ${location}`);
  return db.transaction(async (tx) => {
    await requireVoter(tx, voterId);
    if (sets.length > 0) {
      await tx.execute(sql`UPDATE voters.voters SET ${sql.join(sets, sql`, `)} WHERE voter_id = ${voterId}`);
    }
    await audit(tx, context, {
      action: 'voter.update',
      resourceType: 'voter',
      resourceId: voterId,
      extra: { fields: [...values.keys(), ...(location ? ['location'] : [])] },
    });
    return { voter: presentVoter(await requireVoter(tx, voterId)) };
  });
}

export async function deleteVoter(db: Db, context: AuditContext, voterId: number) {
  return db.transaction(async (tx) => {
    const gone = await one<{ voter_id: number }>(
      tx,
      sql`DELETE FROM voters.voters WHERE voter_id = ${voterId} RETURNING voter_id`,
    );
    if (!gone) throw notFound('Voter', voterId);
    await audit(tx, context, { action: 'voter.delete', resourceType: 'voter', resourceId: voterId });
    return { message: `Voter ${voterId} deleted` };
  });
}
