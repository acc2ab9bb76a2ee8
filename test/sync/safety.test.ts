// The run's safety rails: one run per state directory (an atomic lock, stale locks taken over), no
// duplicate dead letters after a kill between writing one and journaling it, and the breaker alert
// raised from the client's own circuit state change, once.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UserManagementClient } from '../../src/index.js';
import { runCli } from '../../src/cli/main.js';
import {
  createCircuitEvents,
  syncUsers,
  SyncStateLockedError,
  type SyncAlert,
} from '../../src/sync/index.js';
import { acquireStateLock } from '../../src/sync/lock.js';
import { runSync } from '../../src/sync/run.js';
import { memoryTarget } from '../support/memory-target.js';
import { fakeClock, person, readJsonLines, useTempDirs } from './helpers.js';

const tmp = useTempDirs();
const lockModule = fileURLToPath(new URL('../../src/sync/lock.ts', import.meta.url));

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A loopback server; `handle` answers each request (the body is read first). */
async function serve(
  handle: (method: string, url: string, body: string) => { status: number; body?: unknown; headers?: object },
): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const r = handle(req.method ?? 'GET', req.url ?? '/', body);
      const text = r.body === undefined ? '' : JSON.stringify(r.body);
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(text);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

/** A process that takes the lock of `dir` and reports `locked` or the error's name on stdout. */
function lockInChild(
  dir: string,
  holdMs: number,
): Promise<{ out: string; pid: number; exited: Promise<unknown> }> {
  const script = `const { acquireStateLock } = await import(${JSON.stringify(lockModule)});
    try { acquireStateLock(${JSON.stringify(dir)}); process.stdout.write('locked'); setTimeout(() => {}, ${String(holdMs)}); }
    catch (e) { process.stdout.write(e instanceof Error ? e.name : 'error'); }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      // The holder answers at once and then keeps the lock until it exits.
      resolve({ out, pid: child.pid!, exited });
    });
    child.once('error', reject);
    void exited.then(() => resolve({ out, pid: child.pid!, exited }));
  });
}

describe('state directory lock', () => {
  it('lets exactly one of two concurrent runs on one state directory proceed; the other gets SyncStateLockedError', async () => {
    const stateDir = tmp();
    const target = memoryTarget();
    const source = Array.from({ length: 20 }, (_, i) => person(i));
    const results = await Promise.allSettled([
      runSync(target, source, { stateDir }, 'sync', fakeClock()),
      runSync(target, source, { stateDir }, 'sync', fakeClock()),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(SyncStateLockedError);
    expect((refused[0] as SyncStateLockedError).pid).toBe(process.pid);
    expect(target.users.size).toBe(20);
    // Released at the end: the next run proceeds.
    await expect(runSync(target, source, { stateDir }, 'sync', fakeClock())).resolves.toMatchObject({
      status: 'completed',
    });
  });

  it('lets one of several processes racing for a free lock win, and the others fail', async () => {
    const dir = tmp();
    const outs = await Promise.all(Array.from({ length: 4 }, () => lockInChild(dir, 10_000)));
    // The winner holds the lock until it is told to stop; no process outlives the test.
    for (const o of outs) if (o.out === 'locked') process.kill(o.pid, 'SIGKILL');
    await Promise.all(outs.map((o) => o.exited));
    expect(outs.map((o) => o.out).sort()).toEqual([
      'SyncStateLockedError',
      'SyncStateLockedError',
      'SyncStateLockedError',
      'locked',
    ]);
  });

  it('takes over the lock of a run that was killed (its pid is gone), and refuses a live one', async () => {
    const dir = tmp();
    // A pid that existed and is gone now: a finished child's.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, 'lock'), `${String(gone)}\nsome-token\n`);
    const release = acquireStateLock(dir);
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toMatch(new RegExp(`^${String(process.pid)}\\n`));
    release();
    const holder = await lockInChild(dir, 10_000);
    expect(holder.out).toBe('locked');
    try {
      expect(() => acquireStateLock(dir)).toThrow(SyncStateLockedError);
      expect(() => acquireStateLock(dir)).toThrow(`pid ${String(holder.pid)}`);
    } finally {
      process.kill(holder.pid, 'SIGKILL');
    }
    await holder.exited; // reaped: its pid is gone
    acquireStateLock(dir)();
  });

  it('exits 2 from the CLI with a one-line reason when another run holds the state directory', async () => {
    const stateDir = tmp();
    const file = join(tmp(), 'users.csv');
    writeFileSync(file, 'name,username,email\nA,a,a@example.com\n');
    const release = acquireStateLock(stateDir);
    const err: string[] = [];
    try {
      const code = await runCli(['sync', 'users', file, '--state', stateDir, '--report-dir', tmp()], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => err.push(s) },
        env: { USER_MGMT_BASE_URL: 'http://127.0.0.1:9', USER_MGMT_API_KEY: 'k' },
      });
      expect(code).toBe(2);
    } finally {
      release();
    }
    expect(err.join('')).toContain(
      `Another sync (pid ${String(process.pid)}) is using the state in ${stateDir}`,
    );
  });
});

describe('dead letters across a kill', () => {
  it('writes each failed record once when a run killed between its dead-letter line and its journal line resumes', async () => {
    const target = memoryTarget();
    const stateDir = tmp();
    const reportDir = tmp();
    const controller = new AbortController();
    let creates = 0;
    target.fault = (op) => {
      if (op === 'create' && ++creates === 12) controller.abort();
    };
    // Every fifth record is invalid (a bad email): dead-lettered without a request.
    const source = Array.from({ length: 40 }, (_, i) => person(i, i % 5 === 0 ? { email: `bad-${i}` } : {}));
    const first = await runSync(
      target,
      source,
      { stateDir, reportDir, concurrency: 2, signal: controller.signal },
      'sync',
      fakeClock(),
    );
    expect(first.status).toBe('aborted');
    const deadFile = join(reportDir, 'dead-letter.jsonl');
    const before = readJsonLines(deadFile);
    // What a SIGKILL right after the dead-letter write and before the journal write leaves: the line of
    // a record the journal does not have.
    const unjournaled = before.length * 5;
    expect(unjournaled).toBeLessThan(40);
    appendFileSync(
      deadFile,
      `${JSON.stringify({ ...before[0], row: unjournaled, key: `bad-${String(unjournaled)}` })}\n`,
    );
    target.fault = undefined;
    const second = await runSync(
      target,
      source,
      { stateDir, reportDir, concurrency: 2 },
      'sync',
      fakeClock(),
    );
    expect(second).toMatchObject({ status: 'completed', resumes: 1 });
    const rows = readJsonLines(deadFile).map((d) => d.row as number);
    expect(rows.sort((a, b) => a - b)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(second.totals).toMatchObject({ read: 40, failed: 8, created: 32 });
  });
});

describe('breaker alert', () => {
  it('fires onAlert once, from the client circuit state change, when the breaker opens', async () => {
    const api = await serve((method) =>
      method === 'GET'
        ? { status: 200, body: [], headers: { 'x-total-count': '0' } }
        : { status: 503, body: { title: 'down' } },
    );
    const changes: string[] = [];
    const circuitEvents = createCircuitEvents((c) => changes.push(c.to));
    const client = new UserManagementClient({
      baseUrl: api,
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 3, halfOpenAfterMs: 60_000 },
      onCircuitStateChange: circuitEvents.onCircuitStateChange,
      telemetry: false,
    });
    const alerts: SyncAlert[] = [];
    const report = await syncUsers(
      client,
      Array.from({ length: 30 }, (_, i) => person(i)),
      { circuitEvents, concurrency: 1, onAlert: (a) => void alerts.push(a) },
    );
    expect(report.totals).toMatchObject({ read: 30, failed: 30 });
    expect(changes).toEqual(['open']);
    const breaker = alerts.filter((a) => a.kind === 'breaker-open');
    expect(breaker).toHaveLength(1);
    expect(breaker[0]!.message).toContain(api);
    // Subscribed for the run only: a later change reaches no finished run.
    circuitEvents.onCircuitStateChange({ origin: api, from: 'closed', to: 'open' });
    expect(alerts.filter((a) => a.kind === 'breaker-open')).toHaveLength(1);
  });

  it('POSTs one breaker-open alert to --alert-webhook when the CLI client breaker opens', async () => {
    const api = await serve((method) =>
      method === 'GET'
        ? { status: 200, body: [], headers: { 'x-total-count': '0' } }
        : { status: 503, body: { title: 'down' } },
    );
    const posted: SyncAlert[] = [];
    const hook = await serve((_m, _u, body) => {
      posted.push(JSON.parse(body) as SyncAlert);
      return { status: 204 };
    });
    const dir = tmp();
    const file = join(dir, 'users.csv');
    writeFileSync(
      file,
      ['name,username,email', ...Array.from({ length: 25 }, (_, i) => `P ${i},u${i},u${i}@example.com`)].join(
        '\n',
      ),
    );
    const code = await runCli(
      [
        'sync',
        'users',
        file,
        '--report-dir',
        join(dir, 'r'),
        '--state',
        join(dir, 's'),
        '--concurrency',
        '2',
        '--alert-webhook',
        `${hook}/alerts`,
      ],
      {
        stdout: { write: () => true },
        stderr: { write: () => true },
        env: { USER_MGMT_BASE_URL: api, USER_MGMT_API_KEY: 'k' },
      },
    );
    expect(code).toBe(1);
    expect(posted.filter((a) => a.kind === 'breaker-open')).toHaveLength(1);
    expect(posted.find((a) => a.kind === 'breaker-open')!.message).toContain(api);
  });
});
