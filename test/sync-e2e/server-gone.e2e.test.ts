// The server disappears mid-run: the run does not stop, every record it could not sync is
// dead-lettered as retryable, the CLI exits 1 and alerts that the breaker opened; once the server is
// back, reprocessing the dead letters ends with the server equal to the mapped source, no duplicates
// and no lost records. A proxy in front of Prism plays the server going away (it stops listening and
// drops its connections) and coming back (it listens again on the same port).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { DeadLetter, SyncReport } from '../../src/sync/index.js';
import { apiUrl, control, expectServerEquals, mapped, row, writeCsv } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'um-sync-e2e-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An HTTP proxy to `upstream` that goes away after forwarding `creates` POSTs, until `back()`. */
async function vanishingProxy(
  upstream: string,
  creates: number,
): Promise<{ url: string; gone: Promise<void>; back(): Promise<void>; close(): Promise<void> }> {
  const target = new URL(upstream);
  let forwarded = 0;
  let vanish!: () => void;
  const gone = new Promise<void>((resolve) => (vanish = resolve));
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && ++forwarded === creates + 1) {
      // The server goes away: this request and every open connection are cut, new ones refused.
      server.close();
      server.closeAllConnections();
      vanish();
      return;
    }
    const up = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    gone,
    back: () => listen(port),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('sync end to end: the server disappears mid-run', () => {
  it('dead-letters what it could not sync as retryable, exits 1, and reprocessing after the server returns loses and duplicates nothing', async () => {
    await control({ users: [] });
    const rows = Array.from({ length: 600 }, (_, i) => row(i));
    const file = writeCsv(dir, 'users.csv', rows);
    const stateDir = join(dir, 'state');
    const reportDir = join(dir, 'report');
    const proxy = await vanishingProxy(apiUrl(), 200);
    try {
      const err: string[] = [];
      const io = {
        stdout: { write: () => true },
        stderr: { write: (s: string) => err.push(s) },
        env: { USER_MGMT_BASE_URL: proxy.url, USER_MGMT_API_KEY: 'sync-e2e' },
      };
      const first = await runCli(['sync', 'users', file, '--state', stateDir, '--report-dir', reportDir], io);
      await proxy.gone;
      expect(first, err.join('')).toBe(1);
      const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as SyncReport;
      // The run went on to the end of the source: every record is accounted for.
      expect(report.status).toBe('completed');
      expect(report.totals.read).toBe(600);
      expect(report.totals.created + report.totals.failed).toBe(600);
      expect(report.totals.created).toBeGreaterThanOrEqual(150);
      const deadFile = join(reportDir, 'dead-letter.jsonl');
      const dead = readFileSync(deadFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as DeadLetter);
      expect(dead).toHaveLength(report.totals.failed);
      expect(dead.length).toBeGreaterThanOrEqual(300);
      expect(dead.every((d) => d.retryable)).toBe(true);
      // Refused connections until the client's breaker opened, then failing fast.
      expect(dead.filter((d) => d.reason !== 'connection' && d.reason !== 'circuit-open')).toEqual([]);
      expect(dead.some((d) => d.reason === 'circuit-open')).toBe(true);
      expect(new Set(dead.map((d) => d.row)).size).toBe(dead.length);
      expect(err.join('')).toMatch(/ALERT breaker-open/);

      await proxy.back();
      const again = await runCli(['sync', 'reprocess', deadFile, '--state', stateDir], io);
      expect(again, err.join('')).toBe(0);
      const expected = new Map(rows.map((r) => [r.email, mapped(r)]));
      const end = await expectServerEquals(expected, new Set());
      expect(end).toMatchObject({ missing: [], different: [], duplicates: [] });
      expect(end.users).toHaveLength(600);
    } finally {
      await proxy.close();
    }
  });
});
