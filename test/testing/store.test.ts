// The paging of the mock's store, json-server's rules as properties: pages partition the result in
// order, X-Total-Count is the match count, and Link names a next page exactly when one exists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLinkHeader, pageFromLink } from '../../src/http/page.js';
import { Store } from '../../src/testing/store.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `n${(i * 7) % 5}` }));

describe('Store.list paging', () => {
  it('partitions any result into pages, with honest X-Total-Count and Link headers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (n, limit) => {
        const store = new Store({ users: rows(n) });
        const pages = Math.ceil(n / limit);
        const seen: number[] = [];
        for (let page = 1; page <= pages + 1; page++) {
          const url = new URL(`http://x.test/users?_page=${page}&_limit=${limit}&_sort=name`);
          const { rows: got, headers } = store.list('users', {}, url);
          expect(headers['X-Total-Count']).toBe(String(n));
          const links = parseLinkHeader(headers.Link);
          expect(pageFromLink(links.next)).toBe(page < pages ? page + 1 : undefined);
          if (page <= pages && pages > 1) expect(pageFromLink(links.last)).toBe(pages);
          seen.push(...got.map((r) => r.id as number));
        }
        const sorted = [...rows(n)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        expect(seen).toEqual(sorted.map((r) => r.id));
      }),
      { numRuns: 60 },
    );
  });

  it('slices with _start/_end and _limit alone, as json-server does without _page', () => {
    const store = new Store({ users: rows(10) });
    const ids = (query: string) =>
      store.list('users', {}, new URL(`http://x.test/users?${query}`)).rows.map((r) => r.id);
    expect(ids('_start=2&_end=5')).toEqual([3, 4, 5]);
    expect(ids('_limit=3')).toEqual([1, 2, 3]);
    expect(ids('_start=8&_limit=5')).toEqual([9, 10]);
    expect(store.list('users', {}, new URL('http://x.test/users?_limit=3')).headers.Link).toBeUndefined();
  });

  it('filters with json-server operators, and ignores a filter on a field no record has', () => {
    const store = new Store({ users: rows(10) });
    const ids = (query: string) =>
      store.list('users', {}, new URL(`http://x.test/users?${query}`)).rows.map((r) => r.id);
    expect(ids('id_gte=8')).toEqual([8, 9, 10]);
    expect(ids('id_lte=2')).toEqual([1, 2]);
    expect(ids('id_ne=1&id_ne=2&id_lte=4')).toEqual([3, 4]);
    expect(ids('name_like=^N0$')).toEqual([1, 6]);
    expect(ids('id=3&id=5')).toEqual([3, 5]);
    expect(ids('nickname=x')).toHaveLength(10);
  });

  it('hands out copies: changing a returned record changes nothing stored', () => {
    const store = new Store({ users: rows(1) });
    const found = store.find('users', { id: 1 })!;
    found.name = 'changed';
    expect(store.find('users', { id: 1 })!.name).toBe('n0');
  });
});
