// Voter-file imports: create one (file checked, mapping resolved against its header) and run it through its
// state machine. The web (through the voters.import job) and the CLI (inline, with a progress bar) both call
// runImport(), so an import behaves the same whichever started it.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client.ts';
import { one } from '../../../db/client.ts';
import { badRequest, notFound } from '../../../http/errors.ts';
import { restoreVoterIndexes } from './deferred-indexes.ts';
import { dropWorkTables, merge, normalize, stage, workTablesIntact } from './import-phases.ts';
import {
  type ImportRow,
  importById,
  insertImport,
  markFailed,
  markStarted,
  resumableImport,
  setImportState,
} from './imports.queries.ts';
import { effectiveMapping, inspectFile, type Layout } from './inspect-file.ts';
import type { ColumnMapping } from './mapping.ts';
import { lockImport } from './run-lock.ts';
import { fileChecksum } from './source-file.ts';

export const defaultBatchSize = 20_000;

export interface CreateImportInput {
  filePath: string;
  fileName: string;
  layout: Layout;
  mapping?: ColumnMapping | null;
  mappingId?: number | null;
  campaignId?: number | null;
  dryRun?: boolean;
  batchSize?: number;
  createdBy?: number | null;
  /** Resume an unfinished import of the same file and options instead of creating a new one (CLI). */
  resume?: boolean;
}

async function savedMapping(db: Db, mappingId: number): Promise<ColumnMapping> {
  const row = await one<{ mapping: ColumnMapping }>(
    db,
    sql`SELECT mapping FROM voters.import_mappings WHERE mapping_id = ${mappingId}`,
  );
  if (!row) throw notFound('Import mapping', mappingId);
  return row.mapping;
}

/** Checks the file and mapping, then records the import (state queued). */
export async function createImport(db: Db, input: CreateImportInput): Promise<{ import: ImportRow; resumed: boolean }> {
  const mapping =
    input.layout === 'nc'
      ? null
      : (input.mapping ?? (input.mappingId ? await savedMapping(db, input.mappingId) : null));
  if (input.campaignId !== undefined && input.campaignId !== null) {
    const campaign = await one(db, sql`SELECT 1 FROM voters.campaigns WHERE campaign_id = ${input.campaignId}`);
    if (!campaign) throw notFound('Campaign', input.campaignId);
  }
  const preview = await inspectFile(input.filePath, input.layout, mapping, 0);
  effectiveMapping(input.layout, mapping, preview.header, preview.column_count);
  const checksum = await fileChecksum(input.filePath);
  const options = {
    file_checksum: checksum,
    layout: input.layout,
    campaign_id: input.campaignId ?? null,
    dry_run: input.dryRun ?? false,
    mapping,
  };
  if (input.resume) {
    const unfinished = await resumableImport(db, options);
    if (unfinished) return { import: unfinished, resumed: true };
  }
  const batchSize = input.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
    throw badRequest('invalid_batch_size', `batch_size must be 1 to 1,000,000, got ${batchSize}`);
  }
  const created = await insertImport(db, {
    ...options,
    file_name: input.fileName.slice(0, 255),
    file_path: path.resolve(input.filePath),
    file_size: (await fs.promises.stat(input.filePath)).size,
    mapping_id: input.mappingId ?? null,
    batch_size: batchSize,
    created_by: input.createdBy ?? null,
  });
  return { import: created, resumed: false };
}

export interface RunOptions {
  /** Called after each staged chunk and each merged batch with the import as it now stands. */
  onProgress?: (imp: ImportRow) => void;
}

/** Runs (or resumes) an import to the end. Throws on failure after recording the error on the import. */
export async function runImport(database: Database, importId: number, options: RunOptions = {}): Promise<ImportRow> {
  const { db } = database;
  const lock = await lockImport(database, importId);
  try {
    let imp = await importById(db, importId);
    if (!imp) throw notFound('Import', importId);
    if (imp.state === 'done') return imp;
    await markStarted(db, importId);
    const progress = () => {
      if (!options.onProgress) return;
      void importById(db, importId).then((row) => row && options.onProgress!(row));
    };
    try {
      for (let step = 0; step < 8 && imp.state !== 'done'; step++) {
        if (imp.state === 'queued' || imp.state === 'staging') await stage(database, imp, progress);
        else if (imp.state === 'normalizing') await normalize(database, imp);
        else if (!(await workTablesIntact(database, imp))) await setImportState(db, importId, 'staging');
        else await merge(database, imp, progress);
        imp = (await importById(db, importId))!;
        options.onProgress?.(imp);
      }
    } catch (err) {
      await markFailed(db, importId, (err as Error).message);
      throw err;
    }
    return imp;
  } finally {
    await lock.release();
  }
}

/** Deletes an import's record, issues and stored upload (never the voters it imported). */
export async function deleteImportFiles(database: Database, imp: ImportRow, dataDir: string) {
  await dropWorkTables(database, imp.import_id);
  // An unfinished bulk load may have left the voters indexes deferred: nobody else would rebuild them.
  await restoreVoterIndexes(database);
  const uploads = path.join(dataDir, 'imports');
  if (path.resolve(imp.file_path).startsWith(`${uploads}${path.sep}`)) {
    await fs.promises.rm(imp.file_path, { force: true });
  }
}
