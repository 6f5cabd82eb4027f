// Filters above a list: a search landmark whose fields apply on submit (Enter) and clear in one click.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
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
  /** Uncontrolled FormField-based controls with `name` and `defaultValue` from `values`. */
  children: ReactNode;
  onApply(form: FormData): void;
  onClear?(): void;
  /** The applied filter values; when they change elsewhere (back button, Clear) the fields show them again. */
  values?: Record<string, string>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [generation, setGeneration] = useState(0);

  // Re-create the fields only when they show something other than the applied values, so applying a filter
  // keeps keyboard focus where it is.
  const serialized = JSON.stringify(values ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: compare when the applied values change
  useEffect(() => {
    const form = formRef.current;
    if (!form || !values) return;
    const current = formValues(new FormData(form));
    if (Object.entries(current).some(([key, value]) => value !== (values[key] ?? ''))) setGeneration((g) => g + 1);
  }, [serialized]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(new FormData(event.currentTarget));
  };
  return (
    <search className="filter-bar" aria-label={label}>
      <form ref={formRef} onSubmit={submit} key={generation}>
        <div className="filter-fields">{children}</div>
        <div className="filter-actions">
          <Button type="submit" variant="primary">
            Apply filters
          </Button>
          {onClear && <Button onClick={onClear}>Clear</Button>}
        </div>
      </form>
    </search>
  );
}

/** FormData entries as plain trimmed strings (files dropped), for useSearchState. */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] = value.trim();
  return out;
}
