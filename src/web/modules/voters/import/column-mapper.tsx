// Mapping a CSV's columns to voter fields, with the first rows of the file under each column.
import { SelectField } from '../../../ui/form-field.tsx';
import { type ColumnMapping, voterFields } from './import-types.ts';

const fieldOptions = [{ value: '', label: '(skip)' }, ...voterFields.map((f) => ({ value: f, label: f }))];

export function ColumnMapper({
  header,
  rows,
  mapping,
  onChange,
}: {
  header: string[];
  rows: string[][];
  mapping: ColumnMapping;
  onChange(mapping: ColumnMapping): void;
}) {
  const target = (column: string) => mapping.columns[column] ?? '';
  const setTarget = (column: string, value: string) => {
    const columns = { ...mapping.columns };
    if (value === '') delete columns[column];
    else columns[column] = value;
    onChange({ ...mapping, columns });
  };
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Where each column goes (the first rows of the file below)</caption>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h} scope="col">
                <SelectField
                  label={h}
                  value={target(h).startsWith('custom_fields.') ? 'custom' : target(h)}
                  options={[...fieldOptions, { value: 'custom', label: 'custom field' }]}
                  onChange={(e) =>
                    setTarget(
                      h,
                      e.target.value === 'custom'
                        ? `custom_fields.${h.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`
                        : e.target.value,
                    )
                  }
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
            <tr key={i}>
              {header.map((h, j) => (
                <td key={h}>{row[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
