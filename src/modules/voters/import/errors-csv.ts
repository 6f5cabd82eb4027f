// errors.csv: an import's rejected rows (and optionally its warnings) with the line, reason and raw fields under
// the file's own header, paged out of voters.import_issues so a large file's errors never sit in memory.
// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Db } from '../../../db/client.ts';
import { type ImportRow, issuesPage } from './imports.queries.ts';

const formula = /^[=@\t\r]|^[+-][^0-9 ]/;
const safe = (v: string | null) => (v && formula.test(v) ? `'${v}` : (v ?? ''));

export function writeIssuesCsv(db: Db, imp: ImportRow, withWarnings: boolean): Readable {
  const columns = imp.header ?? Array.from({ length: imp.column_count ?? 0 }, (_, i) => `column_${i + 1}`);
  const csv = stringify({ header: true, columns: ['line', 'severity', 'reason', ...columns] });
  (async () => {
    let after = 0;
    for (;;) {
      const page = await issuesPage(db, imp.import_id, withWarnings, after, 2000);
      for (const issue of page) {
        const raw = issue.raw ?? [];
        const ok = csv.write([
          issue.line_no,
          issue.severity,
          safe(issue.reason),
          ...columns.map((_, i) => safe(raw[i] ?? null)),
        ]);
        if (!ok) await new Promise((r) => csv.once('drain', r));
      }
      if (page.length < 2000) break;
      after = page[page.length - 1].issue_id;
    }
    csv.end();
  })().catch((err) => csv.destroy(err));
  return csv;
}
