// Bulk loads: an import of more than one batch into an empty voters table drops the secondary indexes of
// voters.voters first and rebuilds them at the end (one CREATE INDEX over a million rows costs a fraction of
// maintaining the GIN and expression indexes row by row). The definitions are kept in
// voters.import_deferred_indexes, written in the DROP's transaction, so a killed import rebuilds them when it
// runs again; every import rebuilds whatever is deferred before it is done. Unique indexes stay: the keys
// imports match on must hold throughout.
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client.ts';
import { one, rows } from '../../../db/client.ts';
import { runInTurn } from './in-turn.ts';
import { lockImport, type RunLock } from './run-lock.ts';

/** Drops the non-unique indexes of voters.voters if the table is empty; false when it did not (busy table). */
export async function deferVoterIndexes(database: Database, importId: number): Promise<boolean> {
  try {
    return await database.db.transaction(async (tx) => {
      // Never wait behind a long transaction holding voters: load with the indexes in place instead.
      if (database.pool) await tx.execute(sql`SET LOCAL lock_timeout = '2s'`);
      await tx.execute(sql`LOCK TABLE voters.voters IN ACCESS EXCLUSIVE MODE`);
      if (await one(tx, sql`SELECT 1 FROM voters.voters LIMIT 1`)) return false;
      const indexes = await rows<{ index_name: string; definition: string }>(
        tx,
        sql`SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS index_name,
              pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE i.indrelid = 'voters.voters'::regclass AND NOT i.indisunique AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      );
      for (const index of indexes) {
        await tx.execute(
          sql`INSERT INTO voters.import_deferred_indexes (index_name, definition, import_id)
              VALUES (${index.index_name}, ${index.definition}, ${importId})`,
        );
        await tx.execute(sql.raw(`DROP INDEX ${index.index_name}`));
      }
      return true;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return false; // lock_not_available
    throw err;
  }
}

/** Index builds at once on PostgreSQL (each its own connection and transaction); PGlite has one connection. */
export const parallelIndexBuilds = 2;

/**
 * Builds the deferred indexes again (those one import deferred, or all), each in the transaction that removes
 * its definition. On PostgreSQL two build at once (CREATE INDEX takes a SHARE lock, which does not conflict with
 * itself), the costliest (GIN: the custom_fields one alone is half of all the building) first.
 */
export async function restoreVoterIndexes(database: Database, importId?: number | null): Promise<number> {
  const { db } = database;
  const whose =
    importId === undefined
      ? sql``
      : importId === null
        ? sql`WHERE import_id IS NULL`
        : sql`WHERE import_id = ${importId}`;
  const pending = await rows<{ index_name: string }>(
    db,
    sql`SELECT index_name FROM voters.import_deferred_indexes ${whose}
        ORDER BY definition LIKE '% USING gin %' DESC, dropped_at, index_name`,
  );
  let built = 0;
  const build = async (index_name: string) => {
    await db.transaction(async (tx: Db) => {
      // Index builds sort in maintenance_work_mem; PGlite keeps its default (its memory is the process's).
      if (database.pool) await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
      const row = await one<{ definition: string; present: boolean }>(
        tx,
        sql`DELETE FROM voters.import_deferred_indexes WHERE index_name = ${index_name}
            RETURNING definition, to_regclass(index_name) IS NOT NULL AS present`,
      );
      if (!row || row.present) return;
      await tx.execute(sql.raw(row.definition));
      built++;
    });
  };
  // In any order (no turn to wait for); a failure starts no further build and is thrown once the running one ends.
  await runInTurn(pending.length, database.pool ? parallelIndexBuilds : 1, (i) => build(pending[i].index_name));
  return built;
}

/**
 * Builds the indexes deferred by imports that no process runs now and that have not moved for `idleMinutes`
 * (killed, failed and never resumed, or deleted), so searches and segments get their indexes back without anyone
 * resuming the import. A running import (its run lock is taken) is left alone: it rebuilds them itself. An import
 * resumed later loads into a table that is no longer empty, with its indexes maintained: slower, never wrong.
 */
export async function restoreAbandonedIndexes(database: Database, idleMinutes = 10): Promise<number> {
  const owners = await rows<{ import_id: number | null }>(
    database.db,
    sql`SELECT DISTINCT d.import_id FROM voters.import_deferred_indexes d
        LEFT JOIN voters.imports i ON i.import_id = d.import_id
        WHERE i.import_id IS NULL OR i.updated_at <= CURRENT_TIMESTAMP - make_interval(mins => ${idleMinutes})`,
  );
  let built = 0;
  for (const { import_id } of owners) {
    let lock: RunLock | null = null;
    if (import_id !== null) {
      try {
        lock = await lockImport(database, import_id);
      } catch {
        continue; // running
      }
    }
    try {
      built += await restoreVoterIndexes(database, import_id);
    } finally {
      await lock?.release();
    }
  }
  return built;
}
