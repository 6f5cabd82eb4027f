// CSV downloads shared by the modules' exports: a formula-injection-safe cell, a stream built from batches of
// rows (so a million rows never sit in memory), and the reply headers of a file download.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

/** The cell as text, defused if a spreadsheet would read it as a formula (= + - @ | tab or CR first get a '). */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return typeof value === 'string' || typeof value === 'object'
    ? /^[=+\-@|\t\r]/.test(text)
      ? `'${text}`
      : text
    : text;
}

/** The CSV stream of `records` (header first); each record is read by column name and made safe. */
export function csvStream(columns: readonly string[], records: AsyncIterable<Record<string, unknown>>): Readable {
  const csv = stringify({ header: true, columns: [...columns] });
  async function* cells() {
    for await (const record of records) yield columns.map((c) => safeCell(record[c]));
  }
  Readable.from(cells())
    .on('error', (err) => csv.destroy(err))
    .pipe(csv);
  return csv;
}

/** Sends a CSV stream as an attachment that no cache keeps. */
export function sendCsv(reply: FastifyReply, filename: string, stream: Readable) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(stream);
}

/** A file-name-safe slug of a name (at most 60 characters), or the fallback. */
export function fileSlug(name: string, fallback: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || fallback
  );
}
