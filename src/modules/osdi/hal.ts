// The HAL+JSON envelope OSDI speaks: curie-prefixed links, collections with paging links, identifiers.
// Pure functions: the routes give them the public base URL and the request's path and query.

export const namespace = 'caucus';
export const osdiVersion = '1.2';
export const maxPageSize = 100;
export const defaultPageSize = 25;
export const halContentType = 'application/hal+json; charset=utf-8';

export interface Link {
  href: string;
  title?: string;
}

/** Where the OSDI API and its docs live for one request. */
export interface OsdiBase {
  /** e.g. https://caucus.example.org/osdi/v1 (no trailing slash) */
  api: string;
  docs: string;
}

export function osdiBase(publicUrl: string): OsdiBase {
  const root = publicUrl.replace(/\/$/, '');
  return { api: `${root}/osdi/v1`, docs: `${root}/osdi/docs/v1` };
}

export function curies(base: OsdiBase) {
  return [{ name: 'osdi', href: `${base.docs}/{rel}`, templated: true }];
}

/** `caucus:<id>` first, then the foreign identifiers stored for the resource. */
export function identifiers(id: number, foreign: string[] = []): string[] {
  return [`${namespace}:${id}`, ...foreign.filter((f) => f !== `${namespace}:${id}`)];
}

/** The bare id of a `caucus:<id>` identifier, or null when it is another system's. */
export function ownId(identifier: string): number | null {
  const m = new RegExp(`^${namespace}:(\\d{1,9})$`).exec(identifier);
  return m ? Number(m[1]) : null;
}

/** The numeric id at the end of one of our resource URLs (`.../people/12`), for helper `*_uri` fields and links. */
export function idFromHref(href: unknown, collection: string): number | null {
  if (typeof href !== 'string' || href.length > 2000) return null;
  const m = new RegExp(`/${collection}/(\\d{1,9})/?(?:[?#].*)?$`).exec(href);
  return m ? Number(m[1]) : null;
}

export interface Paging {
  page: number;
  perPage: number;
}

/** page >= 1; per_page clamped to 1..maxPageSize (OSDI: above max_pagesize is clamped, not refused). */
export function paging(query: { page?: number; per_page?: number }): Paging {
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  const perPage = Math.min(maxPageSize, Math.max(1, Math.trunc(query.per_page ?? defaultPageSize)));
  return { page, perPage };
}

/** The same URL with `page` (and the clamped per_page) replaced; other parameters kept, the API token dropped. */
export function pageHref(base: OsdiBase, path: string, query: URLSearchParams, page: number, perPage: number) {
  const q = new URLSearchParams(query);
  q.delete('osdi-api-token');
  q.set('page', String(page));
  q.set('per_page', String(perPage));
  return `${base.api}${path}?${q.toString()}`;
}

export interface CollectionInput {
  base: OsdiBase;
  /** The path under the API root, e.g. `/people` or `/tags/3/taggings`. */
  path: string;
  query: URLSearchParams;
  rel: string;
  paging: Paging;
  total: number;
  items: Array<{ _links: { self: Link } }>;
}

/** A HAL collection: totals, self/next/previous/prev links, the item links and the embedded items. */
export function collection(input: CollectionInput) {
  const { base, path, query, rel, total, items } = input;
  const { page, perPage } = input.paging;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const self = new URLSearchParams(query);
  self.delete('osdi-api-token');
  const selfQuery = self.toString();
  const links: Record<string, unknown> = {
    self: { href: `${base.api}${path}${selfQuery ? `?${selfQuery}` : ''}` },
  };
  if (page < totalPages) links.next = { href: pageHref(base, path, query, page + 1, perPage) };
  if (page > 1) {
    // OSDI says `previous`; some clients only know `prev`: both point at the same page.
    const previous = { href: pageHref(base, path, query, Math.min(page - 1, totalPages), perPage) };
    links.previous = previous;
    links.prev = previous;
  }
  links[rel] = items.map((item) => ({ href: item._links.self.href }));
  links.curies = curies(base);
  return {
    total_pages: totalPages,
    per_page: perPage,
    page,
    total_records: total,
    _links: links,
    _embedded: { [rel]: items },
  };
}
