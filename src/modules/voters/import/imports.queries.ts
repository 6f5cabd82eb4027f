// The voters.imports rows: create, read, progress and counters. Each statement is small and named.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../../db/client.ts';
import type { ColumnMapping } from './mapping.ts';

export type ImportState = 'queued' | 'staging' | 'normalizing' | 'merging' | 'done';

export interface ImportRow {
  import_id: number;
  file_name: string;
  file_path: string;
  file_size: number;
  file_checksum: string;
  layout: 'nc' | 'csv';
  mapping: ColumnMapping | null;
  header: string[] | null;
  mapping_id: number | null;
  campaign_id: number | null;
  dry_run: boolean;
  batch_size: number;
  state: ImportState;
  error: string | null;
  failed_at: string | null;
  bytes_total: number;
  bytes_read: number;
  column_count: number | null;
  rows_read: number;
  last_line: number;
  last_merged_line: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  created_by: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface NewImport {
  file_name: string;
  file_path: string;
  file_size: number;
  file_checksum: string;
  layout: 'nc' | 'csv';
  mapping: ColumnMapping | null;
  mapping_id: number | null;
  campaign_id: number | null;
  dry_run: boolean;
  batch_size: number;
  created_by: number | null;
}

export async function insertImport(db: Db, input: NewImport): Promise<ImportRow> {
  return (await one<ImportRow>(
    db,
    sql`INSERT INTO voters.imports (file_name, file_path, file_size, file_checksum, layout, mapping, mapping_id,
          campaign_id, dry_run, batch_size, bytes_total, created_by)
        VALUES (${input.file_name}, ${input.file_path}, ${input.file_size}, ${input.file_checksum}, ${input.layout},
          ${input.mapping ? JSON.stringify(input.mapping) : null}::jsonb, ${input.mapping_id}, ${input.campaign_id},
          ${input.dry_run}, ${input.batch_size}, ${input.file_size}, ${input.created_by})
        RETURNING *`,
  ))!;
}

export function importById(db: Db, importId: number): Promise<ImportRow | undefined> {
  return one<ImportRow>(db, sql`SELECT * FROM voters.imports WHERE import_id = ${importId}`);
}

/** An unfinished import of the same file with the same options: running the command again resumes it. */
export function resumableImport(
  db: Db,
  input: Pick<NewImport, 'file_checksum' | 'layout' | 'campaign_id' | 'dry_run'> & { mapping: ColumnMapping | null },
): Promise<ImportRow | undefined> {
  return one<ImportRow>(
    db,
    sql`SELECT * FROM voters.imports
        WHERE file_checksum = ${input.file_checksum} AND state <> 'done' AND layout = ${input.layout}
          AND campaign_id IS NOT DISTINCT FROM ${input.campaign_id} AND dry_run = ${input.dry_run}
          AND (${input.layout} = 'nc' OR mapping = ${input.mapping ? JSON.stringify(input.mapping) : null}::jsonb)
        ORDER BY import_id DESC LIMIT 1`,
  );
}

export async function listImports(db: Db, page: number, perPage: number) {
  const items = await rows<ImportRow>(
    db,
    sql`SELECT * FROM voters.imports ORDER BY created_at DESC, import_id DESC
        LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
  );
  const total = (await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.imports`))!.n;
  return { items, total };
}

export async function setImportState(db: Db, importId: number, state: ImportState) {
  await db.execute(sql`UPDATE voters.imports SET state = ${state} WHERE import_id = ${importId}`);
}

export async function markStarted(db: Db, importId: number) {
  await db.execute(
    sql`UPDATE voters.imports SET error = NULL, failed_at = NULL, started_at = COALESCE(started_at, now())
        WHERE import_id = ${importId}`,
  );
}

export async function markFailed(db: Db, importId: number, message: string) {
  await db.execute(
    sql`UPDATE voters.imports SET error = ${message.slice(0, 2000)}, failed_at = now() WHERE import_id = ${importId}`,
  );
}

export async function recordLayout(
  db: Db,
  importId: number,
  mapping: ColumnMapping,
  header: string[] | null,
  columnCount: number,
) {
  await db.execute(
    sql`UPDATE voters.imports SET mapping = ${JSON.stringify(mapping)}::jsonb, header = ${header ? sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(header)}::jsonb))` : sql`NULL`},
          column_count = ${columnCount}, state = 'staging', rows_read = 0, bytes_read = 0
        WHERE import_id = ${importId}`,
  );
}

export async function recordStagingProgress(db: Db, importId: number, rowsRead: number, bytesRead: number) {
  await db.execute(
    sql`UPDATE voters.imports SET rows_read = ${rowsRead}, bytes_read = ${bytesRead} WHERE import_id = ${importId}`,
  );
}

export async function recordStaged(db: Db, importId: number, rowsRead: number, lastLine: number, bytes: number) {
  await db.execute(
    sql`UPDATE voters.imports SET rows_read = ${rowsRead}, last_line = ${lastLine}, bytes_read = ${bytes},
          state = 'normalizing'
        WHERE import_id = ${importId}`,
  );
}

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
}

/** Adds a committed batch's counts; the WHERE guards against a second runner on the same lines. */
export async function recordBatch(db: Db, importId: number, from: number, to: number, c: BatchCounts) {
  const done = await one<{ import_id: number }>(
    db,
    sql`UPDATE voters.imports SET last_merged_line = ${to}, inserted = inserted + ${c.inserted},
          updated = updated + ${c.updated}, unchanged = unchanged + ${c.unchanged},
          rejected = rejected + ${c.rejected}, warnings = warnings + ${c.warnings}
        WHERE import_id = ${importId} AND last_merged_line = ${from - 1}
        RETURNING import_id`,
  );
  if (!done) throw new Error(`import ${importId}: lines ${from}-${to} were merged by another run`);
}

export async function markDone(db: Db, importId: number) {
  await db.execute(
    sql`UPDATE voters.imports SET state = 'done', finished_at = now(), last_merged_line = last_line
        WHERE import_id = ${importId}`,
  );
}

export interface IssueRow {
  line_no: number;
  severity: 'rejected' | 'warning';
  reason: string;
  raw: string[] | null;
}

/** An import's issues in line order, a page at a time (errors.csv streams through these pages). */
export function issuesPage(db: Db, importId: number, withWarnings: boolean, afterId: number, limit: number) {
  return rows<IssueRow & { issue_id: number }>(
    db,
    sql`SELECT issue_id, line_no, severity, reason, raw FROM voters.import_issues
        WHERE import_id = ${importId} AND (${withWarnings} OR severity = 'rejected') AND issue_id > ${afterId}
        ORDER BY issue_id LIMIT ${limit}`,
  );
}
