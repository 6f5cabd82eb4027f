// The three phases of an import, each safe to run again after a crash:
// - staging: the file is streamed into a fresh UNLOGGED staging table (restarted from scratch if interrupted);
// - normalizing: one transaction builds the typed rows table from staging (all or nothing);
// - merging: matches are computed for the lines not yet merged, then batches of lines commit one by one, each
//   with its counters and its last line, so a rerun continues after the last committed batch; a bulk load into
//   an empty voters table drops the secondary indexes first and rebuilds them before done (deferred-indexes.ts).
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client.ts';
import { one } from '../../../db/client.ts';
import {
  type ImportRow,
  markDone,
  recordBatch,
  recordLayout,
  recordStaged,
  recordStagingProgress,
  setImportState,
} from './imports.queries.ts';
import { effectiveMapping, readOptions } from './inspect-file.ts';
import type { ColumnMapping } from './mapping.ts';
import {
  countsSql,
  followMergesSql,
  insertSql,
  issuesSql,
  linkCampaignSql,
  matchSql,
  ownershipSql,
  updateSql,
} from './merge.sql.ts';
import { deferVoterIndexes, restoreVoterIndexes } from './deferred-indexes.ts';
import { runInTurn } from './in-turn.ts';
import { customFieldsSql, normalizeSql } from './normalize.sql.ts';
import { readRecords } from './records.ts';
import { openSource } from './source-file.ts';
import { copyIntoStaging, stagingTableSql } from './staging.ts';

export const workTables = (importId: number) => ({
  staging: `voters.import_${importId}_staging`,
  rows: `voters.import_${importId}_rows`,
  custom: `voters.import_${importId}_custom`,
});

const run = (db: Db, text: string) => db.execute(sql.raw(text));
const value = async (db: Db, text: string) => (await one<Record<string, number>>(db, sql.raw(text)))!;

export async function dropWorkTables(database: Database, importId: number) {
  const t = workTables(importId);
  await run(database.db, `DROP TABLE IF EXISTS ${t.rows}`);
  await run(database.db, `DROP TABLE IF EXISTS ${t.custom}`);
  await run(database.db, `DROP TABLE IF EXISTS ${t.staging}`);
}

export async function stage(database: Database, imp: ImportRow, onProgress: () => void): Promise<void> {
  const { db } = database;
  const t = workTables(imp.import_id);
  await dropWorkTables(database, imp.import_id);
  const options = readOptions(imp.layout, imp.mapping);
  const source = await openSource(imp.file_path);
  let bytes = 0;
  const records = readRecords(source.stream, options, (b) => {
    bytes = b;
  });
  const first = await records.next();
  const header = !first.done && options.header ? first.value.fields.map((f) => f.trim()) : null;
  const columnCount = first.done ? 0 : header ? header.length : first.value.fields.length;
  let lastLine = first.done ? 0 : first.value.line;
  if (first.done) {
    await recordLayout(db, imp.import_id, imp.mapping ?? ({ columns: {} } as ColumnMapping), null, 0);
    await recordStaged(db, imp.import_id, 0, 0, bytes);
    return;
  }
  const { mapping, resolved } = effectiveMapping(imp.layout, imp.mapping, header, columnCount);
  await recordLayout(db, imp.import_id, mapping, header, columnCount);
  await run(db, stagingTableSql(t.staging, columnCount));
  async function* data() {
    if (!header) yield first.value!;
    for await (const record of records) {
      lastLine = record.line;
      yield record;
    }
  }
  const staged = await copyIntoStaging({
    database,
    table: t.staging,
    columnCount,
    custom: resolved.custom,
    records: data(),
    onRows: async (n) => {
      await recordStagingProgress(db, imp.import_id, n, bytes);
      onProgress();
    },
  });
  // Merge batches read staging by line range (custom fields, raw fields of rejected rows).
  await run(db, `CREATE INDEX ON ${t.staging} (line_no)`);
  await run(db, `ANALYZE ${t.staging} (line_no)`);
  await recordStaged(db, imp.import_id, staged, lastLine, bytes);
}

export async function normalize(database: Database, imp: ImportRow): Promise<void> {
  const t = workTables(imp.import_id);
  if (imp.rows_read === 0) {
    await setImportState(database.db, imp.import_id, 'merging');
    return;
  }
  const { resolved } = effectiveMapping(imp.layout, imp.mapping, imp.header, imp.column_count!);
  const statements = normalizeSql(t.staging, t.rows, resolved, imp.mapping?.values ?? 'plain');
  await database.db.transaction(async (tx) => {
    // Hashes and sorts over the whole file: room for them in memory on PostgreSQL (PGlite keeps its default).
    if (database.pool) await run(tx, "SET LOCAL work_mem = '256MB'");
    await run(tx, `DROP TABLE IF EXISTS ${t.rows}`);
    await run(tx, statements.createRows);
    for (const s of statements.inFileDuplicates) await run(tx, s);
    await run(tx, `DROP TABLE IF EXISTS ${t.custom}`);
    // The planner prices the JSON parse as one operator and would run it on one core: make workers free.
    if (database.pool) await run(tx, 'SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0');
    for (const s of customFieldsSql(t.staging, t.custom)) await run(tx, s);
    await setImportState(tx, imp.import_id, 'merging');
  });
}

