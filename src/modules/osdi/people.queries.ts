// The SQL behind OSDI people: voter rows (merged voters hidden) with their stored foreign identifiers.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { type VoterRow, voterColumns } from '../voters/voters.queries.ts';

export type PersonRow = VoterRow & { foreign_ids: string[] };

const foreignIds = sql`COALESCE((SELECT json_agg(pi.system || ':' || pi.id ORDER BY pi.person_identifier_id)
  FROM voters.person_identifiers pi WHERE pi.voter_id = v.voter_id), '[]'::json) AS foreign_ids`;

/** One page of people matching `where`, oldest first (stable paging). */
export async function pagePeople(db: Db, where: SQL, limit: number, offset: number): Promise<PersonRow[]> {
  return rows<PersonRow>(
    db,
    sql`SELECT ${voterColumns}, ${foreignIds} FROM voters.voters v
        WHERE v.merged_into_voter_id IS NULL AND ${where}
        ORDER BY v.voter_id LIMIT ${limit} OFFSET ${offset}`,
  );
}

export async function countPeople(db: Db, where: SQL): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM voters.voters v WHERE v.merged_into_voter_id IS NULL AND ${where}`,
  );
  return row?.n ?? 0;
}

export async function personById(db: Db, id: number): Promise<PersonRow | undefined> {
  return one<PersonRow>(
    db,
    sql`SELECT ${voterColumns}, ${foreignIds} FROM voters.voters v
        WHERE v.voter_id = ${id} AND v.merged_into_voter_id IS NULL`,
  );
}

/** Stores foreign identifiers; one already naming another person stays with them (OSDI: never reassigned). */
export async function addForeignIds(tx: Db, voterId: number, ids: string[]): Promise<void> {
  for (const identifier of ids) {
    const at = identifier.indexOf(':');
    await tx.execute(
      sql`INSERT INTO voters.person_identifiers (voter_id, system, id)
          VALUES (${voterId}, ${identifier.slice(0, at)}, ${identifier.slice(at + 1)})
          ON CONFLICT ON CONSTRAINT uq_person_identifier DO NOTHING`,
    );
  }
}

/** True when the person exists and is not merged away. */
export async function personExists(db: Db, id: number): Promise<boolean> {
  const row = await one(db, sql`SELECT 1 FROM voters.voters WHERE voter_id = ${id} AND merged_into_voter_id IS NULL`);
  return row !== undefined;
}
