// Part 2 — memory per call. One variant per process (run with --expose-gc): 100 k calls of
// client.users.get(1) at concurrency 16, pausing at 0, 25 k, 50 k, 75 k and 100 k calls to collect
// garbage and sample heapUsed and RSS, the live timers and the abort listeners left behind.
//   plain        no signal
//   per-call     a fresh AbortController per call; after each call its signal must hold no listener
//   shared       one long-lived AbortSignal passed to every call; its listener count must stay 0
import { getEventListeners } from 'node:events';
import { argValue, collectGarbage, partMain } from '../lib/child.js';
import { useSharedDispatcher } from '../lib/clients.js';
import { startBenchServer } from '../lib/server-control.js';
import { UserManagementClient } from '../lib/sdk.js';

export const MEMORY_VARIANTS = ['plain', 'per-call', 'shared'] as const;
export type MemoryVariant = (typeof MEMORY_VARIANTS)[number];

export interface MemoryCheckpoint {
  calls: number;
  heapUsed: number;
  rss: number;
  /** Live setTimeout handles while idle. */
  timers: number;
  /** Abort listeners on the shared signal (shared variant). */
  sharedSignalListeners: number | undefined;
}

export interface MemoryResult {
  variant: MemoryVariant;
  concurrency: number;
  checkpoints: MemoryCheckpoint[];
  /** Most abort listeners found on a per-call signal after its call settled. */
  maxListenersLeftPerCall: number | undefined;
  /** Most abort listeners seen on the shared signal while calls were in flight. */
  peakSharedListeners: number | undefined;
  /** Node's MaxListenersExceededWarning, printed when one signal has more than 10 abort listeners. */
  maxListenersWarnings: number;
  gcExposed: boolean;
}

async function main(args: readonly string[]): Promise<MemoryResult> {
  const variant = (argValue(args, '--variant') ?? 'plain') as MemoryVariant;
  const total = Number(argValue(args, '--calls') ?? 100_000);
  const concurrency = 16;
  const step = total / 4;
  useSharedDispatcher();
  const server = await startBenchServer();
  try {
    const client = new UserManagementClient({ baseUrl: server.origin });
    const shared = new AbortController().signal;
    let maxLeft = 0;
    let peakShared = 0;
    let warnings = 0;
    process.on('warning', (warning) => {
      if (warning.name === 'MaxListenersExceededWarning') warnings++;
    });
    const call = async (): Promise<void> => {
      if (variant === 'plain') {
        await client.users.get(1);
      } else if (variant === 'shared') {
        const pending = client.users.get(1, { signal: shared });
        peakShared = Math.max(peakShared, getEventListeners(shared, 'abort').length);
        await pending;
      } else {
        const ctl = new AbortController();
        await client.users.get(1, { signal: ctl.signal });
        maxLeft = Math.max(maxLeft, getEventListeners(ctl.signal, 'abort').length);
      }
    };
    const run = async (n: number): Promise<void> => {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next++ < n) await call();
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    };
    const sample = async (calls: number): Promise<MemoryCheckpoint> => {
      await collectGarbage(true);
      const { heapUsed, rss } = process.memoryUsage();
      return {
        calls,
        heapUsed,
        rss,
        timers: process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length,
        sharedSignalListeners: variant === 'shared' ? getEventListeners(shared, 'abort').length : undefined,
      };
    };
    // Warm-up: JIT, connection pool and lazily created state reach their steady size first.
    await run(5000);
    const checkpoints = [await sample(0)];
    for (let done = step; done <= total; done += step) {
      await run(step);
      checkpoints.push(await sample(done));
      process.stderr.write(`  memory ${variant}: ${done} calls\n`);
    }
    return {
      variant,
      concurrency,
      checkpoints,
      maxListenersLeftPerCall: variant === 'per-call' ? maxLeft : undefined,
      peakSharedListeners: variant === 'shared' ? peakShared : undefined,
      maxListenersWarnings: warnings,
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    };
  } finally {
    await server.stop();
  }
}

partMain(main);
