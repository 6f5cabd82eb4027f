// COPY of raw records into an UNLOGGED staging table (line_no, field count, c1..cN as text): the fastest
// way into PostgreSQL. PostgreSQL: COPY FROM STDIN through pg-copy-streams on one pooled client, with
// backpressure. PGlite: COPY FROM '/dev/blob' in chunks of rows, so memory stays bounded on both.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../db/client.ts';
import type { FileRecord } from './records.ts';

/** Staging table columns: line_no, nf (fields found on the line), c1..cN. */
export function stagingTableSql(table: string, columnCount: number): string {
  const cols = Array.from({ length: columnCount }, (_, i) => `c${i + 1} text`).join(', ');
  return `CREATE UNLOGGED TABLE ${table} (line_no integer NOT NULL, nf integer NOT NULL, ${cols})`;
}

const special = /[\\\t\n\r]/;
const specialAll = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One record as a line of COPY text format; short records are padded with NULLs, long ones cut (nf tells). */
export function copyLine(record: FileRecord, columnCount: number): string {
  const out: string[] = [String(record.line), String(record.fields.length)];
  for (let i = 0; i < columnCount; i++) {
    const v = record.fields[i];
    if (v === undefined) out.push('\\N');
    else out.push(special.test(v) ? v.replace(specialAll, (c) => escapes[c]) : v);
  }
  return `${out.join('\t')}\n`;
}

export interface StageOptions {
  database: Database;
  table: string;
  columnCount: number;
  records: AsyncIterable<FileRecord>;
  /** Rows per COPY on PGlite, and per progress report. */
  chunkRows?: number;
  onRows?: (rows: number) => void | Promise<void>;
}

export async function copyIntoStaging(options: StageOptions): Promise<number> {
  return options.database.pool ? copyPostgres(options) : copyPglite(options);
}

async function copyPostgres({ database, table, columnCount, records, chunkRows = 20_000, onRows }: StageOptions) {
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
      buffer += copyLine(record, columnCount);
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

async function copyPglite({ database, table, columnCount, records, chunkRows = 20_000, onRows }: StageOptions) {
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
    lines.push(copyLine(record, columnCount));
    rows++;
    if (lines.length >= chunkRows) await flush();
  }
  await flush();
  return rows;
}
