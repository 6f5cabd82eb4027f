// The first rows of an NC voter file under the voter fields its columns fill (the rest go to custom fields).
import { ncPreviewColumns } from './import-types.ts';

export function NcPreview({ header, rows }: { header: string[]; rows: string[][] }) {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const shown = ncPreviewColumns.filter(([column]) => index.has(column));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          The first rows as they will be read ({shown.length} of {header.length} columns shown; the others are kept as
          custom fields)
        </caption>
        <thead>
          <tr>
            {shown.map(([column, field]) => (
              <th key={column} scope="col">
                {field} <span className="muted">({column})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
            <tr key={i}>
              {shown.map(([column]) => (
                <td key={column}>{row[index.get(column)!] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
