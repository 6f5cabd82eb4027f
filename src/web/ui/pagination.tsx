// Previous / next page controls with "Page 2 of 7 · 134 results".
import { Button } from './button.tsx';

export function Pagination({
  page,
  perPage,
  total,
  onPage,
  label,
}: {
  page: number;
  perPage: number;
  total: number;
  onPage(page: number): void;
  label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  if (pages <= 1) {
    return (
      <p className="pagination pagination-status" aria-live="polite">
        {total.toLocaleString()} {total === 1 ? 'result' : 'results'}
      </p>
    );
  }
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>
        ← Previous
      </Button>
      <span className="pagination-status" aria-live="polite">
        Page {page} of {pages} · {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()}
      </span>
      <Button onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next →
      </Button>
    </nav>
  );
}
