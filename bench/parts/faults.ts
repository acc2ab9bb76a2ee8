// Part 3 — behaviour under faults. Calls arrive open-loop at a fixed rate (like independent users,
// not a loop that waits for each answer), so a client that fails fast does not get to send more.
//   random   10 % and 30 % of requests answered 503 (seeded PRNG on the server, the same sequence for
//            every client): success rate, latency, requests per logical call. 3 rotated rounds.
//   outage   every request 503, or the port closed (connection refused): requests per logical call.
//   recovery the same outages for 1.5 s, then the server comes back: how long until the first
//            success, and how many calls fail after the server is back.
import { argValue, partMain } from '../lib/child.js';
import { useSharedDispatcher } from '../lib/clients.js';
import { BACKOFF, BREAKER, DELAY_SCALE, FAULT_CLIENTS, type FaultClient } from '../lib/fault-clients.js';
import { startBenchServer, type BenchServer } from '../lib/server-control.js';
import { quantile, rotate, sleep } from '../lib/stats.js';

const SEED = 42;
const RANDOM_RATES = [0.1, 0.3] as const;

interface CallRecord {
  start: number;
  end: number;
  ok: boolean;
}

export interface RandomFaultSample {
  successRate: number;
  p50: number;
  p99: number;
  /** Requests that reached the server ÷ logical calls. */
  amplification: number;
}

export interface OutageSample {
  calls: number;
  /** Requests handed to fetch ÷ logical calls (client-side count). */
  attemptsPerCall: number;
  /** Requests that reached the server ÷ logical calls (503 outage only). */
  serverPerCall: number | undefined;
  /** Median time for a call to fail, ms. */
  p50: number;
}

export interface RecoverySample {
  /** ms from the server's return to the first successful call. */
  firstSuccessMs: number;
  /** Calls started after the server's return that still failed. */
  failedAfterReturn: number;
  callsAfterReturn: number;
  /** ms from the server's return until the breaker reported closed (breaker variants). */
  breakerClosedMs: number | undefined;
}

export interface FaultsResult {
  seed: number;
  delayScale: number;
  backoff: typeof BACKOFF;
  breaker: typeof BREAKER;
  random: { rounds: number; calls: number; ratePerSec: number; concurrencyNote: string };
  outage: { calls: number; ratePerSec: number };
  recovery: { outageMs: number; afterMs: number; ratePerSec: number };
  clients: { name: string; breaker: boolean; budget: boolean }[];
  /** randomSamples[rate][client][round] */
  randomSamples: Record<string, Record<string, RandomFaultSample[]>>;
  outage503: Record<string, OutageSample>;
  outageRefused: Record<string, OutageSample>;
  recovery503: Record<string, RecoverySample>;
  recoveryRefused: Record<string, RecoverySample>;
}

/** Starts `n` calls at `ratePerSec`, whatever the earlier ones are doing; `at(i)` runs before call i. */
async function openLoop(
  client: FaultClient,
  ratePerSec: number,
  n: number,
  at?: (i: number) => void,
): Promise<CallRecord[]> {
  const records: CallRecord[] = [];
  const inflight: Promise<void>[] = [];
  const interval = 1000 / ratePerSec;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const lag = t0 + i * interval - performance.now();
    if (lag >= 1) await sleep(lag);
    at?.(i);
    const start = performance.now();
    inflight.push(
      client.call().then((ok) => {
        records.push({ start, end: performance.now(), ok });
      }),
    );
  }
  await Promise.all(inflight);
  return records;
}

const latencies = (records: readonly CallRecord[]): number[] => records.map((r) => r.end - r.start);

