import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/args.js';
import { createCodec, parseKey } from '../../src/sync/crypto.js';
import { canonicalJson, createHasher, decide, hashFields } from '../../src/sync/fields.js';
import { viewOf } from '../../src/sync/scan-index.js';
import { readSource } from '../../src/sync/sources.js';
import { SyncState } from '../../src/sync/state.js';
import { createValidator, defaultMap } from '../../src/sync/validate.js';
import type { User } from '../../src/index.js';
import { useTempDirs } from './helpers.js';

const tmp = useTempDirs();
const collect = async (source: string) => {
  const out = [];
  for await (const item of readSource(source)) out.push(item);
  return out;
};

describe('sources', () => {
  it('reads CSV rows by line number and turns unreadable rows into items with an error', async () => {
    const file = join(tmp(), 'u.csv');
    writeFileSync(
      file,
      '\uFEFFname,username,email\nAda,ada,ada@x.org\nBob,bob,bob@x.org,extra\n\n"Dee","dee\ntwo",dee@x.org\n',
    );
    expect(await collect(file)).toEqual([
      { row: 2, record: { name: 'Ada', username: 'ada', email: 'ada@x.org' } },
      { row: 3, raw: 'Bob,bob,bob@x.org,extra\n', error: expect.stringContaining('Invalid Record Length') },
      { row: 6, record: { name: 'Dee', username: 'dee\ntwo', email: 'dee@x.org' } },
    ]);
  });

  it('reads JSON Lines and JSON arrays element by element', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'u.jsonl'), '{"a":1}\n\nnot json\n[1]\n');
    writeFileSync(join(dir, 'u.json'), '[{"a":1}, {"b":{"c":[2]}}, "x"]');
    expect(await collect(join(dir, 'u.jsonl'))).toEqual([
      { row: 1, record: { a: 1 } },
      { row: 3, raw: 'not json', error: expect.any(String) },
      { row: 4, raw: '[ 1 ]', error: 'not a JSON object' },
    ]);
    expect(await collect(join(dir, 'u.json'))).toEqual([
      { row: 0, record: { a: 1 } },
      { row: 1, record: { b: { c: [2] } } },
      { row: 2, raw: "'x'", error: 'not a JSON object' },
    ]);
  });

  it('rejects an unknown extension or a missing file with InvalidArgumentError', async () => {
    await expect(collect(join(tmp(), 'u.xml'))).rejects.toMatchObject({ name: 'InvalidArgumentError' });
    await expect(collect(join(tmp(), 'missing.csv'))).rejects.toMatchObject({ name: 'InvalidArgumentError' });
  });
});

describe('mapping and validation', () => {
  it('maps flat columns to the NewUser shape, nesting a.b columns and dropping empty cells and other columns', () => {
    expect(
      defaultMap({ name: 'A', 'address.city': 'X', 'address.geo.lat': '1', department: 'z', phone: '' }),
    ).toEqual({
      name: 'A',
      address: { city: 'X', geo: { lat: '1' } },
    });
  });

  it('validates against the spec: every failed field in one message', () => {
    const v = createValidator();
    expect(v.newUser({ name: 'a', username: 'b', email: 'a@b.org' })).toBeUndefined();
    expect(v.newUser({ name: '', username: 'b', email: 'nope', extra: 1 })).toBe(
      'record must NOT have additional properties (extra); name must NOT have fewer than 1 characters; email must match format "email"',
    );
    expect(v.patch({})).toMatch(/fewer than 1 properties/);
  });
});

describe('field comparison and the three-way decision', () => {
  const hash = createHasher(Buffer.alloc(32, 1));
  const value = fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
  const record = fc.dictionary(fc.constantFrom('name', 'phone', 'website', 'company'), value, { minKeys: 1 });

  it('canonical JSON ignores key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
      }),
    );
  });

  it('never reports a conflict when the API is as the base left it, and never writes when nothing differs', () => {
    fc.assert(
      fc.property(record, record, (before, now) => {
        const fields = [...new Set([...Object.keys(before), ...Object.keys(now)])];
        const target = { id: 1, ...before } as unknown as User;
        const h = hashFields(hash, fields, before);
        const d = decide(now, viewOf(target, hash), { target: h, source: h }, hash);
        expect(d.kind).not.toBe('conflict');
        expect(decide(before, viewOf(target, hash), { target: h, source: h }, hash).kind).toBe('unchanged');
      }),
    );
  });

  it('reports a conflict exactly when both sides changed a managed field since the base', () => {
    fc.assert(
      fc.property(record, fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (base, s, t) => {
        fc.pre(s !== t && !Object.values(base).includes(s) && !Object.values(base).includes(t));
        const fields = Object.keys(base);
        const h = hashFields(hash, fields, base);
        const f = fields[0]!;
        const d = decide(
          { ...base, [f]: s },
          viewOf({ id: 1, ...base, [f]: t } as unknown as User, hash),
          { target: h, source: h },
          hash,
        );
        expect(d).toMatchObject({ kind: 'conflict', changedInSource: [f], changedInTarget: [f] });
      }),
    );
  });
});

