// Every row in any module that points at a voter (found from the catalogue, so a new module's table is covered
// without touching this file): moved from the merge loser to the survivor, and moved back on undo.
// A row that cannot move because the survivor already has its twin under a unique index (the same campaign,
// tag or list twice) is unlinked when the column is nullable, else deleted; each outcome is recorded for undo.
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../../db/client.ts';

interface Reference {
  table: string;
  column: string;
  pk: string;
  nullable: boolean;
  /** Other columns of each unique index that contains the column ([] for a unique index on the column alone). */
  uniques: string[][];
}

export interface MovedRows {
  table: string;
  column: string;
  pk: string;
  moved: (number | string)[];
  unlinked: (number | string)[];
  deleted: Record<string, unknown>[];
}

/** Tables this file must not touch: the merge's own bookkeeping. */
const skipped = new Set(['voters.duplicate_candidates', 'voters.merges']);

async function references(db: Db): Promise<Reference[]> {
  const found = await rows<{
    tbl: string;
    col: string;
    pk: string | null;
    notnull: boolean;
    uniques: string[][] | null;
  }>(
    db,
    sql`SELECT quote_ident(n.nspname) || '.' || quote_ident(t.relname) AS tbl, quote_ident(a.attname) AS col,
          a.attnotnull AS notnull,
          (SELECT quote_ident(pa.attname) FROM pg_constraint p
             JOIN pg_attribute pa ON pa.attrelid = p.conrelid AND pa.attnum = p.conkey[1]
           WHERE p.conrelid = c.conrelid AND p.contype = 'p' AND cardinality(p.conkey) = 1) AS pk,
          (SELECT jsonb_agg((SELECT COALESCE(jsonb_agg(quote_ident(ua.attname)), '[]'::jsonb)
                    FROM unnest(i.indkey::int2[]) k JOIN pg_attribute ua ON ua.attrelid = i.indrelid AND ua.attnum = k
                    WHERE k <> a.attnum))
           FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indisunique AND a.attnum = ANY(i.indkey::int2[])
             AND NOT 0 = ANY(i.indkey::int2[])) AS uniques
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.confrelid = 'voters.voters'::regclass AND cardinality(c.conkey) = 1
        ORDER BY 1, 2`,
  );
  return found
    .filter((r) => r.pk && !skipped.has(r.tbl))
    .map((r) => ({ table: r.tbl, column: r.col, pk: r.pk!, nullable: !r.notnull, uniques: r.uniques ?? [] }));
}

/** Moves the loser's rows to the survivor in every referencing table; answers what was done, for undo. */
export async function moveReferences(tx: Db, loserId: number, survivorId: number): Promise<MovedRows[]> {
  const out: MovedRows[] = [];
  for (const ref of await references(tx)) {
    const { table, column, pk } = ref;
    const self = table === 'voters.voters' ? ` AND t.${pk} <> ${survivorId}` : '';
    const conflict = ref.uniques.length
      ? ref.uniques
          .map(
            (others) =>
              `EXISTS (SELECT 1 FROM ${table} t2 WHERE t2.${column} = ${survivorId}${others
                .map((o) => ` AND t2.${o} = t.${o}`)
                .join('')})`,
          )
          .join(' OR ')
      : 'false';
    const moved = await rows<{ id: number | string }>(
      tx,
      sql.raw(`UPDATE ${table} t SET ${column} = ${survivorId} WHERE t.${column} = ${loserId}${self}
               AND NOT (${conflict}) RETURNING t.${pk} AS id`),
    );
    let unlinked: { id: number | string }[] = [];
    let deleted: { row: Record<string, unknown> }[] = [];
    if (ref.nullable) {
      unlinked = await rows(
        tx,
        sql.raw(`UPDATE ${table} t SET ${column} = NULL WHERE t.${column} = ${loserId}${self} RETURNING t.${pk} AS id`),
      );
    } else {
      deleted = await rows(
        tx,
        sql.raw(`DELETE FROM ${table} t WHERE t.${column} = ${loserId}${self} RETURNING to_jsonb(t.*) AS row`),
      );
    }
    if (moved.length || unlinked.length || deleted.length) {
      out.push({
        table,
        column,
        pk,
        moved: moved.map((r) => r.id),
        unlinked: unlinked.map((r) => r.id),
        deleted: deleted.map((r) => r.row),
      });
    }
  }
  return out;
}

/** Puts back what moveReferences() did. */
export async function restoreReferences(tx: Db, loserId: number, survivorId: number, done: MovedRows[]) {
  for (const m of done) {
    const ids = (list: (number | string)[]) => `(SELECT jsonb_array_elements_text('${JSON.stringify(list)}'::jsonb))`;
    if (m.moved.length) {
      await tx.execute(
        sql.raw(`UPDATE ${m.table} SET ${m.column} = ${loserId}
                 WHERE ${m.pk}::text IN ${ids(m.moved)} AND ${m.column} = ${survivorId}`),
      );
    }
    if (m.unlinked.length) {
      await tx.execute(
        sql.raw(`UPDATE ${m.table} SET ${m.column} = ${loserId} WHERE ${m.pk}::text IN ${ids(m.unlinked)}
                 AND ${m.column} IS NULL`),
      );
    }
    for (const row of m.deleted) {
      await tx.execute(
        sql`INSERT INTO ${sql.raw(m.table)} SELECT * FROM jsonb_populate_record(NULL::${sql.raw(m.table)}, ${JSON.stringify(row)}::jsonb)`,
      );
    }
  }
}
