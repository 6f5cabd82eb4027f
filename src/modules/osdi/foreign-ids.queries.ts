// Foreign identifiers of tags, lists and questions (voters.<kind>_identifiers): read as a JSON array column of
// "system:id" strings, and stored from a posted `identifiers` array (one already naming another record stays put).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { osdiInvalid } from './osdi-errors.ts';
import { foreignIdentifiers } from './person-input.ts';

const tables = {
  tag: { table: 'voters.tag_identifiers', key: 'tag_id', order: 'tag_identifier_id' },
  list: { table: 'voters.list_identifiers', key: 'list_id', order: 'list_identifier_id' },
  question: { table: 'voters.question_identifiers', key: 'question_id', order: 'question_identifier_id' },
} as const;

export type ForeignIdKind = keyof typeof tables;

/** A `foreign_ids` select column for the record whose id is `idColumn` (e.g. `t.tag_id`). */
export function foreignIdsColumn(kind: ForeignIdKind, idColumn: string): SQL {
  const t = tables[kind];
  return sql.raw(`COALESCE((SELECT json_agg(x.system || ':' || x.id ORDER BY x.${t.order}) FROM ${t.table} x
    WHERE x.${t.key} = ${idColumn}), '[]'::json) AS foreign_ids`);
}

/** The valid foreign identifiers of a posted body; a malformed one is a 400. */
export function postedForeignIds(resource: string, identifiers: unknown): string[] {
  const errors: Parameters<typeof foreignIdentifiers>[1] = [];
  const ids = foreignIdentifiers(identifiers, errors);
  if (errors.length > 0) throw osdiInvalid(resource, errors);
  return ids;
}

export async function addForeignIdsOf(tx: Db, kind: ForeignIdKind, recordId: number, ids: string[]): Promise<void> {
  const t = tables[kind];
  for (const identifier of ids) {
    const at = identifier.indexOf(':');
    await tx.execute(
      sql`INSERT INTO ${sql.raw(t.table)} (${sql.raw(t.key)}, system, id)
          VALUES (${recordId}, ${identifier.slice(0, at)}, ${identifier.slice(at + 1)}) ON CONFLICT DO NOTHING`,
    );
  }
}