describe('encryption at rest', () => {
  it('round-trips lines under AES-256-GCM with a fresh IV each, and refuses a torn or tampered line', () => {
    const codec = createCodec(Buffer.alloc(32, 9).toString('hex'));
    const a = codec.encode('{"x":1}');
    expect(a).not.toBe(codec.encode('{"x":1}'));
    expect(codec.decode(a)).toBe('{"x":1}');
    expect(codec.decode(a.slice(0, -10))).toBeUndefined();
    const box = JSON.parse(a);
    box.ct = Buffer.from('{"x":2}').toString('base64');
    expect(codec.decode(JSON.stringify(box))).toBeUndefined();
    expect(createCodec(Buffer.alloc(32, 8).toString('hex')).decode(a)).toBeUndefined();
  });

  it('rejects a key that is not 32 bytes, without echoing it', () => {
    expect(() => parseKey('c2VjcmV0')).toThrow(/32 bytes/);
    try {
      parseKey('c2VjcmV0');
    } catch (err) {
      expect(String(err)).not.toContain('c2VjcmV0');
    }
  });
});

describe('state journal', () => {
  it('drops a torn last line (a SIGKILL mid-write) and appends after it on a fresh line', async () => {
    const dir = tmp();
    const codec = createCodec(undefined);
    const state = await SyncState.open(dir, codec);
    state.begin('sync', 'email', 'src', 1_000);
    state.record({ row: 1, outcome: 'created', keyHash: 'k1', id: 7, hashes: { name: 'h' } }, 1_001);
    state.close();
    appendFileSync(join(dir, 'journal.jsonl'), '{"e":"rec","r":2,"o":"cre');
    const resumed = await SyncState.open(dir, codec);
    expect([...resumed.doneRows]).toEqual([1]);
    expect(resumed.bases.get('k1')).toMatchObject({ id: 7 });
    resumed.begin('sync', 'email', 'src', 2_000);
    resumed.record({ row: 2, outcome: 'created', keyHash: 'k2', id: 8, hashes: { name: 'h' } }, 2_001);
    resumed.close();
    const again = await SyncState.open(dir, codec);
    expect([...again.doneRows].sort()).toEqual([1, 2]);
    expect(again.resumes).toBe(1);
    again.close();
  });

  it('refuses a state directory another live process is using', async () => {
    const dir = tmp();
    const state = await SyncState.open(dir, createCodec(undefined));
    state.close();
    writeFileSync(join(dir, 'lock'), String(process.ppid));
    await expect(SyncState.open(dir, createCodec(undefined))).rejects.toThrow(/Another sync \(pid \d+\)/);
  });
});

describe('CLI arguments', () => {
  it('parses sync users with every flag', () => {
    expect(
      parseCliArgs(
        'sync users a.csv --map m.mjs --key username --conflict source-wins --delete-missing --delete-threshold 0.2 --force --dry-run --state s --report-dir r --concurrency 4 --rate 20 --alert-webhook http://127.0.0.1:9/hook --alert-threshold 0.1 --json'.split(
          ' ',
        ),
      ),
    ).toEqual({
      command: 'users',
      file: 'a.csv',
      map: 'm.mjs',
      key: 'username',
      conflict: 'source-wins',
      deleteMissing: true,
      deleteThreshold: 0.2,
      force: true,
      dryRun: true,
      state: 's',
      reportDir: 'r',
      concurrency: 4,
      rate: 20,
      alertWebhook: 'http://127.0.0.1:9/hook',
      alertThreshold: 0.1,
      json: true,
    });
  });

  it('parses sync status with --state and --json', () => {
    expect(parseCliArgs(['sync', 'status', '--state', 's', '--json'])).toMatchObject({
      command: 'status',
      state: 's',
      json: true,
    });
  });

  it.each([
    [['sync', 'users']],
    [['sync', 'users', 'a.csv', '--key', 'id']],
    [['sync', 'users', 'a.csv', '--concurrency', '0']],
    [['sync', 'users', 'a.csv', '--delete-threshold', '2']],
    [['sync', 'reprocess', 'd.jsonl', '--delete-missing']],
    [['sync', 'status', 'file']],
    [['sync', 'status', '--state', 's', '--dry-run']],
    [['sync', 'status', '--map', 'm.mjs']],
    [['sync', 'users', 'a.csv', '--nope']],
    [['sync', 'users', 'a.csv', '--alert-webhook', 'ftp://x']],
    [['users', 'a.csv']],
  ])('rejects %j with a UsageError', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });
});

describe('base store', () => {
  it('round-trips entries through the compact encoding (and JSON for fields outside NewUser)', async () => {
    const { decode, encode } = await import('../../src/sync/bases.js');
    const hash = fc.string({ minLength: 1, maxLength: 11 }).filter((s) => !/[,|]/.test(s));
    const hashes = fc.dictionary(
      fc.constantFrom('name', 'username', 'email', 'phone', 'website', 'address', 'company'),
      hash,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        hashes,
        fc.option(hashes, { nil: undefined }),
        (id, h, s) => {
          const at = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
          const entry = { id, h, ...(s === undefined ? {} : { s }), at };
          expect(decode(encode(entry))).toEqual(entry);
        },
      ),
    );
    const odd = { id: 1, h: { nickname: 'x' }, at: '2026-01-01T00:00:00.000Z' };
    expect(decode(encode(odd))).toEqual(odd);
  });
});
