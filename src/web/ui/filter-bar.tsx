// Filters above a list: a search landmark whose fields apply on submit (Enter) and clear in one click.
import type { FormEvent, ReactNode } from 'react';
import { Button } from './button.tsx';

export function FilterBar({
  label,
  children,
  onApply,
  onClear,
  values,
}: {
  /** e.g. "Filter users" (names the search landmark). */
  label: string;
  /** FormField-based controls. Read their values in onApply (e.g. from FormData or controlled state). */
  children: ReactNode;
  onApply(form: FormData): void;
  onClear?(): void;
  /** The applied filter values; when they change (back button, Clear) the fields show them again. */
  values?: Record<string, string>;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(new FormData(event.currentTarget));
  };
  return (
    <search className="filter-bar" aria-label={label}>
      <form onSubmit={submit} key={values ? JSON.stringify(values) : undefined}>
        <div className="filter-fields">{children}</div>
        <div className="filter-actions">
          <Button type="submit" variant="primary">
            Apply filters
          </Button>
          {onClear && (
            <Button
              type="reset"
              onClick={(event) => {
                event.preventDefault();
                onClear();
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>
    </search>
  );
}

/** FormData entries as plain strings (files dropped), for useSearchState. */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] = value.trim();
  return out;
}
