// Part 1 — overhead on the happy path. Every client makes the same GET /users/1 against the bench
// server (another process), at concurrency 1 and 32. The machine is noisy, so clients are interleaved
// finely: each round is cut into blocks, every block visits every client once (order rotated by one
// per round and reversed on odd blocks), with a full GC before each block so no client pays for
// another's garbage. Percentiles and throughput of a round pool that round's blocks per client.
import { argValue, collectGarbage, partMain } from '../lib/child.js';
import { checkClients, makeClients, useSharedDispatcher } from '../lib/clients.js';
import { runBlock, summarize, warmUp, type Block, type LatencySample } from '../lib/measure.js';
import { startBenchServer } from '../lib/server-control.js';
import { rotate } from '../lib/stats.js';

export const CONCURRENCY_LEVELS = [1, 32] as const;

export interface OverheadResult {
  rounds: number;
  blocksPerRound: number;
  callsPerRound: Record<string, number>;
  dispatcher: string;
  clients: { name: string; transport: string }[];
  /** samples[concurrency][client][round] */
  samples: Record<string, Record<string, LatencySample[]>>;
}

async function main(args: readonly string[]): Promise<OverheadResult> {
  const quick = args.includes('--quick');
  const rounds = Number(argValue(args, '--rounds') ?? (quick ? 3 : 6));
  const blocks = quick ? 2 : 6;
  const blockCalls: Record<number, number> = { 1: quick ? 100 : 200, 32: quick ? 200 : 320 };
  const dispatcher = useSharedDispatcher();
  const server = await startBenchServer();
  try {
    const clients = makeClients(server.origin);
    await checkClients(clients);
    for (const client of clients) {
      await warmUp(() => client.call(), quick ? 300 : 1500, 1);
      await warmUp(() => client.call(), quick ? 300 : 1500, 32);
    }
    const samples: OverheadResult['samples'] = {};
    for (const c of CONCURRENCY_LEVELS) samples[c] = Object.fromEntries(clients.map((k) => [k.name, []]));
    for (let round = 0; round < rounds; round++) {
      const order = rotate(clients, round);
      for (const c of CONCURRENCY_LEVELS) {
        const done = new Map<string, Block[]>(clients.map((k) => [k.name, []]));
        for (let b = 0; b < blocks; b++) {
          for (const client of b % 2 === 0 ? order : [...order].reverse()) {
            await collectGarbage();
            done.get(client.name)!.push(await runBlock(() => client.call(), blockCalls[c]!, c));
          }
        }
        for (const [name, list] of done) samples[c]![name]!.push(summarize(list));
      }
      process.stderr.write(`  overhead: round ${round + 1}/${rounds} done\n`);
    }
    return {
      rounds,
      blocksPerRound: blocks,
      callsPerRound: Object.fromEntries(CONCURRENCY_LEVELS.map((c) => [c, blocks * blockCalls[c]!])),
      dispatcher,
      clients: clients.map(({ name, transport }) => ({ name, transport })),
      samples,
    };
  } finally {
    await server.stop();
  }
}

partMain(main);
