// A screen's heading (the page's one h1), its actions and the document title.
import { type ReactNode, useEffect } from 'react';

export function Page({
  title,
  actions,
  intro,
  narrow = false,
  children,
}: {
  title: string;
  actions?: ReactNode;
  intro?: ReactNode;
  /** A single centred column (sign-in and other one-form pages). */
  narrow?: boolean;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Caucus`;
  }, [title]);
  return (
    <div className={narrow ? 'page page-narrow' : 'page'}>
      <div className="page-head">
        <h1 tabIndex={-1}>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {intro && <div className="page-intro">{intro}</div>}
      {children}
    </div>
  );
}

/** A titled block inside a page. */
export function Section({
  title,
  children,
  actions,
  id: anchor,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  /** An anchor for links such as /account#sessions. */
  id?: string;
}) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="card" aria-labelledby={id} id={anchor}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
