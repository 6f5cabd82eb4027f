// Indexes a bulk load deferred come back by themselves once no process runs that import any more.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, one, rows } from '../../../db/client.ts';
import { openTestDatabase } from '../../../../test/database.ts';
import { deferVoterIndexes, restoreAbandonedIndexes } from './deferred-indexes.ts';
import { lockImport } from './run-lock.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const secondaryIndexes = async () =>
  (
    await rows<{ indexname: string }>(
      database.db,
      sql`SELECT indexname FROM pg_indexes WHERE schemaname = 'voters' AND tablename = 'voters'
            AND indexdef NOT LIKE 'CREATE UNIQUE%' ORDER BY indexname`,
    )
  ).map((r) => r.indexname);

async function newImport(): Promise<number> {
  const row = await one<{ import_id: number }>(
    database.db,
    sql`INSERT INTO voters.imports (file_name, file_path, file_size, file_checksum, layout, state)
        VALUES ('big.txt', '/tmp/big.txt', 1, repeat('a', 64), 'nc', 'merging') RETURNING import_id`,
  );
  return row!.import_id;
}

describe('deferred voters indexes of an abandoned import', () => {
  it('are rebuilt once the import has been idle and is not running; a running or recent one keeps them', async () => {
    const before = await secondaryIndexes();
    expect(before.length).toBeGreaterThan(5);
    const importId = await newImport();
    expect(await deferVoterIndexes(database, importId)).toBe(true);
    expect(await secondaryIndexes()).toEqual([]);

    // Moved just now (it may be between two retries of its job): not idle for the default 10 minutes.
    expect(await restoreAbandonedIndexes(database)).toBe(0);

    // Idle (no minimum here), but running (its run lock is taken): it rebuilds them itself.
    const lock = await lockImport(database, importId);
    try {
      expect(await restoreAbandonedIndexes(database, 0)).toBe(0);
      expect(await secondaryIndexes()).toEqual([]);
    } finally {
      await lock.release();
    }

    // Idle and not running: every index is back, none is left deferred.
    expect(await restoreAbandonedIndexes(database, 0)).toBe(before.length);
    expect(await secondaryIndexes()).toEqual(before);
    const left = await one<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM voters.import_deferred_indexes`,
    );
    expect(left!.n).toBe(0);
  });

  it('are rebuilt when their import was deleted', async () => {
    const before = await secondaryIndexes();
    const importId = await newImport();
    expect(await deferVoterIndexes(database, importId)).toBe(true);
    await database.db.execute(sql`DELETE FROM voters.imports WHERE import_id = ${importId}`);
    // Deleted: rebuilt at once, however recently the import moved.
    expect(await restoreAbandonedIndexes(database)).toBe(before.length);
    expect(await secondaryIndexes()).toEqual(before);
  });
});
