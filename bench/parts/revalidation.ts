// Part — what the opt-in revalidating cache buys: a GET answered 304 (If-None-Match, body from the
// client's cache) against a full 200 GET of the same resource, both through the SDK, against the bench
// server in its own process over keep-alive loopback. Two resources: the one JSON user every part uses,
// and a page of 100 of them. Both clients send exactly one request per call; the cached one has been
// primed once before timing. Interleaved blocks, so both sides see the same machine moments apart.
import { collectGarbage, partMain } from '../lib/child.js';
import { runBlock, summarize, warmUp, type Block, type LatencySample } from '../lib/measure.js';
import { UserManagementClient } from '../lib/sdk.js';
import { startBenchServer } from '../lib/server-control.js';
import { rotate } from '../lib/stats.js';

export interface RevalidationRow {
  resource: 'user' | 'page of 100 users';
  full: LatencySample;
  revalidated: LatencySample;
  /** Ratios within each round (revalidated / full), for the median over rounds. */
  p50Ratios: number[];
  cpuRatios: number[];
  /** Requests the server saw per call, for each client: both must be 1. */
  serverPerCall: { full: number; revalidated: number };
}

export interface RevalidationResult {
  rounds: number;
  blocksPerRound: number;
  callsPerBlock: number;
  rows: RevalidationRow[];
}

async function main(args: readonly string[]): Promise<RevalidationResult> {
  const quick = args.includes('--quick');
  const rounds = quick ? 2 : 5;
  const blocks = quick ? 2 : 4;
  const callsPerBlock = quick ? 300 : 1500;
  const server = await startBenchServer();
  try {
    const options = { baseUrl: server.origin, logLevel: 'off' as const, telemetry: false as const };
    const full = new UserManagementClient(options);
    const cached = new UserManagementClient({ ...options, cache: {} });
    const targets = [
      {
        resource: 'user' as const,
        full: () => full.users.get(1),
        revalidated: () => cached.users.get(1),
      },
      {
        resource: 'page of 100 users' as const,
        full: () => full.users.list({ limit: 100 }),
        revalidated: () => cached.users.list({ limit: 100 }),
      },
    ];
    const rows: RevalidationRow[] = [];
    for (const t of targets) {
      await warmUp(t.full, quick ? 200 : 1000, 1);
      await warmUp(t.revalidated, quick ? 200 : 1000, 1);
      const sides = { full: t.full, revalidated: t.revalidated };
      const byRound: Record<'full' | 'revalidated', Block[][]> = { full: [], revalidated: [] };
      const served = { full: 0, revalidated: 0 };
      for (let round = 0; round < rounds; round++) {
        byRound.full.push([]);
        byRound.revalidated.push([]);
        const order = rotate(['full', 'revalidated'] as const, round);
        for (let b = 0; b < blocks; b++) {
          for (const side of b % 2 === 0 ? order : [...order].reverse()) {
            await collectGarbage();
            await server.stats(true);
            byRound[side][round]!.push(await runBlock(sides[side], callsPerBlock, 1));
            served[side] += (await server.stats(true)).requests;
          }
        }
      }
      const perRound = (side: 'full' | 'revalidated') => byRound[side].map((blocks) => summarize(blocks));
      const f = perRound('full');
      const r = perRound('revalidated');
      const calls = rounds * blocks * callsPerBlock;
      rows.push({
        resource: t.resource,
        full: summarize(byRound.full.flat()),
        revalidated: summarize(byRound.revalidated.flat()),
        p50Ratios: r.map((x, i) => x.p50 / f[i]!.p50),
        cpuRatios: r.map((x, i) => x.cpuUs / f[i]!.cpuUs),
        serverPerCall: { full: served.full / calls, revalidated: served.revalidated / calls },
      });
    }
    return { rounds, blocksPerRound: blocks, callsPerBlock, rows };
  } finally {
    await server.stop();
  }
}

partMain(main);
