// The on-disk pieces that keep a run's memory flat: DiskMap (sorted file + bounded changes) against a
// plain Map, and RowSet (done rows as ranges) against a plain Set.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BaseStore } from '../../src/sync/bases.js';
import { createCodec } from '../../src/sync/crypto.js';
import { DiskMap } from '../../src/sync/disk-map.js';
import { RowSet } from '../../src/sync/row-set.js';
import { useTempDirs } from './helpers.js';

const tmp = useTempDirs();

type Op = { op: 'set'; key: string; value: string } | { op: 'delete'; key: string } | { op: 'flush' };

const key = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);
const ops = fc.array(
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant('set' as const),
        key,
        value: fc.string({ maxLength: 40 }).map((v) => v.replace(/\n/g, ' ')),
      }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), key }) },
    { weight: 1, arbitrary: fc.constant({ op: 'flush' as const }) },
  ),
  { maxLength: 300 },
);

describe('DiskMap', () => {
  it('behaves like a Map through sets, deletes, merges and a reopen (property)', () => {
    fc.assert(
      fc.property(ops, fc.integer({ min: 1, max: 20 }), (list: Op[], maxChanges) => {
        const path = join(tmp(), 'm.idx');
        const map = new DiskMap(path, { maxChanges });
        const model = new Map<string, string>();
        for (const o of list) {
          if (o.op === 'set') {
            map.set(o.key, o.value);
            model.set(o.key, o.value);
          } else if (o.op === 'delete') {
            map.delete(o.key);
            model.delete(o.key);
          } else map.flush();
        }
        const sorted = [...model].sort(([a], [b]) => (a < b ? -1 : 1));
        expect(map.size).toBe(model.size);
        expect([...map.entries()]).toEqual(sorted);
        for (const o of list) if (o.op !== 'flush') expect(map.get(o.key)).toBe(model.get(o.key));
        map.flush();
        map.close();
        const reopened = new DiskMap(path, { maxChanges });
        expect(reopened.size).toBe(model.size);
        expect([...reopened.entries()]).toEqual(sorted);
        for (const [k, v] of model) expect(reopened.get(k)).toBe(v);
        reopened.close();
      }),
      { numRuns: 60 },
    );
  });

  it('holds at most maxChanges in memory: the rest is merged into a sorted owner-only file', () => {
    const path = join(tmp(), 'm.idx');
    const map = new DiskMap(path, { maxChanges: 100 });
    for (let i = 0; i < 5_000; i++) map.set(`k${String(i).padStart(5, '0')}`, `v${i} ü`);
    expect(map.size).toBe(5_000);
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(4_900);
    expect(lines).toEqual([...lines].sort());
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(map.get('k04321')).toBe('v4321 ü');
    expect(map.get('k99999')).toBeUndefined();
    map.close();
  });

  it('reads without writing when given a writePath: the original file is left as it was', () => {
    const dir = tmp();
    const path = join(dir, 'm.idx');
    const map = new DiskMap(path);
    map.set('a', '1');
    map.flush();
    map.close();
    const before = readFileSync(path, 'utf8');
    const readOnly = new DiskMap(path, { writePath: join(dir, 'copy.idx'), maxChanges: 1 });
    readOnly.set('b', '2');
    readOnly.delete('a');
    expect([...readOnly.entries()]).toEqual([['b', '2']]);
    expect(readFileSync(path, 'utf8')).toBe(before);
    readOnly.destroy();
  });

  it('rejects keys that are not printable ASCII and values with a line break', () => {
    const map = new DiskMap(join(tmp(), 'm.idx'));
    expect(() => map.set('a b', 'x')).toThrow(/printable ASCII/);
    expect(() => map.set('a\tb', 'x')).toThrow(/printable ASCII/);
    expect(() => map.set('a', 'x\ny')).toThrow(/line break/);
  });
});

describe('BaseStore on disk', () => {
  it('encrypts each base and blinds its key hash when a key is set', () => {
    const path = join(tmp(), 'bases.idx');
    const codec = createCodec(Buffer.alloc(32, 9).toString('base64'));
    const store = new BaseStore(new DiskMap(path), codec);
    store.set('keyhash1', { id: 42, h: { name: 'aaaa', email: 'bbbb' }, at: '2026-01-01T00:00:00.000Z' });
    store.flush();
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('keyhash1');
    expect(text).not.toContain('aaaa');
    expect(store.get('keyhash1')).toEqual({
      id: 42,
      h: { name: 'aaaa', email: 'bbbb' },
      at: '2026-01-01T00:00:00.000Z',
    });
    store.close();
  });
});

describe('RowSet', () => {
  it('behaves like a Set of rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), (rows) => {
        const set = new RowSet();
        const model = new Set<number>();
        for (const r of rows) {
          set.add(r);
          model.add(r);
        }
        expect(set.size).toBe(model.size);
        expect([...set]).toEqual([...model].sort((a, b) => a - b));
        for (let r = -52; r <= 52; r++) expect(set.has(r)).toBe(model.has(r));
      }),
    );
  });

  it('keeps rows that finish nearly in order as a few ranges', () => {
    const set = new RowSet();
    // 100,000 rows finishing out of order within a window of 8, as a pool of 8 in flight does.
    for (let base = 0; base < 100_000; base += 8) for (const d of [3, 0, 7, 1, 5, 2, 6, 4]) set.add(base + d);
    expect(set.size).toBe(100_000);
    expect(set.ranges).toBe(1);
  });
});
