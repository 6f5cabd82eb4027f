// Messages in the page. Errors are announced at once (role=alert); other kinds politely (role=status).
import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error.ts';

export type AlertKind = 'error' | 'success' | 'info' | 'warning';

export function Alert({ kind = 'info', title, children }: { kind?: AlertKind; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}

/** Shows what went wrong from anything thrown; field errors are listed. Renders nothing for a null error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  if (isApiError(error)) {
    const problems = Array.isArray(error.body.problems) ? (error.body.problems as unknown[]).map(String) : [];
    return (
      <Alert kind="error" title={title}>
        <p>{error.detail}</p>
        {(error.errors.length > 0 || problems.length > 0) && (
          <ul>
            {error.errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                {e.field.replace(/^(body|querystring|params)\./, '')}: {e.message}
              </li>
            ))}
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </Alert>
    );
  }
  return (
    <Alert kind="error" title={title}>
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </Alert>
  );
}