async function randomFaults(
  server: BenchServer,
  rounds: number,
  calls: number,
  rate: number,
): Promise<FaultsResult['randomSamples']> {
  const out: FaultsResult['randomSamples'] = {};
  // Warm-up on a healthy server, so the first client measured does not pay for JIT and connections.
  await server.setMode({ kind: 'ok' });
  for (const kind of FAULT_CLIENTS) await openLoop(kind.make(server.origin), 1000, 500);
  for (const p of RANDOM_RATES) out[p] = Object.fromEntries(FAULT_CLIENTS.map((k) => [k.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const p of RANDOM_RATES) {
      for (const kind of rotate(FAULT_CLIENTS, round)) {
        await server.setMode({ kind: 'fail', rate: p, seed: SEED });
        await server.stats(true);
        const records = await openLoop(kind.make(server.origin), rate, calls);
        const { requests } = await server.stats(true);
        const lat = latencies(records);
        out[p]![kind.name]!.push({
          successRate: records.filter((r) => r.ok).length / records.length,
          p50: quantile(lat, 0.5),
          p99: quantile(lat, 0.99),
          amplification: requests / records.length,
        });
      }
    }
    process.stderr.write(`  faults: random-503 round ${round + 1}/${rounds} done\n`);
  }
  return out;
}

async function outage(
  server: BenchServer,
  kind: 'status' | 'refused',
  calls: number,
  rate: number,
): Promise<Record<string, OutageSample>> {
  const out: Record<string, OutageSample> = {};
  for (const client of FAULT_CLIENTS) {
    if (kind === 'status') await server.setMode({ kind: 'fail', rate: 1, seed: SEED });
    else await server.down();
    await server.stats(true);
    const instance = client.make(server.origin);
    const records = await openLoop(instance, rate, calls);
    const { requests } = await server.stats(true);
    if (kind === 'refused') await server.up();
    out[client.name] = {
      calls: records.length,
      attemptsPerCall: instance.attempts / records.length,
      serverPerCall: kind === 'status' ? requests / records.length : undefined,
      p50: quantile(latencies(records), 0.5),
    };
  }
  await server.setMode({ kind: 'ok' });
  return out;
}

async function recovery(
  server: BenchServer,
  kind: 'status' | 'refused',
  outageMs: number,
  afterMs: number,
  rate: number,
): Promise<Record<string, RecoverySample>> {
  const out: Record<string, RecoverySample> = {};
  const outageCalls = Math.round((outageMs / 1000) * rate);
  const total = outageCalls + Math.round((afterMs / 1000) * rate);
  for (const client of FAULT_CLIENTS) {
    if (kind === 'status') await server.setMode({ kind: 'fail', rate: 1, seed: SEED });
    else await server.down();
    const instance = client.make(server.origin);
    let returnedAt = Number.POSITIVE_INFINITY;
    let restoring: Promise<void> = Promise.resolve();
    const records = await openLoop(instance, rate, total, (i) => {
      if (i !== outageCalls) return;
      returnedAt = performance.now();
      restoring = kind === 'status' ? server.setMode({ kind: 'ok' }) : server.up();
    });
    await restoring;
    const after = records.filter((r) => r.start >= returnedAt);
    const firstSuccess = Math.min(...records.filter((r) => r.ok && r.end >= returnedAt).map((r) => r.end));
    out[client.name] = {
      firstSuccessMs: firstSuccess - returnedAt,
      failedAfterReturn: after.filter((r) => !r.ok).length,
      callsAfterReturn: after.length,
      breakerClosedMs:
        client.breaker && instance.closedAt !== undefined && instance.closedAt >= returnedAt
          ? instance.closedAt - returnedAt
          : undefined,
    };
  }
  await server.setMode({ kind: 'ok' });
  return out;
}

async function main(args: readonly string[]): Promise<FaultsResult> {
  const quick = args.includes('--quick');
  const rounds = Number(argValue(args, '--rounds') ?? (quick ? 1 : 3));
  const randomCalls = quick ? 200 : 500;
  const randomRate = 400;
  const outageCalls = quick ? 100 : 300;
  const outageRate = 200;
  const recoveryPhaseMs = quick ? 1200 : 1500;
  useSharedDispatcher();
  const server = await startBenchServer();
  try {
    const randomSamples = await randomFaults(server, rounds, randomCalls, randomRate);
    const outage503 = await outage(server, 'status', outageCalls, outageRate);
    const outageRefused = await outage(server, 'refused', outageCalls, outageRate);
    process.stderr.write('  faults: outages done\n');
    const recovery503 = await recovery(server, 'status', recoveryPhaseMs, recoveryPhaseMs, outageRate);
    const recoveryRefused = await recovery(server, 'refused', recoveryPhaseMs, recoveryPhaseMs, outageRate);
    process.stderr.write('  faults: recovery done\n');
    return {
      seed: SEED,
      delayScale: DELAY_SCALE,
      backoff: BACKOFF,
      breaker: BREAKER,
      random: { rounds, calls: randomCalls, ratePerSec: randomRate, concurrencyNote: 'open loop' },
      outage: { calls: outageCalls, ratePerSec: outageRate },
      recovery: { outageMs: recoveryPhaseMs, afterMs: recoveryPhaseMs, ratePerSec: outageRate },
      clients: FAULT_CLIENTS.map(({ name, breaker, budget }) => ({ name, breaker, budget })),
      randomSamples,
      outage503,
      outageRefused,
      recovery503,
      recoveryRefused,
    };
  } finally {
    await server.stop();
  }
}

partMain(main);
