// Opens an import file as a stream of bytes: a plain file, or the data file inside a .zip (streamed with
// yauzl, never unpacked to disk or memory). The NC sample zip holds ncvoter.txt and ncvhis.txt.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { badRequest } from '../../../http/errors.ts';

export interface SourceStream {
  stream: Readable;
  /** Bytes the stream will give (uncompressed), for progress. */
  size: number;
  /** The file read inside a zip, or the file's own name. */
  name: string;
}

export async function isZip(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/** The entry to read from a zip: the voter file (ncvoter*), else the largest .txt/.csv/.tsv. */
function pickEntry(entries: yauzl.Entry[]): yauzl.Entry | undefined {
  const data = entries.filter((e) => /\.(txt|csv|tsv)$/i.test(e.fileName) && !e.fileName.endsWith('/'));
  return (
    data.find((e) => /(^|\/)ncvoter[^/]*\.txt$/i.test(e.fileName)) ??
    data.sort((a, b) => b.uncompressedSize - a.uncompressedSize)[0]
  );
}

function zipEntries(file: string): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return reject(badRequest('invalid_file', 'The file is not a readable zip archive'));
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', () => reject(badRequest('invalid_file', 'The zip archive is damaged')));
      zip.readEntry();
    });
  });
}

export async function openSource(file: string): Promise<SourceStream> {
  if (!(await isZip(file))) {
    const { size } = await fs.promises.stat(file);
    return { stream: fs.createReadStream(file, { highWaterMark: 1 << 20 }), size, name: file.split('/').pop()! };
  }
  const { zip, entries } = await zipEntries(file);
  const entry = pickEntry(entries);
  if (!entry) {
    zip.close();
    throw badRequest('invalid_file', 'The zip archive holds no .txt, .csv or .tsv file');
  }
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  stream.on('end', () => zip.close());
  stream.on('error', () => zip.close());
  return { stream, size: entry.uncompressedSize, name: entry.fileName };
}

/** sha256 of the file as stored (the zip itself for zips): the same file twice has the same checksum. */
export async function fileChecksum(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
