// One sync run in its own process, for a clean peak-memory reading: syncs a CSV of N rows (state and
// report directories included, as the CLI would) and prints the peak heap and RSS sampled every 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserManagementClient } from '../../src/index.js';
import { syncUsers } from '../../src/sync/index.js';

const [baseUrl, file] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'um-sync-bench-'));
let peakHeap = 0;
let peakRss = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
sample();
const baseline = process.memoryUsage();
const timer = setInterval(sample, 50);
const client = new UserManagementClient({
  baseUrl,
  maxConcurrency: 8,
  circuitBreaker: false,
  telemetry: false,
});
const started = performance.now();
// Live heap: after a full GC at every tenth of the run (the process runs with --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc;
let liveHeap = 0;
let nextCheck = 0;
const report = await syncUsers(client, file!, {
  onProgress: ({ done, total }) => {
    if (!gc || done < nextCheck) return;
    nextCheck = done + Math.ceil((total ?? 10_000) / 10);
    gc();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
  },
  stateDir: join(dir, 'state'),
  reportDir: join(dir, 'report'),
  concurrency: 8,
});
const ms = performance.now() - started;
clearInterval(timer);
sample();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    rows: report.totals.read,
    created: report.totals.created,
    ms,
    baselineHeap: baseline.heapUsed,
    baselineRss: baseline.rss,
    peakHeap,
    peakRss,
    liveHeap,
  }),
);
