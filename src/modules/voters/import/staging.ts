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

/** A JSON string literal; the common case (nothing to escape) without JSON.stringify. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON must escape exactly these characters
const needsJsonEscape = /["\\\u0000-\u001f\ud800-\udfff]/;
const jsonString = (v: string) => (needsJsonEscape.test(v) ? JSON.stringify(v) : `"${v}"`);

type CustomColumns = ResolvedMapping['custom'];
/** The custom columns grouped by their top-level key, keys already written as JSON. */
type CustomPlan = { key: string; leaf: number | null; members: { key: string; index: number }[] }[];
const plans = new WeakMap<CustomColumns, CustomPlan | null>();

/** null when a key is both a value and an object (an odd mapping): those go through JSON.stringify. */
function customPlan(custom: CustomColumns): CustomPlan | null {
  let plan = plans.get(custom);
  if (plan !== undefined) return plan;
  const groups = new Map<string, CustomPlan[number]>();
  plan = [];
  for (const { path, index } of custom) {
    let group = groups.get(path[0]);
    if (!group) {
      group = { key: jsonString(path[0]), leaf: null, members: [] };
      groups.set(path[0], group);
      plan.push(group);
    }
    if (path.length === 1) group.leaf = index;
    else group.members.push({ key: jsonString(path[1]), index });
    if (group.leaf !== null && group.members.length > 0) plan = null;
    if (!plan) break;
  }
  plans.set(custom, plan);
  return plan;
}

/**
 * The custom_fields of a record as JSON text, built here while the file streams by: building a 55-key jsonb
 * per row in SQL (jsonb_build_object + strip nulls) cost more than all the other cleaning together.
 * Values are trimmed; empty ones are left out; '' when there is nothing. Written by string concatenation
 * (keys quoted once per import), which is several times cheaper than an object and JSON.stringify per row.
 */
export function customJson(record: FileRecord, custom: CustomColumns): string {
  if (custom.length === 0) return '';
  const plan = customPlan(custom);
  if (!plan) return customJsonSlow(record, custom);
  let out = '';
  for (const group of plan) {
    let value = '';
    if (group.leaf !== null) {
      const v = record.fields[group.leaf]?.trim();
      if (v) value = jsonString(v);
    } else {
      for (const { key, index } of group.members) {
        const v = record.fields[index]?.trim();
        if (v) value += `${value ? ',' : '{'}${key}:${jsonString(v)}`;
      }
      if (value) value += '}';
    }
    if (value) out += `${out ? ',' : '{'}${group.key}:${value}`;
  }
  return out ? `${out}}` : '';
}

function customJsonSlow(record: FileRecord, custom: CustomColumns): string {
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
const specialInLine = /[\\\n\r]/;

/** One record as a line of COPY text format; short records are padded with NULLs, long ones cut (nf tells). */
export function copyLine(record: FileRecord, columnCount: number, custom: CustomColumns = []): string {
  const shaped = record.fields.length === columnCount;
  // A record with the wrong number of fields is rejected: its columns may be shifted, so no custom fields.
  let json = shaped ? customJson(record, custom) : '';
  if (special.test(json)) json = json.replace(specialAll, (c) => escapes[c]);
  if (shaped) {
    // The common case: the fields joined by tabs are already COPY text unless one holds \, a tab or a newline
    // (a field with a tab has more fields joined than there are: the joined line is checked for \ \n \r, and
    // a tab inside a field is impossible for split records but possible for quoted CSV, so check the fields).
    const joined = record.fields.join('\t');
    if (!specialInLine.test(joined) && !record.fields.some((f) => f.includes('\t'))) {
      return `${record.line}\t${columnCount}\t${joined}\t${json}\n`;
    }
  }
  const out: string[] = [String(record.line), String(record.fields.length)];
  for (let i = 0; i < columnCount; i++) {
    const v = record.fields[i];
    if (v === undefined) out.push('\\N');
    else out.push(special.test(v) ? v.replace(specialAll, (c) => escapes[c]) : v);
  }
  out.push(json);
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
