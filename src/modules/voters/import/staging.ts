// COPY of raw records into an UNLOGGED staging table (line_no, field count, c1..cN as text): the fastest
// way into PostgreSQL. PostgreSQL: COPY FROM STDIN through pg-copy-streams on one pooled client, with
// backpressure. PGlite: COPY FROM '/dev/blob' in chunks of rows, so memory stays bounded on both.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../db/client.ts';
import type { ResolvedMapping } from './mapping.ts';
import type { FileRecord } from './records.ts';

/** Staging table columns: line_no, nf (fields found on the line), c1..cN, and custom_json (see customJson). */
export function stagingTableSql(table: string, columnCount: number): string {
  const cols = Array.from({ length: columnCount }, (_, i) => `c${i + 1} text`).join(', ');
  return `CREATE UNLOGGED TABLE ${table} (line_no integer NOT NULL, nf integer NOT NULL, ${cols}, custom_json text)`;
}

/**
 * The custom_fields of a record as JSON text, built here while the file streams by: building a 55-key jsonb
 * per row in SQL (jsonb_build_object + strip nulls) cost more than all the other cleaning together.
 * Values are trimmed; empty ones are left out; '' when there is nothing.
 */
export function customJson(record: FileRecord, custom: ResolvedMapping['custom']): string {
  if (custom.length === 0) return '';
  const out: Record<string, unknown> = {};
  let any = false;
  for (const { path, index } of custom) {
    const v = record.fields[index]?.trim();
    if (!v) continue;
    any = true;
    if (path.length === 1) out[path[0]] = v;
    else {
      out[path[0]] ??= {};
      (out[path[0]] as Record<string, string>)[path[1]] = v;
    }
  }
  return any ? JSON.stringify(out) : '';
}

const special = /[\\\t\n\r]/;
const specialAll = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One record as a line of COPY text format; short records are padded with NULLs, long ones cut (nf tells). */
export function copyLine(record: FileRecord, columnCount: number, custom: ResolvedMapping['custom'] = []): string {
  const out: string[] = [String(record.line), String(record.fields.length)];
  const shaped = record.fields.length === columnCount;
  for (let i = 0; i < columnCount; i++) {
    const v = record.fields[i];
    if (v === undefined) out.push('\\N');
    else out.push(special.test(v) ? v.replace(specialAll, (c) => escapes[c]) : v);
  }
  // A record with the wrong number of fields is rejected: its columns may be shifted, so no custom fields.
  const json = shaped ? customJson(record, custom) : '';
  out.push(special.test(json) ? json.replace(specialAll, (c) => escapes[c]) : json);
  return `${out.join('\t')}\n`;
}

export interface StageOptions {
  database: Database;
  table: string;
  columnCount: number;
  records: AsyncIterable<FileRecord>;
  /** Columns that go to custom_fields (built as JSON while copying). */
  custom?: ResolvedMapping['custom'];
  /** Rows per COPY on PGlite, and per progress report. */
  chunkRows?: number;
  onRows?: (rows: number) => void | Promise<void>;
}

export async function copyIntoStaging(options: StageOptions): Promise<number> {
  return options.database.pool ? copyPostgres(options) : copyPglite(options);
}

async function copyPostgres({
  database,
  table,
  columnCount,
  records,
  custom,
  chunkRows = 20_000,
  onRows,
}: StageOptions) {
  const client = await database.pool!.connect();
  let rows = 0;
  try {
    const copy = client.query(copyFrom(`COPY ${table} FROM STDIN`));
    const done = finished(copy);
    // A COPY error ends the stream early: surface it instead of waiting on 'drain' forever.
    let failed: Error | null = null;
    done.catch((err) => {
      failed = err;
    });
    let buffer = '';
    for await (const record of records) {
      buffer += copyLine(record, columnCount, custom);
      rows++;
      if (buffer.length > 1 << 16) {
        if (failed) throw failed;
        if (!copy.write(buffer)) await Promise.race([once(copy, 'drain'), done]);
        buffer = '';
      }
      if (rows % chunkRows === 0) await onRows?.(rows);
    }
    if (buffer) copy.write(buffer);
    copy.end();
    await done;
    await onRows?.(rows);
    return rows;
  } finally {
    client.release();
  }
}

async function copyPglite({ database, table, columnCount, records, custom, chunkRows = 20_000, onRows }: StageOptions) {
  const pglite = database.pglite!;
  let rows = 0;
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    await pglite.query(`COPY ${table} FROM '/dev/blob'`, [], { blob: new Blob(lines) });
    lines = [];
    await onRows?.(rows);
  };
  for await (const record of records) {
    lines.push(copyLine(record, columnCount, custom));
    rows++;
    if (lines.length >= chunkRows) await flush();
  }
  await flush();
  return rows;
}
