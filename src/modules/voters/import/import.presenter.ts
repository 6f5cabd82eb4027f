// What an import looks like over the wire: state, progress and counts (never the server-side file path).
import { iso } from '../../../http/presenters.ts';
import type { ImportRow } from './imports.queries.ts';

export function importStatus(imp: ImportRow): string {
  if (imp.state === 'done') return 'done';
  if (imp.error) return 'failed';
  return imp.state;
}

/** 0..1: staging by bytes (the first half), merging by lines (the second half). */
export function importProgress(imp: ImportRow): number {
  if (imp.state === 'done') return 1;
  const staged = imp.bytes_total > 0 ? Math.min(1, imp.bytes_read / imp.bytes_total) : 0;
  if (imp.state === 'queued') return 0;
  if (imp.state === 'staging') return 0.5 * staged;
  if (imp.state === 'normalizing') return 0.5;
  return 0.5 + 0.5 * (imp.last_line > 0 ? imp.last_merged_line / imp.last_line : 1);
}

export function presentImport(imp: ImportRow) {
  return {
    import_id: imp.import_id,
    file_name: imp.file_name,
    file_size: imp.file_size,
    file_checksum: imp.file_checksum,
    layout: imp.layout,
    mapping: imp.mapping,
    header: imp.header,
    mapping_id: imp.mapping_id,
    campaign_id: imp.campaign_id,
    dry_run: imp.dry_run,
    batch_size: imp.batch_size,
    state: imp.state,
    status: importStatus(imp),
    error: imp.error,
    progress: Math.round(importProgress(imp) * 1000) / 1000,
    bytes_total: imp.bytes_total,
    bytes_read: imp.bytes_read,
    rows_read: imp.rows_read,
    last_line: imp.last_line,
    last_merged_line: imp.last_merged_line,
    counts: {
      inserted: imp.inserted,
      updated: imp.updated,
      unchanged: imp.unchanged,
      rejected: imp.rejected,
      warnings: imp.warnings,
      matched: imp.updated + imp.unchanged,
    },
    created_by: imp.created_by,
    created_at: iso(imp.created_at)!,
    started_at: iso(imp.started_at),
    finished_at: iso(imp.finished_at),
    failed_at: iso(imp.failed_at),
  };
}
