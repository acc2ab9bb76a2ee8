// The cache's store and its pure helpers, directly: the LRU bounds under any sequence of operations
// (fast-check), what a write evicts, freshness from Cache-Control, and credential ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  credentialId,
  entryBytes,
  freshnessMs,
  ResponseCache,
  utf8Length,
  type CacheEntry,
} from '../../src/policies/cache-store.js';

function entry(key: string, text: string, extra: Partial<CacheEntry> = {}): CacheEntry {
  return {
    key,
    path: key,
    tag: 'users',
    list: false,
    etag: '"1"',
    text,
    status: 200,
    statusText: 'OK',
    headers: [],
    freshUntil: 0,
    bytes: entryBytes(key, text, []),
    ...extra,
  };
}

describe('ResponseCache', () => {
  it('never holds more than maxEntries or maxBytes, and counts its bytes exactly, whatever is done to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant('set' as const),
              key: fc.integer({ min: 0, max: 12 }),
              size: fc.integer({ min: 0, max: 150 }),
            }),
            fc.record({ op: fc.constant('get' as const), key: fc.integer({ min: 0, max: 12 }) }),
            fc.record({ op: fc.constant('evict' as const), key: fc.integer({ min: 0, max: 12 }) }),
          ),
          { maxLength: 60 },
        ),
        (maxEntries, maxBytes, ops) => {
          const cache = new ResponseCache({ maxEntries, maxBytes });
          for (const o of ops) {
            const key = `/users/${o.key}`;
            if (o.op === 'set') {
              const e = entry(key, 'x'.repeat(o.size));
              cache.set(e);
              // The newest entry is kept whenever it fits on its own.
              if (e.bytes <= maxBytes && maxEntries > 0) expect(cache.get(key)).toBe(e);
            } else if (o.op === 'get') cache.get(key);
            else cache.evictWrite(key, undefined);
            expect(cache.size).toBeLessThanOrEqual(maxEntries);
            expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
            expect(cache.bytes).toBeGreaterThanOrEqual(0);
          }
          let sum = 0;
          for (let k = 0; k <= 12; k++) sum += cache.get(`/users/${k}`)?.bytes ?? 0;
          expect(cache.bytes).toBe(sum);
        },
      ),
    );
  });

  it('a write evicts the resource, what is under it and the lists of its tag, nothing else', () => {
    const cache = new ResponseCache({ maxEntries: 10, maxBytes: 10_000 });
    const base = 'https://api.example.com';
    cache.set(entry('a', '{}', { path: `${base}/users/1` }));
    cache.set(entry('b', '{}', { path: `${base}/users/12` }));
    cache.set(entry('c', '{}', { path: `${base}/users/1/groups` }));
    cache.set(entry('d', '[]', { path: `${base}/users`, list: true }));
    cache.set(entry('e', '[]', { path: `${base}/groups`, list: true, tag: 'groups' }));
    expect(cache.evictWrite(`${base}/users/1`, 'users')).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].filter((k) => cache.get(k))).toEqual(['b', 'e']);
  });
});

describe('freshnessMs', () => {
  it.each([
    [null, null, 0],
    ['no-cache', null, 0],
    ['private, max-age=60', null, 60_000],
    ['max-age=60', '20', 40_000],
    ['max-age=10', '20', 0],
    ['max-age="5"', null, 5_000],
    ['max-age=abc', null, 0],
    ['no-store', null, undefined],
    ['max-age=60, no-store', null, undefined],
  ])('Cache-Control %s, Age %s → %s', (cc, age, expected) => {
    expect(freshnessMs(cc, age)).toBe(expected);
  });
});

describe('credentialId', () => {
  it('is empty without credentials, opaque and stable with them, and differs between them', async () => {
    expect(await credentialId({ Accept: 'application/json' })).toBe('');
    const a = await credentialId({ Authorization: 'Bearer secret-a' });
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain('secret');
    expect(await credentialId({ authorization: 'Bearer secret-a' })).toBe(a);
    expect(await credentialId({ Authorization: 'Bearer secret-b' })).not.toBe(a);
    expect(await credentialId({ 'X-API-Key': 'secret-a' })).not.toBe(a);
  });
});

describe('utf8Length', () => {
  it('agrees with TextEncoder', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: fc.integer({ min: 0xd700, max: 0xe000 }).map((c) => String.fromCharCode(c)) }),
        ),
        (s) => {
          expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
        },
      ),
    );
  });
});
