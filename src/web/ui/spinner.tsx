// Something is loading: a spinner with a label that screen readers hear.

export function Spinner({ label = 'Loading', inline = false }: { label?: string; inline?: boolean }) {
  return (
    <span className={inline ? 'spinner-wrap spinner-wrap-inline' : 'spinner-wrap'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span className={inline ? 'visually-hidden' : 'spinner-label'}>{label}…</span>
    </span>
  );
}
