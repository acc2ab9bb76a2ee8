import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../src/sync/run.js';
import type { SyncAlert } from '../../src/sync/index.js';
import { memoryTarget } from '../support/memory-target.js';
import { fakeClock, person, readJsonLines, useTempDirs } from './helpers.js';

const tmp = useTempDirs();

describe('syncUsers engine (in-memory target)', () => {
  it('creates the missing, PATCHes only the differing fields and leaves identical users alone', async () => {
    const target = memoryTarget();
    const [same, changed] = target.seed([person(1), person(2, { phone: '1' })]);
    const source = [person(1), person(2, { phone: '2' }), person(3)];
    const report = await runSync(target, source, {}, 'sync', fakeClock());
    expect(report.totals).toMatchObject({ read: 3, created: 1, updated: 1, unchanged: 1, failed: 0 });
    expect(target.patches).toEqual([{ id: changed!.id, patch: { phone: '2' }, ifMatch: '"v1"' }]);
    expect(target.users.get(same!.id)!.version).toBe(1);
    expect(
      target
        .list()
        .map((u) => u.email)
        .sort(),
    ).toEqual(source.map((s) => s.email).sort());
  });

  it('dead-letters duplicate keys, unreadable rows, invalid records and 4xx rejections, and goes on', async () => {
    const target = memoryTarget();
    target.fault = (op, detail) => {
      if (op === 'create' && (detail as { username: string }).username === 'user5')
        throw Object.assign(new Error('username taken'), { name: 'ConflictError', status: 409 });
    };
    const reportDir = tmp();
    const source = [
      person(1),
      person(1, { name: 'Dup' }),
      'not an object' as never,
      person(4, { email: 'nope' }),
      person(5),
      person(6),
    ];
    const report = await runSync(target, source, { reportDir }, 'sync', fakeClock());
    expect(report.totals).toMatchObject({ read: 6, created: 2, failed: 4 });
    const dead = readJsonLines(join(reportDir, 'dead-letter.jsonl'));
    expect(dead.map((d) => [d.row, d.reason, d.error, d.retryable])).toEqual([
      [1, 'duplicate-key', 'DuplicateKeyError', false],
      [2, 'invalid-row', 'ParseError', false],
      [3, 'invalid-record', 'ValidationError', false],
      [4, 'rejected', 'ConflictError', false],
    ]);
    expect(dead[0]).toMatchObject({ key: 'user1@example.com', record: { name: 'Dup' } });
    expect(report.errors.map((e) => e.reason).sort()).toEqual([
      'duplicate-key',
      'invalid-record',
      'invalid-row',
      'rejected',
    ]);
  });

  it('writes report.json, a self-contained report.html and the dead letters readable by the owner only', async () => {
    const target = memoryTarget();
    const reportDir = join(tmp(), 'report');
    const stateDir = join(tmp(), 'state');
    await runSync(target, [person(1), person(1)], { reportDir, stateDir }, 'sync', fakeClock());
    for (const f of ['report.json', 'report.html', 'dead-letter.jsonl'])
      expect(statSync(join(reportDir, f)).mode & 0o777).toBe(0o600);
    for (const f of ['salt', 'bases.idx', 'journal.jsonl', 'last-run.json'])
      expect(statSync(join(stateDir, f)).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    expect(statSync(reportDir).mode & 0o777).toBe(0o700);
    const html = readFileSync(join(reportDir, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|src=|href=/);
    expect(JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')).totals).toMatchObject({
      created: 1,
      failed: 1,
    });
    // The state holds hashes, not the records.
    expect(readFileSync(join(stateDir, 'bases.idx'), 'utf8')).not.toContain('user1');
    // Run-scoped files (the seen keys, a scan index) go when the run ends.
    expect(existsSync(join(stateDir, 'work'))).toBe(false);
  });

  it('leaves a user changed only in the API alone, and treats a later source change as a conflict', async () => {
    const target = memoryTarget();
    const stateDir = tmp();
    const clock = fakeClock();
    await runSync(target, [person(1)], { stateDir }, 'sync', clock);
    const id = target.list()[0]!.id;
    target.edit(id, { name: 'Edited in the app' });
    const drift = await runSync(target, [person(1)], { stateDir }, 'sync', clock);
    expect(drift.totals).toMatchObject({ unchanged: 1, updated: 0, conflicts: 0 });
    expect(target.users.get(id)!.user.name).toBe('Edited in the app');
    const conflict = await runSync(
      target,
      [person(1, { name: 'Renamed in HR' })],
      { stateDir },
      'sync',
      clock,
    );
    expect(conflict.totals).toMatchObject({ failed: 1, conflicts: 1 });
    expect(conflict.conflicts[0]).toMatchObject({
      id,
      resolution: 'fail',
      changedInSource: ['name'],
      changedInTarget: ['name'],
    });
    expect(target.users.get(id)!.user.name).toBe('Edited in the app');
  });

  it.each([
    ['source-wins', 'Renamed in HR', 'Original'],
    ['target-wins', 'Edited in the app', 'Changed'],
  ] as const)('resolves a conflict with %s', async (strategy, name, phone) => {
    const target = memoryTarget();
    const stateDir = tmp();
    const clock = fakeClock();
    await runSync(target, [person(1, { phone: 'Original' })], { stateDir }, 'sync', clock);
    const id = target.list()[0]!.id;
    target.edit(id, { name: 'Edited in the app', phone: 'Changed' });
    const report = await runSync(
      target,
      [person(1, { name: 'Renamed in HR', phone: 'Original' })],
      { stateDir, conflict: strategy },
      'sync',
      clock,
    );
    expect(report.totals).toMatchObject({ conflicts: 1, failed: 0 });
    expect(target.users.get(id)!.user).toMatchObject({ name, phone });
    // Resolved: the next run with the same source has nothing to do.
    const again = await runSync(
      target,
      [person(1, { name: 'Renamed in HR', phone: 'Original' })],
      { stateDir, conflict: 'fail' },
      'sync',
      clock,
    );
    expect(again.totals).toMatchObject({ unchanged: 1, conflicts: 0, failed: 0 });
  });

  it('gives a conflict function both sides and the fields each changed since the base', async () => {
    const target = memoryTarget();
    const stateDir = tmp();
    const clock = fakeClock();
    await runSync(target, [person(1, { phone: 'p0', website: 'w0' })], { stateDir }, 'sync', clock);
    const id = target.list()[0]!.id;
    target.edit(id, { phone: 'p-app' });
    const seen: unknown[] = [];
    const report = await runSync(
      target,
      [person(1, { phone: 'p0', website: 'w-hr' })],
      {
        stateDir,
        conflict: (source, current, base) => {
          seen.push({ source, current, base });
          // A field-level merge: take the source's changes, keep the API's.
          return Object.fromEntries(
            base.changedInSource
              .filter((f) => !base.changedInTarget.includes(f))
              .map((f) => [f, (source as any)[f]]),
          );
        },
      },
      'sync',
      clock,
    );
    expect(report.totals).toMatchObject({ updated: 1, conflicts: 1 });
    expect(seen[0]).toMatchObject({
      base: { id, changedInSource: ['website'], changedInTarget: ['phone'] },
      current: { phone: 'p-app' },
    });
    expect(target.users.get(id)!.user).toMatchObject({ phone: 'p-app', website: 'w-hr' });
  });

  it('never overwrites a write that lands between its read and its PATCH (If-Match → 412 → conflict)', async () => {
    const target = memoryTarget();
    const [user] = target.seed([person(1)]);
    target.afterGet = (id) => {
      target.afterGet = undefined;
      target.edit(id, { name: 'Concurrent writer' });
    };
    const report = await runSync(target, [person(1, { name: 'From source' })], {}, 'sync', fakeClock());
    expect(report.totals).toMatchObject({ failed: 1, conflicts: 1 });
    expect(target.users.get(user!.id)!.user.name).toBe('Concurrent writer');
    expect(report.conflicts[0]).toMatchObject({
      changedInTarget: ['name'],
      target: { name: 'Concurrent writer' },
    });
  });

  it('refuses to delete more than the threshold share without force, and deletes with it', async () => {
    const target = memoryTarget();
    target.seed([person(1), person(2), person(3), person(4)]);
    const alerts: SyncAlert[] = [];
    const refused = await runSync(
      target,
      [person(1), person(2)],
      { deleteMissing: true, onAlert: (a) => void alerts.push(a) },
      'sync',
      fakeClock(),
    );
    expect(refused).toMatchObject({ status: 'failed', deletesRefused: 2 });
    expect(refused.totals.deleted).toBe(0);
    expect(target.users.size).toBe(4);
    expect(alerts.map((a) => a.kind)).toEqual(['run-failed']);
    const forced = await runSync(
      target,
      [person(1), person(2)],
      { deleteMissing: true, force: true },
      'sync',
      fakeClock(),
    );
    expect(forced).toMatchObject({ status: 'completed', matching: 'scan' });
    expect(forced.totals.deleted).toBe(2);
    expect(
      target
        .list()
        .map((u) => u.username)
        .sort(),
    ).toEqual(['user1', 'user2']);
  });

  it('slows the whole run down on 429 instead of failing records', async () => {
    const target = memoryTarget();
    let limited = 3;
    target.fault = (op) => {
      if (op === 'create' && limited-- > 0)
        throw Object.assign(new Error('429'), { name: 'RateLimitError', status: 429, retryAfterMs: 2_000 });
    };
    const clock = fakeClock();
    const report = await runSync(
      target,
      [person(1), person(2), person(3)],
      { concurrency: 1 },
      'sync',
      clock,
    );
    expect(report.totals).toMatchObject({ created: 3, failed: 0 });
    expect(clock.sleeps).toEqual([2_000, 2_000, 2_000]);
  });

  it('dead-letters 5xx, timeouts and an open breaker as retryable, and raises breaker and failure-share alerts', async () => {
    const target = memoryTarget();
    target.fault = (op, detail) => {
      if (op !== 'create') return;
      const n = Number((detail as { username: string }).username.slice(4));
      if (n % 3 === 0) throw Object.assign(new Error('503'), { name: 'InternalServerError', status: 503 });
      if (n % 3 === 1)
        throw Object.assign(new Error('breaker'), { name: 'CircuitOpenError', retryAfterMs: 10 });
    };
    const alerts: SyncAlert[] = [];
    const reportDir = tmp();
    const report = await runSync(
      target,
      Array.from({ length: 30 }, (_, i) => person(i)),
      { reportDir, onAlert: (a) => void alerts.push(a) },
      'sync',
      fakeClock(),
    );
    expect(report.totals).toMatchObject({ read: 30, created: 10, failed: 20 });
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(['breaker-open', 'failure-threshold']));
    const dead = readJsonLines(join(reportDir, 'dead-letter.jsonl'));
    expect(new Set(dead.map((d) => `${d.reason}:${d.retryable}`))).toEqual(
      new Set(['server-error:true', 'circuit-open:true']),
    );
  });

  it('resumes an aborted run where it stopped, without creating anyone twice', async () => {
    const target = memoryTarget();
    const stateDir = tmp();
    const reportDir = tmp();
    const controller = new AbortController();
    let creates = 0;
    target.fault = (op) => {
      if (op === 'create' && ++creates === 10) controller.abort();
    };
    const source = Array.from({ length: 40 }, (_, i) => person(i));
    const first = await runSync(
      target,
      source,
      { stateDir, reportDir, concurrency: 4, signal: controller.signal },
      'sync',
      fakeClock(),
    );
    expect(first.status).toBe('aborted');
    expect(target.users.size).toBeLessThan(40);
    target.fault = undefined;
    const second = await runSync(
      target,
      source,
      { stateDir, reportDir, concurrency: 4 },
      'sync',
      fakeClock(),
    );
    expect(second).toMatchObject({ status: 'completed', runId: first.runId, resumes: 1 });
    expect(second.totals.read).toBe(40);
    expect(second.totals.created + second.totals.unchanged).toBe(40);
    const emails = target.list().map((u) => u.email);
    expect(new Set(emails).size).toBe(40);
    expect(emails.length).toBe(40);
  });

  it('plans without writing on a dry run', async () => {
    const target = memoryTarget();
    target.seed([person(1), person(2, { phone: 'x' }), person(9)]);
    const stateDir = join(tmp(), 'state');
    const report = await runSync(
      target,
      [person(1), person(2, { phone: 'y' }), person(3)],
      { dryRun: true, deleteMissing: true, force: true, stateDir, reportDir: join(tmp(), 'r') },
      'sync',
      fakeClock(),
    );
    expect(report.plan).toEqual([
      { action: 'update', key: 'user2@example.com', id: 2, fields: ['phone'] },
      { action: 'create', key: 'user3@example.com' },
      { action: 'delete', key: 'user9@example.com', id: 3 },
    ]);
    expect(target.calls.create + target.calls.patch + target.calls.delete).toBe(0);
    expect(existsSync(stateDir)).toBe(false);
  });

  it('matches with the API filter for a small job and with one scan for a large one', async () => {
    const small = memoryTarget();
    small.seed(Array.from({ length: 250 }, (_, i) => person(i)));
    const a = await runSync(small, [person(1), person(2)], {}, 'sync', fakeClock());
    expect(a.matching).toBe('filter');
    expect(small.calls).toMatchObject({ findByKey: 2, scan: 0 });
    const large = memoryTarget();
    large.seed(Array.from({ length: 250 }, (_, i) => person(i)));
    const b = await runSync(
      large,
      Array.from({ length: 10 }, (_, i) => person(i)),
      {},
      'sync',
      fakeClock(),
    );
    expect(b.matching).toBe('scan');
    expect(large.calls).toMatchObject({ findByKey: 0, scan: 1 });
  });

  it('encrypts the state and dead letters with USER_MGMT_SYNC_KEY, and refuses to read them without it', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const target = memoryTarget();
    const stateDir = tmp();
    const reportDir = tmp();
    await runSync(
      target,
      [person(1), person(1)],
      { stateDir, reportDir, encryptionKey: key },
      'sync',
      fakeClock(),
    );
    const dead = readFileSync(join(reportDir, 'dead-letter.jsonl'), 'utf8');
    expect(dead).toMatch(/^\{"v":1,"iv":/);
    expect(dead).not.toContain('example.com');
    // The bases: a blinded key hash, then the encrypted line.
    expect(readFileSync(join(stateDir, 'bases.idx'), 'utf8')).toMatch(/^[\w-]{22}\t\{"v":1,"iv":/);
    await expect(runSync(target, [person(1)], { stateDir }, 'sync', fakeClock())).rejects.toThrow(
      /USER_MGMT_SYNC_KEY/,
    );
    const again = await runSync(target, [person(1)], { stateDir, encryptionKey: key }, 'sync', fakeClock());
    expect(again.totals.unchanged).toBe(1);
  });

  it('rejects bad options with InvalidArgumentError before reading anything', async () => {
    const target = memoryTarget();
    for (const bad of [
      { key: 'id' },
      { conflict: 'newest' },
      { concurrency: 0 },
      { deleteThreshold: 2 },
      { encryptionKey: 'short' },
    ])
      await expect(runSync(target, [person(1)], bad as never, 'sync', fakeClock())).rejects.toMatchObject({
        name: 'InvalidArgumentError',
      });
    expect(target.calls.count).toBe(0);
  });
});
