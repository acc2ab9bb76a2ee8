// The CLI's promises from issue 17's "Done when": a dry run against the embedded mock prints a plan and
// writes nothing; --dry-run works for reprocess too; --concurrency bounds what is in flight; and a 429
// from the API (through the real client) slows the run down instead of failing records.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UserManagementClient } from '../../src/index.js';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { classify } from '../../src/sync/classify.js';
import { clientTarget } from '../../src/sync/client-target.js';
import { runSync } from '../../src/sync/run.js';
import { fakeClock, person, useTempDirs } from './helpers.js';

const tmp = useTempDirs();
const example = fileURLToPath(new URL('../../examples/users.csv', import.meta.url));

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function io(env: NodeJS.ProcessEnv = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env,
  };
}

/** A users API on loopback that creates everything; `hold` delays each answer (ms); `limit` → 429s. */
async function usersApi(options: { holdMs?: number; tooManyFirst?: number; retryAfter?: string } = {}) {
  let inFlight = 0;
  let maxInFlight = 0;
  let tooMany = options.tooManyFirst ?? 0;
  let nextId = 1;
  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const answer = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        inFlight--;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      const respond = () => {
        if (req.method === 'GET') answer(200, [], { 'x-total-count': '0' });
        else if (tooMany > 0) {
          tooMany--;
          answer(
            429,
            { title: 'Too Many Requests', status: 429 },
            { 'retry-after': options.retryAfter ?? '0' },
          );
        } else answer(201, { id: nextId++, ...(JSON.parse(body) as object) });
      };
      if (options.holdMs && req.method === 'POST') setTimeout(respond, options.holdMs);
      else respond();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    maxInFlight: () => maxInFlight,
    tooManyLeft: () => tooMany,
  };
}

describe('user-management sync (CLI)', () => {
  it('prints the plan of examples/users.csv against the embedded mock with --dry-run, and writes nothing', async () => {
    const dir = tmp();
    const cli = io();
    const code = await runCli(
      [
        'sync',
        'users',
        example,
        '--dry-run',
        '--state',
        join(dir, 'state'),
        '--report-dir',
        join(dir, 'report'),
      ],
      cli,
    );
    expect(code, cli.err.join('')).toBe(0);
    expect(cli.err.join('')).toContain('using the embedded mock API');
    const out = cli.out.join('');
    expect(out).toMatch(/^Plan \(dry run, nothing written\):/);
    expect(out).toMatch(/create\s+ada@example\.com/);
    expect(out).toMatch(/update\s+Sincere@april\.biz \(#1\)/);
    expect(out).toMatch(/Would sync 10 records/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('plans a reprocess with --dry-run without moving or changing the dead-letter file', async () => {
    const dir = tmp();
    const deadFile = join(dir, 'dead-letter.jsonl');
    const line = {
      record: { name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com' },
      key: 'ada@example.com',
      reason: 'server-error',
      error: 'InternalServerError',
      message: '503',
      retryable: true,
      row: 0,
    };
    writeFileSync(deadFile, `${JSON.stringify(line)}\n`);
    const cli = io();
    const code = await runCli(
      ['sync', 'reprocess', deadFile, '--dry-run', '--state', join(dir, 'state')],
      cli,
    );
    expect(code, cli.err.join('')).toBe(0);
    expect(cli.out.join('')).toMatch(/create\s+ada@example\.com/);
    expect(readFileSync(deadFile, 'utf8')).toBe(`${JSON.stringify(line)}\n`);
    expect(readdirSync(dir)).toEqual(['dead-letter.jsonl']);
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });

  it('keeps at most --concurrency requests in flight', async () => {
    const api = await usersApi({ holdMs: 15 });
    const dir = tmp();
    const file = join(dir, 'users.csv');
    writeFileSync(
      file,
      ['name,username,email', ...Array.from({ length: 24 }, (_, i) => `P ${i},u${i},u${i}@example.com`)].join(
        '\n',
      ),
    );
    const cli = io({ USER_MGMT_BASE_URL: api.url, USER_MGMT_API_KEY: 'k' });
    const code = await runCli(
      [
        'sync',
        'users',
        file,
        '--concurrency',
        '3',
        '--state',
        join(dir, 's'),
        '--report-dir',
        join(dir, 'r'),
      ],
      cli,
    );
    expect(code, cli.err.join('')).toBe(0);
    expect(api.maxInFlight()).toBe(3);
  });
});

describe('429 through the real client', () => {
  it('pauses the whole run for Retry-After and tries again, instead of dead-lettering the records', async () => {
    const api = await usersApi({ tooManyFirst: 4 });
    const client = new UserManagementClient({ baseUrl: api.url, maxRetries: 0, telemetry: false });
    const clock = fakeClock();
    const report = await runSync(
      clientTarget(client),
      Array.from({ length: 10 }, (_, i) => person(i)),
      { concurrency: 1 },
      'sync',
      clock,
    );
    // The client did not retry (maxRetries: 0): each 429 reached the engine, which tried the record again.
    expect(api.tooManyLeft()).toBe(0);
    expect(report.totals).toMatchObject({ read: 10, created: 10, failed: 0 });
  });

  it("takes the pause from the client's RateLimitError: Retry-After: 2 pauses the run for 2 s", async () => {
    const api = await usersApi({ tooManyFirst: 1, retryAfter: '2' });
    // maxRetryAfterMs: 0 hands the 429 to the engine at once instead of waiting it out in the client.
    const client = new UserManagementClient({
      baseUrl: api.url,
      maxRetries: 0,
      maxRetryAfterMs: 0,
      telemetry: false,
    });
    const err: unknown = await clientTarget(client)
      .create(person(1), 'k-1', new AbortController().signal)
      .catch((e: unknown) => e);
    expect(classify(err)).toMatchObject({ reason: 'rate-limited', retryable: true, slowDownMs: 2_000 });
  });
});
