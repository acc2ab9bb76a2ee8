// Closed-loop latency measurement: `concurrency` workers call back to back until `n` calls are done.
import { mean, quantile } from './stats.js';

export interface LatencySample {
  /** Milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  /** Calls per second of wall time. */
  throughput: number;
  /** CPU time of this (client) process per call, µs: user + system, from process.cpuUsage(). */
  cpuUs: number;
}

export interface Block {
  /** Per-call latency, ms. */
  latencies: Float64Array;
  wallMs: number;
  /** CPU µs of this process during the block. */
  cpuUs: number;
}

/** Runs `n` calls on `concurrency` workers, timing each call with performance.now(). */
export async function runBlock(call: () => Promise<unknown>, n: number, concurrency: number): Promise<Block> {
  const latencies = new Float64Array(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < n; i = next++) {
      const start = performance.now();
      await call();
      latencies[i] = performance.now() - start;
    }
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { latencies, wallMs, cpuUs: used.user + used.system };
}

/** Percentiles over every call of `blocks`, throughput over their summed wall time. */
export function summarize(blocks: readonly Block[]): LatencySample {
  const all = new Float64Array(blocks.reduce((n, b) => n + b.latencies.length, 0));
  let offset = 0;
  let wallMs = 0;
  let cpuUs = 0;
  for (const b of blocks) {
    all.set(b.latencies, offset);
    offset += b.latencies.length;
    wallMs += b.wallMs;
    cpuUs += b.cpuUs;
  }
  return {
    p50: quantile(all, 0.5),
    p99: quantile(all, 0.99),
    mean: mean(all),
    throughput: (all.length / wallMs) * 1000,
    cpuUs: cpuUs / all.length,
  };
}

/** Runs `n` calls at `concurrency` without recording anything. */
export async function warmUp(call: () => Promise<unknown>, n: number, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next++ < n) await call();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}
