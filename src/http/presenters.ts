// Small helpers shared by every module's presenters: what goes over the wire is built explicitly.

/** A database timestamp (string or Date) as ISO 8601, or null. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const d =
    value instanceof Date
      ? value
      : new Date(
          String(value)
            .replace(' ', 'T')
            .replace(/([+-]\d\d)$/, '$1:00'),
        );
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}

/** Page/per_page arithmetic and the envelope every paged list answers with. */
export function pageOffset(page: number, perPage: number): number {
  return (page - 1) * perPage;
}

export function totalPages(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
