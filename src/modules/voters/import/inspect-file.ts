// Reads only the head of a file: its header, column count and first rows. Used to check a mapping before an
// import is created (a bad mapping is a 400 at upload, not a failed job) and by the wizard's preview.
import { badRequest } from '../../../http/errors.ts';
import { type ColumnMapping, resolveMapping, type ResolvedMapping } from './mapping.ts';
import { ncMapping } from './nc-layout.ts';
import { readRecords } from './records.ts';
import { openSource } from './source-file.ts';

export type Layout = 'nc' | 'csv';

/** How to read the file before the mapping is known: NC is fixed; a CSV says so in its mapping. */
export function readOptions(layout: Layout, mapping: ColumnMapping | null) {
  if (layout === 'nc') return { delimiter: '\t', encoding: 'latin1', quote: false, header: true } as const;
  if (!mapping) throw badRequest('mapping_required', 'A CSV import needs a column mapping (mapping or mapping_id)');
  return mapping;
}

/** The effective mapping (NC's is built from the header) resolved against the file's columns. */
export function effectiveMapping(
  layout: Layout,
  mapping: ColumnMapping | null,
  header: string[] | null,
  columnCount: number,
): { mapping: ColumnMapping; resolved: ResolvedMapping } {
  if (layout === 'nc' && !header) throw badRequest('invalid_file', 'An NC voter file starts with a header row');
  const effective = layout === 'nc' ? ncMapping(header!) : mapping!;
  return { mapping: effective, resolved: resolveMapping(effective, header, columnCount) };
}

export interface FilePreview {
  header: string[] | null;
  column_count: number;
  rows: string[][];
  source_name: string;
}

export async function inspectFile(
  file: string,
  layout: Layout,
  mapping: ColumnMapping | null,
  previewRows = 5,
): Promise<FilePreview> {
  const options = readOptions(layout, mapping);
  const source = await openSource(file);
  const records = readRecords(source.stream, options);
  try {
    const first = await records.next();
    if (first.done) throw badRequest('empty_file', 'The file has no rows');
    const header = options.header ? first.value.fields.map((f) => f.trim()) : null;
    const rows: string[][] = header ? [] : [first.value.fields];
    while (rows.length < previewRows) {
      const next = await records.next();
      if (next.done) break;
      rows.push(next.value.fields);
    }
    return { header, column_count: header ? header.length : first.value.fields.length, rows, source_name: source.name };
  } finally {
    await records.return(undefined);
    source.stream.destroy();
  }
}
