import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { loadMap } from '../../src/cli/setup.js';
import { webhookAlert, type SyncAlert } from '../../src/sync/index.js';
import { runSync } from '../../src/sync/run.js';
import { emptyTotals } from '../../src/sync/tally.js';
import { memoryTarget } from '../support/memory-target.js';
import { fakeClock, person } from './helpers.js';

const alert: SyncAlert = {
  kind: 'run-failed',
  message: 'The sync run failed: boom',
  runId: 'r1',
  totals: emptyTotals(),
  at: '2026-01-01T00:00:00.000Z',
};

describe('alerts', () => {
  it('POSTs the alert as JSON to the webhook, and rejects when the webhook answers an error', async () => {
    const received: unknown[] = [];
    let status = 204;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await webhookAlert(url)(alert);
      expect(received).toEqual([{ method: 'POST', type: 'application/json', body: alert }]);
      status = 500;
      await expect(webhookAlert(url)(alert)).rejects.toThrow(/500/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('never fails the run when the alert hook throws, and sends each kind once', async () => {
    const target = memoryTarget();
    target.fault = (op) => {
      if (op === 'create')
        throw Object.assign(new Error('503'), { name: 'InternalServerError', status: 503 });
    };
    const kinds: string[] = [];
    const report = await runSync(
      target,
      Array.from({ length: 40 }, (_, i) => person(i)),
      {
        onAlert: (a) => {
          kinds.push(a.kind);
          throw new Error('pager down');
        },
      },
      'sync',
      fakeClock(),
    );
    expect(report.totals.failed).toBe(40);
    expect(kinds).toEqual(['failure-threshold']);
  });

  it('counts records per outcome with OpenTelemetry when telemetry is given', async () => {
    const adds: [number, Record<string, unknown>][] = [];
    const telemetry = {
      metrics: {
        getMeter: () => ({
          createCounter: (name: string) => {
            expect(name).toBe('user_management.sync.records');
            return { add: (n: number, attrs: Record<string, unknown>) => adds.push([n, attrs]) };
          },
        }),
      },
    } as never;
    const target = memoryTarget();
    target.seed([person(1)]);
    await runSync(target, [person(1), person(2), person(2)], { telemetry }, 'sync', fakeClock());
    expect(adds).toHaveLength(3);
    expect(adds).toEqual(
      expect.arrayContaining([
        [1, { outcome: 'unchanged' }],
        [1, { outcome: 'failed', reason: 'duplicate-key' }],
        [1, { outcome: 'created' }],
      ]),
    );
  });
});

describe('CLI progress', () => {
  it('writes a plain line at most every 5 seconds when stderr is not a terminal', () => {
    const lines: string[] = [];
    let now = 0;
    const view = createProgress({ write: (s: string) => lines.push(s), isTTY: false }, () => now);
    const totals = { ...emptyTotals(), read: 10, created: 10 };
    view.update({ done: 10, total: 100, totals });
    now = 4_000;
    view.update({ done: 40, total: 100, totals });
    now = 6_000;
    view.update({ done: 60, total: 100, totals: { ...totals, read: 60, created: 55, failed: 5 } });
    view.stop();
    expect(lines).toEqual(['sync: 60/100 records, 10.0/s (created 55, updated 0, unchanged 0, failed 5)\n']);
  });

  it('draws a bar with counts, rate and totals on a terminal, growing the total when more records arrive than announced', () => {
    let out = '';
    const terminal = { write: (s: string) => ((out += s), true), isTTY: true, columns: 200 };
    let now = 0;
    const view = createProgress(terminal, () => now);
    const totals = { ...emptyTotals(), read: 10, created: 10 };
    view.update({ done: 10, total: 100, totals });
    now = 10_000;
    // More done than the announced total (a CSV longer than its estimate): the bar's total follows.
    view.update({ done: 150, total: 100, totals: { ...totals, read: 150, created: 140, failed: 10 } });
    view.stop();
    // stop() draws the last state (cli-progress redraws on stop); the cursor is shown again.
    const last = out.slice(out.lastIndexOf('sync '));
    expect(last).toMatch(/^sync \S+ 150\/150 \| 15\.0\/s \| ETA /);
    expect(last).toContain('created 140 updated 0 unchanged 0 failed 10');
    expect(out).toContain('\u001b[?25h');
  });
});

describe('CLI --map', () => {
  it('loads the default export of a module, and rejects a module without a function with a UsageError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'um-map-'));
    try {
      writeFileSync(
        join(dir, 'map.mjs'),
        'export default (r) => ({ name: r.first + " " + r.last, username: r.login, email: r.mail });',
      );
      writeFileSync(join(dir, 'bad.mjs'), 'export const notAMap = 1;');
      const map = await loadMap(join(dir, 'map.mjs'));
      expect(await map({ first: 'Ada', last: 'Lovelace', login: 'ada', mail: 'ada@example.com' })).toEqual({
        name: 'Ada Lovelace',
        username: 'ada',
        email: 'ada@example.com',
      });
      await expect(loadMap(join(dir, 'bad.mjs'))).rejects.toMatchObject({ name: 'UsageError' });
      await expect(loadMap(join(dir, 'missing.mjs'))).rejects.toMatchObject({ name: 'UsageError' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