/** False when the work tables are gone or short (a server crash empties UNLOGGED tables): restage. */
export async function workTablesIntact(database: Database, imp: ImportRow): Promise<boolean> {
  if (imp.rows_read === 0) return true;
  const t = workTables(imp.import_id);
  const exists = await one<{ staging: string | null; rows: string | null; custom: string | null }>(
    database.db,
    sql`SELECT to_regclass(${t.staging})::text AS staging, to_regclass(${t.rows})::text AS rows,
          to_regclass(${t.custom})::text AS custom`,
  );
  if (!exists?.staging || !exists.rows || !exists.custom) return false;
  const n = await value(database.db, `SELECT (SELECT count(*) FROM ${t.rows})::int AS n`);
  return n.n === imp.rows_read;
}

async function computeMatches(database: Database, rows: string, after: number) {
  await database.db.transaction(async (tx) => {
    if (database.pool) await run(tx, "SET LOCAL work_mem = '256MB'");
    for (const s of matchSql(rows, after)) await run(tx, s);
    for (let i = 0; i < 20 && (await value(tx, followMergesSql(rows, after))).n > 0; i++);
    for (const s of ownershipSql(rows, after)) await run(tx, s);
  });
}

/** Merge batches at once on PostgreSQL (PGlite has one connection). */
export const parallelBatches = 2;

/** An import inserting at least this many voters into an empty table defers the secondary indexes. */
export const bulkLoadRows = 10_000;

export async function merge(database: Database, imp: ImportRow, onProgress: () => void): Promise<void> {
  const { db } = database;
  const t = workTables(imp.import_id);
  if (imp.rows_read === 0 || imp.last_merged_line >= imp.last_line) {
    await finish(database, imp);
    return;
  }
  await computeMatches(database, t.rows, imp.last_merged_line);
  const lo = imp.last_merged_line + 1;
  if (imp.dry_run) {
    await db.transaction(async (tx) => {
      const c = await value(tx, countsSql(t.rows, t.custom, lo, imp.last_line, true));
      await run(tx, issuesSql(t.rows, t.staging, imp.import_id, lo, imp.last_line, imp.column_count!));
      await recordBatch(tx, imp.import_id, lo, imp.last_line, {
        inserted: c.total - c.rejected - c.matched,
        updated: c.changing,
        unchanged: c.matched - c.changing,
        rejected: c.rejected,
        warnings: c.warnings,
      });
    });
    await finish(database, imp);
    return;
  }
  // A load of more than one batch (or of bulkLoadRows) into an empty voters table builds the secondary indexes
  // once at the end.
  const left = await value(db, countsSql(t.rows, t.custom, lo, imp.last_line, false));
  const toInsert = left.total - left.rejected - left.matched;
  if (toInsert > imp.batch_size || toInsert >= bulkLoadRows) await deferVoterIndexes(database, imp.import_id);
  const ranges: { from: number; to: number }[] = [];
  for (let from = lo; from <= imp.last_line; from += imp.batch_size) {
    ranges.push({ from, to: Math.min(from + imp.batch_size - 1, imp.last_line) });
  }
  // On PostgreSQL two batches run at once (each on its own connection; their rows, keys and voters are disjoint
  // once matching is done), and commit in line order: the issues and counters of a batch are written when the
  // batch before it has committed, so last_merged_line always ends a committed prefix.
  await runInTurn(ranges.length, database.pool ? parallelBatches : 1, async (i, turn) => {
    const { from, to } = ranges[i];
    await db.transaction(async (tx) => {
      // A lost batch after a server crash is merged again on resume: no need to wait for the WAL flush.
      if (database.pool) await run(tx, "SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '64MB'");
      const c = await value(tx, countsSql(t.rows, t.custom, from, to, false));
      const updated = (await value(tx, updateSql(t.rows, t.custom, from, to))).n;
      const inserted = await value(tx, insertSql(t.rows, t.custom, from, to, imp.campaign_id));
      const expected = c.total - c.rejected - c.matched;
      if (inserted.n !== expected || (imp.campaign_id !== null && inserted.linked !== inserted.n)) {
        throw new Error(
          `import ${imp.import_id}: lines ${from}-${to} inserted ${inserted.n} voters, expected ${expected} (${inserted.linked} linked)`,
        );
      }
      if (imp.campaign_id !== null) await run(tx, linkCampaignSql(t.rows, from, to, imp.campaign_id));
      await turn;
      // Issue ids in line order: errors.csv pages through them by id.
      await run(tx, issuesSql(t.rows, t.staging, imp.import_id, from, to, imp.column_count!));
      await recordBatch(tx, imp.import_id, from, to, {
        inserted: inserted.n,
        updated,
        unchanged: c.matched - updated,
        rejected: c.rejected,
        warnings: c.warnings,
      });
    });
    onProgress();
  });
  await finish(database, imp);
}

/** Every batch is in: rebuild deferred indexes (this import's, or a killed one's), then done. */
async function finish(database: Database, imp: ImportRow) {
  await restoreVoterIndexes(database);
  await markDone(database.db, imp.import_id);
  await dropWorkTables(database, imp.import_id);
}
