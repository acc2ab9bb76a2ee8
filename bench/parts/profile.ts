// Part 1b — where the time goes. Run under `node --cpu-prof` by bench/run.ts: warms one client up,
// then makes `--calls` sequential calls and reports the hrtime window of the measured calls, so the
// analysis (bench/lib/cpuprofile.ts) can keep only the samples taken inside it.
import { argValue, partMain } from '../lib/child.js';
import { makeClients, useSharedDispatcher } from '../lib/clients.js';
import { warmUp } from '../lib/measure.js';
import { startBenchServer } from '../lib/server-control.js';

export interface ProfileRun {
  client: string;
  calls: number;
  /** Measured window, in µs of the monotonic clock (the clock of .cpuprofile timestamps). */
  startUs: number;
  endUs: number;
}

async function main(args: readonly string[]): Promise<ProfileRun> {
  const name = argValue(args, '--client') ?? '';
  const calls = Number(argValue(args, '--calls') ?? 20_000);
  useSharedDispatcher();
  const server = await startBenchServer();
  try {
    const client = makeClients(server.origin).find((c) => c.name === name);
    if (!client) throw new Error(`no client named ${JSON.stringify(name)}`);
    const call = () => client.call();
    await warmUp(call, 3000, 1);
    const startUs = Number(process.hrtime.bigint() / 1000n);
    await warmUp(call, calls, 1);
    const endUs = Number(process.hrtime.bigint() / 1000n);
    return { client: name, calls, startUs, endUs };
  } finally {
    await server.stop();
  }
}

partMain(main);
