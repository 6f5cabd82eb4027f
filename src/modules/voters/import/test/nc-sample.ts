// The real NC sample (read from ../shared/data, never copied into the repository) and files derived from it
// in .tmp for the tests: a prefix of N rows, or a prefix with edited lines.
import fs from 'node:fs';
import path from 'node:path';
import { openSource } from '../source-file.ts';

export const ncSampleZip = path.resolve('../shared/data/nc-voters-chatham-2018-12-22.zip');
export const ncSampleRows = 60_568;

/** The first `rows` data rows of ncvoter.txt (with its header), optionally edited, as a Latin-1 .txt in .tmp. */
export async function ncPrefix(rows: number, edit?: (fields: string[], line: number) => string[]): Promise<string> {
  const dir = path.resolve('.tmp/nc-samples');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ncvoter-${rows}-${edit ? Math.random().toString(36).slice(2) : 'plain'}.txt`);
  if (!edit && fs.existsSync(file)) return file;
  const source = await openSource(ncSampleZip);
  const out: string[] = [];
  let carry = '';
  for await (const chunk of source.stream) {
    const lines = (carry + (chunk as Buffer).toString('latin1')).split('\n');
    carry = lines.pop()!;
    for (const l of lines) {
      if (out.length > rows) break;
      const line = out.length + 1;
      out.push(edit && line > 1 ? edit(l.replace(/\r$/, '').split('\t'), line).join('\t') : l);
    }
    if (out.length > rows) break;
  }
  source.stream.destroy();
  fs.writeFileSync(file, Buffer.from(`${out.join('\n')}\n`, 'latin1'));
  return file;
}
