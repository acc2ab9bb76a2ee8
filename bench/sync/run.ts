// The sync benchmark: `npm run bench:sync` (about 8 minutes on a 2-core machine; `--quick` for a smoke
// run that writes nothing). Writes the section between <!-- bench:sync:start/end --> of
// docs/PERFORMANCE.md.
//   1. Throughput: syncUsers over a CSV of new users vs a plain loop of client.users.create over the same
//      rows, both at concurrency 8 with the same client, against an in-memory API in its own process.
//      Rounds interleave the two (A B B A …); the table shows medians and the ratio.
//   2. Memory: peak heap and RSS of a sync of 10,000 and of 100,000 rows, each in a fresh process, and
//      the 100,000 rows again with V8's old space capped at 48 MB.
import { fork, execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { UserManagementClient } from '../../src/index.js';
import { syncUsers } from '../../src/sync/index.js';

const run = promisify(execFile);
const quick = process.argv.includes('--quick');
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const ROWS = quick ? 1_000 : 10_000;
const ROUNDS = quick ? 1 : 3;
const CONCURRENCY = 8;
/** `--max-old-space-size` of the capped 100,000-row run, in MB. */
const HEAP_CAP_MB = 48;

const server = fork(here('./server.ts'), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const port = await new Promise<number>((resolve) =>
  server.once('message', (m: { port: number }) => resolve(m.port)),
);
const baseUrl = `http://127.0.0.1:${String(port)}`;
const reset = (): Promise<void> =>
  new Promise((resolve) => {
    server.once('message', () => resolve());
    server.send({ cmd: 'reset' });
  });

const dir = mkdtempSync(join(tmpdir(), 'um-sync-bench-'));
const csv = (n: number): string => {
  const path = join(dir, `users-${String(n)}.csv`);
  const lines = ['name,username,email,phone,website'];
  for (let i = 0; i < n; i++)
    lines.push(`Person ${i},user${i},user${i}@example.com,555-${i},site${i}.example`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const client = new UserManagementClient({
  baseUrl,
  maxConcurrency: CONCURRENCY,
  circuitBreaker: false,
  telemetry: false,
});

async function timeSync(file: string): Promise<number> {
  await reset();
  const runDir = mkdtempSync(join(dir, 'run-'));
  const t = performance.now();
  const report = await syncUsers(client, file, {
    stateDir: join(runDir, 'state'),
    reportDir: join(runDir, 'report'),
    concurrency: CONCURRENCY,
  });
  const ms = performance.now() - t;
  if (report.totals.created !== ROWS) throw new Error(`sync created ${String(report.totals.created)}`);
  return ms;
}

async function timeLoop(file: string): Promise<number> {
  await reset();
  const t = performance.now();
  const inflight = new Set<Promise<unknown>>();
  for await (const row of createReadStream(file).pipe(parse({ columns: true })) as AsyncIterable<
    Record<string, string>
  >) {
    const p: Promise<unknown> = client.users
      .create({
        name: row.name!,
        username: row.username!,
        email: row.email!,
        phone: row.phone!,
        website: row.website!,
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
    if (inflight.size >= CONCURRENCY) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return performance.now() - t;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const file = csv(ROWS);
  await timeLoop(file); // warm-up: JIT, connections
  const syncMs: number[] = [];
  const loopMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      syncMs.push(await timeSync(file));
      loopMs.push(await timeLoop(file));
    } else {
      loopMs.push(await timeLoop(file));
      syncMs.push(await timeSync(file));
    }
  }
  const syncRate = ROWS / (median(syncMs) / 1000);
  const loopRate = ROWS / (median(loopMs) / 1000);

  const memory: {
    label: string;
    rows: number;
    ms: number;
    baselineHeap: number;
    baselineRss: number;
    peakHeap: number;
    peakRss: number;
    liveHeap: number;
  }[] = [];
  // The last run caps V8's old space below what the uncapped runs peak at: it completes only if what the
  // sync keeps alive stays flat (uncapped, V8 collects lazily and the peaks follow the run's length).
  const runs = quick
    ? [{ rows: 1_000 }, { rows: 5_000 }]
    : [{ rows: 10_000 }, { rows: 100_000 }, { rows: 100_000, capMb: HEAP_CAP_MB }];
  for (const { rows, capMb } of runs) {
    await reset();
    const cap = capMb === undefined ? [] : [`--max-old-space-size=${String(capMb)}`];
    const { stdout } = await run(
      process.execPath,
      [...cap, '--expose-gc', '--import', 'tsx', here('./memory-child.ts'), baseUrl, csv(rows)],
      { maxBuffer: 1 << 20 },
    );
    const label = `${rows.toLocaleString('en')}${capMb === undefined ? '' : `, old space capped at ${String(capMb)} MB`}`;
    memory.push({ label, ...JSON.parse(stdout) });
  }
  const mb = (b: number): string => (b / 1024 / 1024).toFixed(1);
  const section = `Measured ${new Date().toISOString().slice(0, 10)} on ${String((await import('node:os')).cpus().length)} cores, Node ${process.version}, against an in-memory API in its own process (\`bench/sync/server.ts\`); \`npm run bench:sync\`.

| ${String(ROWS)} new users, concurrency ${String(CONCURRENCY)} | records/s (median of ${String(ROUNDS)}) | ratio |
| --- | ---: | ---: |
| plain loop of \`client.users.create\` | ${loopRate.toFixed(0)} | 1.00× |
| \`syncUsers\` (CSV, lookup scan, validation, journal, dead-letter and report files) | ${syncRate.toFixed(0)} | ${(syncRate / loopRate).toFixed(2)}× |

| rows synced (fresh process) | time | records/s | peak RSS | peak heap | live heap (after GC) | heap at start |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${memory.map((m) => `| ${m.label} | ${(m.ms / 1000).toFixed(1)} s | ${(m.rows / (m.ms / 1000)).toFixed(0)} | ${mb(m.peakRss)} MB | ${mb(m.peakHeap)} MB | ${mb(m.liveHeap)} MB | ${mb(m.baselineHeap)} MB |`).join('\n')}`;
  console.log(section);
  if (!quick) {
    const doc = here('../../docs/PERFORMANCE.md');
    const text = readFileSync(doc, 'utf8');
    const start = '<!-- bench:sync:start -->';
    const end = '<!-- bench:sync:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < 0) throw new Error('docs/PERFORMANCE.md has no bench:sync markers');
    writeFileSync(doc, `${text.slice(0, i + start.length)}\n${section}\n${text.slice(j)}`);
  }
} finally {
  server.send({ cmd: 'exit' });
  rmSync(dir, { recursive: true, force: true });
}
