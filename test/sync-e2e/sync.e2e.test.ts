// End to end: syncUsers and the CLI against json-server (with the conditional middleware: Idempotency-Key
// replay, ETag/If-Match → 412, injected faults) behind Prism's validating proxy. Every scenario ends
// with the server's users equal to the mapped source, except the dead-lettered and conflicting records
// (each accounted for), with no duplicates and no lost records.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { reprocessDeadLetters, syncUsers, type DeadLetter, type SyncReport } from '../../src/sync/index.js';
import { createCodec } from '../../src/sync/crypto.js';
import { until } from '../support/drive.js';
import {
  apiUrl,
  control,
  expectServerEquals,
  mapped,
  row,
  testClient,
  writeCsv,
  type Row,
} from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'um-sync-e2e-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const readLines = (path: string): DeadLetter[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as DeadLetter);

const expectedOf = (rows: readonly Row[]): Map<string, Record<string, string>> => {
  const m = new Map<string, Record<string, string>>();
  for (const r of rows) if (!m.has(r.email)) m.set(r.email, mapped(r));
  return m;
};

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      env: { USER_MGMT_BASE_URL: apiUrl(), USER_MGMT_API_KEY: 'sync-e2e' },
    },
  };
};

describe('sync end to end (json-server behind Prism)', () => {
  it('syncs a few thousand rows: creates, updates, leaves identical alone, dead-letters duplicates and invalid rows', async () => {
    const existing = Array.from({ length: 500 }, (_, i) => ({
      id: i + 1,
      ...row(i, i < 200 ? { phone: 'old' } : {}),
    }));
    await control({ users: existing });
    const good = Array.from({ length: 1_900 }, (_, i) => row(i));
    // Each duplicate comes after its original (bad rows go in after every 24th good row).
    const dups = Array.from({ length: 50 }, (_, i) => row(i * 20, { name: `Duplicate ${i}` }));
    const invalid = Array.from({ length: 30 }, (_, i) => row(5_000 + i, { email: `broken-${i}` }));
    const unreadable = Array.from({ length: 20 }, (_, i) => ({ raw: `Torn ${i},torn${i}` }));
    // Interleave the bad rows with the good ones.
    const rows: (Row | { raw: string })[] = [];
    const bad = [...dups, ...invalid, ...unreadable];
    good.forEach((r, i) => {
      rows.push(r);
      if (i % 24 === 23 && bad.length) rows.push(bad.shift()!);
    });
    rows.push(...bad);
    const file = writeCsv(dir, 'users.csv', rows);
    const { client, violations } = testClient();
    const reportDir = join(dir, 'report');
    const report = await syncUsers(client, file, { stateDir: join(dir, 'state'), reportDir });

    expect(report.totals).toEqual({
      read: 2_000,
      created: 1_400,
      updated: 200,
      unchanged: 300,
      deleted: 0,
      skipped: 0,
      failed: 100,
      conflicts: 0,
    });
    const dead = readLines(join(reportDir, 'dead-letter.jsonl'));
    const byReason = Object.fromEntries(
      ['duplicate-key', 'invalid-record', 'invalid-row'].map((r) => [
        r,
        dead.filter((d) => d.reason === r).length,
      ]),
    );
    expect(byReason).toEqual({ 'duplicate-key': 50, 'invalid-record': 30, 'invalid-row': 20 });
    const end = await expectServerEquals(expectedOf(good), new Set());
    expect(end).toMatchObject({ missing: [], different: [], duplicates: [] });
    expect(end.users).toHaveLength(1_900);
    expect(violations).toEqual([]);
    expect(readFileSync(join(reportDir, 'report.html'), 'utf8')).toContain('duplicate-key');
  });

  it('survives 5 % injected 503s and connection resets after creates without a duplicate, then reprocesses what failed', async () => {
    await control({ users: [], failRate: 0.05, dropAfterCreateRate: 0.05, seed: 7 });
    const rows = Array.from({ length: 1_000 }, (_, i) => row(i));
    const file = writeCsv(dir, 'users.csv', rows);
    const reportDir = join(dir, 'report');
    const stateDir = join(dir, 'state');
    const { client } = testClient({ maxRetries: 2 });
    const report = await syncUsers(client, file, { stateDir, reportDir });
    const dead = readLines(join(reportDir, 'dead-letter.jsonl'));
    expect(dead.every((d) => d.retryable)).toBe(true);
    expect(report.totals.created + report.totals.failed).toBe(1_000);
    const excused = new Set(dead.map((d) => d.key!));
    const first = await expectServerEquals(expectedOf(rows), excused);
    expect(first).toMatchObject({ missing: [], different: [], duplicates: [] });

    // The faults fired, and the dropped creates were retried under their Idempotency-Key and replayed.
    const stats = await control({ failRate: 0, dropAfterCreateRate: 0 });
    expect(stats.injected503).toBeGreaterThan(20);
    expect(stats.dropped).toBeGreaterThan(20);
    expect(stats.replayed).toBeGreaterThan(0);
    const again = await reprocessDeadLetters(client, join(reportDir, 'dead-letter.jsonl'), { stateDir });
    expect(again.totals.failed).toBe(0);
    expect(again.totals.read).toBe(dead.length);
    const end = await expectServerEquals(expectedOf(rows), new Set());
    expect(end).toMatchObject({ missing: [], different: [], duplicates: [] });
    expect(end.users).toHaveLength(1_000);
  });

  it('never silently overwrites a concurrent writer: its edits survive, each clash is a reported conflict', async () => {
    const v1 = Array.from({ length: 400 }, (_, i) => row(i));
    await control({ users: v1.map((r, i) => ({ id: i + 1, ...r })) });
    const stateDir = join(dir, 'state');
    const reportDir = join(dir, 'report');
    const { client } = testClient();
    const base = await syncUsers(client, writeCsv(dir, 'v1.csv', v1), { stateDir, reportDir });
    expect(base.totals.unchanged).toBe(400);

    // v2 changes every phone; meanwhile a writer renames users ahead of and behind the run.
    const v2 = v1.map((r, i) => ({ ...r, phone: `v2-${i}` }));
    const edited = new Map<number, string>(); // id → name the writer set
    const writes: Promise<unknown>[] = [];
    const edit = (id: number) => {
      if (id < 1 || id > 400 || edited.has(id)) return;
      edited.set(id, `Writer ${id}`);
      writes.push(
        fetch(`${inject('syncServerUrl')}/users/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Writer ${id}` }),
        }),
      );
    };
    let lastStep = 0;
    const report = await syncUsers(client, writeCsv(dir, 'v2.csv', v2), {
      stateDir,
      reportDir,
      concurrency: 4,
      conflict: 'fail',
      onProgress: ({ done }) => {
        if (done < lastStep + 40) return;
        lastStep = done;
        for (let k = 0; k < 6; k++) edit(done + 20 + k * 3); // ahead: edited before the sync reads them
        edit(done - 10); // behind: edited after the sync wrote them
      },
    });
    await Promise.all(writes);
    const conflicted = new Set(report.conflicts.map((c) => c.key));
    expect(report.totals.conflicts).toBe(conflicted.size);
    expect(conflicted.size).toBeGreaterThan(10);
    const users = await (await fetch(`${inject('syncServerUrl')}/users`)).json();
    for (const u of users as { id: number; email: string; phone: string; name: string }[]) {
      const i = u.id - 1;
      if (edited.has(u.id)) expect(u.name, `writer's edit of user ${u.id} lost`).toBe(edited.get(u.id));
      if (conflicted.has(u.email)) {
        expect(edited.has(u.id)).toBe(true);
        expect(u.phone).toBe(v1[i]!.phone);
      } else expect(u.phone).toBe(`v2-${i}`);
    }
    const dead = readLines(join(reportDir, 'dead-letter.jsonl'));
    expect(new Set(dead.map((d) => d.key))).toEqual(conflicted);
    expect(dead.every((d) => d.reason === 'conflict')).toBe(true);
  });

  it('resumes a CLI run killed with SIGKILL mid-way, with encrypted state, and creates nobody twice and dead-letters each bad row once', async () => {
    await control({ users: [] });
    // Every 25th row has a bad email: dead-lettered, before and after the kill, each exactly once.
    const bad = (i: number) => i % 25 === 7;
    const rows = Array.from({ length: 1_000 }, (_, i) =>
      bad(i) ? row(i, { email: `user${i}-at-example.com` }) : row(i),
    );
    const file = writeCsv(dir, 'users.csv', rows);
    const stateDir = join(dir, 'state');
    const reportDir = join(dir, 'report');
    const env = {
      ...process.env,
      USER_MGMT_BASE_URL: apiUrl(),
      USER_MGMT_API_KEY: 'sync-e2e',
      USER_MGMT_SYNC_KEY: Buffer.alloc(32, 3).toString('base64'),
    };
    const args = [
      '--import',
      'tsx',
      'src/cli/index.ts',
      'sync',
      'users',
      file,
      '--state',
      stateDir,
      '--report-dir',
      reportDir,
      '--concurrency',
      '4',
    ];
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_c, s) => r(s)));
    const journal = join(stateDir, 'journal.jsonl');
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length : 0);
    try {
      await until(() => lines() > 300 || child.exitCode !== null, 'the child to journal 300 records', 60_000);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect(readFileSync(journal, 'utf8')).not.toContain('example.com');

    const status = io();
    expect(
      await runCli(['sync', 'status', '--state', stateDir], {
        ...status.io,
        env: { ...status.io.env, USER_MGMT_SYNC_KEY: env.USER_MGMT_SYNC_KEY },
      }),
    ).toBe(0);
    expect(status.out.join('')).toMatch(/Interrupted \(resumable/);

    const second = io();
    const code = await runCli(
      ['sync', 'users', file, '--state', stateDir, '--report-dir', reportDir, '--json'],
      {
        ...second.io,
        env: { ...second.io.env, USER_MGMT_SYNC_KEY: env.USER_MGMT_SYNC_KEY },
      },
    );
    expect(code, second.err.join('')).toBe(1);
    const report = JSON.parse(second.out.join('')) as SyncReport;
    expect(report).toMatchObject({ status: 'completed', resumes: 1 });
    expect(report.totals.read).toBe(1_000);
    expect(report.totals.failed).toBe(40);
    expect(report.totals.created + report.totals.unchanged).toBe(960);
    const codec = createCodec(env.USER_MGMT_SYNC_KEY);
    const deadRows = readFileSync(join(reportDir, 'dead-letter.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(codec.decode(line) ?? 'null') as DeadLetter).row);
    // A row is its line in the file: the header is line 1.
    const badLines = Array.from({ length: 1_000 }, (_, i) => i)
      .filter(bad)
      .map((i) => i + 2);
    expect(deadRows.sort((a, b) => a - b)).toEqual(badLines);
    const good = rows.filter((_, i) => !bad(i));
    const end = await expectServerEquals(expectedOf(good), new Set());
    expect(end).toMatchObject({ missing: [], different: [], duplicates: [] });
    expect(end.users).toHaveLength(960);
  });

  it('reprocesses exactly the dead-lettered records after the data is fixed, appending to the same report', async () => {
    await control({ users: [] });
    const rows = Array.from({ length: 300 }, (_, i) =>
      i % 10 === 0
        ? row(i, { email: `user${i}-at-example.com` })
        : i % 10 === 5
          ? row(i, { name: '' })
          : row(i),
    );
    const file = writeCsv(dir, 'users.csv', rows);
    const stateDir = join(dir, 'state');
    const reportDir = join(dir, 'report');
    const first = io();
    expect(
      await runCli(['sync', 'users', file, '--state', stateDir, '--report-dir', reportDir], first.io),
    ).toBe(1);
    expect(first.out.join('')).toMatch(/failed 60/);
    const deadFile = join(reportDir, 'dead-letter.jsonl');
    const dead = readLines(deadFile);
    expect(dead).toHaveLength(60);
    // The operator fixes the records in the dead-letter file.
    const fixed = dead.map((d) => {
      const n = Number((d.record as { username: string }).username.slice(4));
      return JSON.stringify({
        ...d,
        record: { ...(d.record as object), email: `user${n}@example.com`, name: `Person ${n}` },
      });
    });
    writeFileSync(deadFile, `${fixed.join('\n')}\n`);
    const second = io();
    expect(
      await runCli(['sync', 'reprocess', deadFile, '--state', stateDir], second.io),
      second.err.join(''),
    ).toBe(0);
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    expect(report.totals).toMatchObject({ created: 240, failed: 60 });
    expect(report.reprocess).toHaveLength(1);
    expect(report.reprocess[0].totals).toMatchObject({ read: 60, created: 60, failed: 0 });
    expect(readFileSync(deadFile, 'utf8')).toBe('');
    const end = await expectServerEquals(
      expectedOf(Array.from({ length: 300 }, (_, i) => row(i))),
      new Set(),
    );
    expect(end).toMatchObject({ missing: [], different: [], duplicates: [] });
  });
});
