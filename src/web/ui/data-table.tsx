// A table of rows with a caption, loading and empty states, scrolling sideways on a phone, and pagination below.
import type { ReactNode } from 'react';
import { ErrorAlert } from './alert.tsx';
import { EmptyState } from './empty-state.tsx';
import { Pagination } from './pagination.tsx';
import { Spinner } from './spinner.tsx';

export interface Column<T> {
  /** Unique per table. */
  key: string;
  header: ReactNode;
  render(row: T): ReactNode;
  /** e.g. 'num' right-aligns numbers; 'nowrap' keeps dates on one line. */
  className?: string;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers (visible above it unless captionHidden). */
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey(row: T): string | number;
  loading?: boolean;
  error?: unknown;
  emptyTitle?: string;
  empty?: ReactNode;
  /** Server-side paging: shows the controls when given. */
  pagination?: { page: number; perPage: number; total: number; onPage(page: number): void };
}

export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  loading = false,
  error,
  emptyTitle = 'Nothing here yet',
  empty,
  pagination,
}: DataTableProps<T>) {
  if (error) return <ErrorAlert error={error} title={`Could not load ${caption.toLowerCase()}`} />;
  if (!rows && loading) return <Spinner label={`Loading ${caption.toLowerCase()}`} />;
  const list = rows ?? [];
  if (list.length === 0 && !loading) {
    return <EmptyState title={emptyTitle}>{empty}</EmptyState>;
  }
  return (
    <div className="data-table" aria-busy={loading || undefined}>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption className={captionHidden ? 'visually-hidden' : undefined}>
            {caption}
            {loading && <Spinner inline label="Updating" />}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.className}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination && pagination.total > 0 && (
        <Pagination
          page={pagination.page}
          perPage={pagination.perPage}
          total={pagination.total}
          onPage={pagination.onPage}
          label={caption}
        />
      )}
    </div>
  );
}
