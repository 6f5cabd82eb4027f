// Streams a delimited file as records with their line numbers, decoding Latin-1 / Windows-1252 / UTF-8 as it
// goes. Quote-less files (the NC layout) are split by hand, which is several times faster than a CSV parser;
// quoted CSV goes through csv-parse. Memory stays at a chunk or two whatever the file's size.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import type { ColumnMapping } from './mapping.ts';

export interface FileRecord {
  /** 1-based line number in the file (the header is line 1); for quoted CSV, the line the record starts on. */
  line: number;
  fields: string[];
}

type Decode = { write(b: Buffer): string; end(): string };

function decoder(encoding: ColumnMapping['encoding']): Decode {
  if (encoding === 'latin1') return { write: (b) => b.toString('latin1'), end: () => '' };
  if (encoding === 'windows-1252') {
    const d = new TextDecoder('windows-1252');
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  const d = new StringDecoder('utf8');
  return { write: (b) => d.write(b), end: () => d.end() };
}

/** Decoded text chunks of a byte stream; onBytes reports the bytes read so far. */
export async function* decodeText(
  stream: Readable,
  encoding: ColumnMapping['encoding'],
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const d = decoder(encoding);
  let bytes = 0;
  let first = true;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    onBytes?.(bytes);
    let text = d.write(chunk as Buffer);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  const rest = d.end();
  if (rest) yield rest;
}

async function* quoteless(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<FileRecord> {
  let carry = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      line++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const raw = text.slice(start, end);
      start = nl + 1;
      if (raw.trim() !== '') yield { line, fields: raw.split(delimiter) };
    }
    carry = text.slice(start);
  }
  if (carry.trim() !== '') yield { line: line + 1, fields: carry.replace(/\r$/, '').split(delimiter) };
}

async function* quoted(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<FileRecord> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  const feed = (async () => {
    try {
      for await (const chunk of chunks) {
        if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; raw?: string } }>) {
    // csv-parse counts to the record's last line; a record starts earlier by the line breaks inside its fields.
    let breaks = 0;
    for (const f of item.record) for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) breaks++;
    yield { line: item.info.lines - breaks, fields: item.record };
  }
  await feed;
}

/** Records of the file, header included (the caller takes the first record as the header when there is one). */
export function readRecords(
  stream: Readable,
  mapping: Pick<ColumnMapping, 'delimiter' | 'encoding' | 'quote'>,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<FileRecord> {
  const chunks = decodeText(stream, mapping.encoding, onBytes);
  return mapping.quote === false ? quoteless(chunks, mapping.delimiter) : quoted(chunks, mapping.delimiter);
}
