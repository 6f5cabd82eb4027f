import { describe, expect, it } from 'vitest';
import { collection, idFromHref, identifiers, maxPageSize, osdiBase, ownId, paging } from './hal.ts';

const base = osdiBase('https://caucus.example.org/');

describe('paging', () => {
  it('defaults to page 1 of 25 and clamps per_page to max_pagesize', () => {
    expect(paging({})).toEqual({ page: 1, perPage: 25 });
    expect(paging({ page: 3, per_page: 10 })).toEqual({ page: 3, perPage: 10 });
    expect(paging({ per_page: 10_000 })).toEqual({ page: 1, perPage: maxPageSize });
    expect(paging({ page: 0, per_page: 0 })).toEqual({ page: 1, perPage: 1 });
  });
});

describe('collection', () => {
  const items = [1, 2].map((id) => ({ _links: { self: { href: `${base.api}/tags/${id}` } } }));
  const make = (page: number, total: number, query = 'filter=x&osdi-api-token=secret') =>
    collection({
      base,
      path: '/tags',
      query: new URLSearchParams(query),
      rel: 'osdi:tags',
      paging: { page, perPage: 2 },
      total,
      items,
    });

  it('has totals, self without the token, item links, curies and the embedded items', () => {
    const c = make(1, 5);
    expect(c).toMatchObject({ total_pages: 3, per_page: 2, page: 1, total_records: 5 });
    expect(c._links.self).toEqual({ href: 'https://caucus.example.org/osdi/v1/tags?filter=x' });
    expect(c._links['osdi:tags']).toEqual(items.map((i) => ({ href: i._links.self.href })));
    expect(c._links.curies).toEqual([
      { name: 'osdi', href: 'https://caucus.example.org/osdi/docs/v1/{rel}', templated: true },
    ]);
    expect(c._embedded['osdi:tags']).toBe(items);
  });

  it('links next on all but the last page and previous/prev on all but the first, keeping the filter', () => {
    const first = make(1, 5);
    expect(first._links.next).toEqual({ href: 'https://caucus.example.org/osdi/v1/tags?filter=x&page=2&per_page=2' });
    expect(first._links.previous).toBeUndefined();
    const middle = make(2, 5);
    expect(middle._links.previous).toEqual({
      href: 'https://caucus.example.org/osdi/v1/tags?filter=x&page=1&per_page=2',
    });
    expect(middle._links.prev).toEqual(middle._links.previous);
    expect(make(3, 5)._links.next).toBeUndefined();
    expect(JSON.stringify(make(2, 5))).not.toContain('secret');
  });

  it('answers an empty collection with one page and no next link', () => {
    const c = collection({
      base,
      path: '/tags',
      query: new URLSearchParams(),
      rel: 'osdi:tags',
      paging: { page: 1, perPage: 25 },
      total: 0,
      items: [],
    });
    expect(c).toMatchObject({ total_pages: 1, total_records: 0, _embedded: { 'osdi:tags': [] } });
    expect(c._links.next).toBeUndefined();
  });
});

describe('identifiers and hrefs', () => {
  it('puts our namespace first, then the foreign ids', () => {
    expect(identifiers(7, ['foreign_system:1', 'caucus:7'])).toEqual(['caucus:7', 'foreign_system:1']);
    expect(ownId('caucus:12')).toBe(12);
    expect(ownId('action_network:12')).toBeNull();
  });

  it('reads our ids from resource URLs of any host, with or without a trailing slash', () => {
    expect(idFromHref('https://caucus.example.org/osdi/v1/people/42', 'people')).toBe(42);
    expect(idFromHref('http://localhost:3000/osdi/v1/tags/3/', 'tags')).toBe(3);
    expect(idFromHref('https://osdi-sample-system.org/api/v1/tags/d91b4b2e-ae0e', 'tags')).toBeNull();
    expect(idFromHref('https://x/osdi/v1/people/42/taggings', 'people')).toBeNull();
    expect(idFromHref(42, 'people')).toBeNull();
  });
});
