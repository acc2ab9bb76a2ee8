// Part 1c — what each layer costs in CPU, without sockets. The global fetch is replaced, in this child
// process only, by an in-memory one that does what undici's fetch does first (builds its own Request from
// its input and init, following the signal) and answers with the same JSON user as the bench server; bare
// openapi-fetch and the SDK are both created with default options, so both call it as the global fetch
// (the SDK's default path, with its attempt signal beside the Request). With no network and no server, the CPU
// time per call (process.cpuUsage) is far steadier than loopback latency on a busy machine, and the
// difference between two rows is exactly the code between them. Each stack runs in a process of its own
// per round (see main), and each is compared with the openapi-fetch process of the same round.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import { argValue, collectGarbage, partMain } from '../lib/child.js';
import type { ClientOptions, paths } from '../../src/index.js';
import { UserManagementClient } from '../lib/sdk.js';
import { rotate } from '../lib/stats.js';
import { USER_JSON } from '../lib/user.js';

const BODY = USER_JSON;
const HEADERS = { 'content-type': 'application/json', 'content-length': String(BODY.length) };
const ORIGIN = 'http://127.0.0.1:9';

const memoryFetch = (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
  new Request(input, init);
  return Promise.resolve(new Response(BODY, { status: 200, headers: HEADERS }));
};

export interface LayersResult {
  rounds: number;
  callsPerProcess: number;
  /** CPU µs per call of each process, in round order: cpuUs[stack][round]. */
  cpuUs: Record<string, number[]>;
  clients: { name: string; description: string }[];
}

interface Layer {
  name: string;
  description: string;
  /** Makes the stack (called only in the process that measures it) and returns one call. */
  make: () => () => Promise<unknown>;
}

function layers(): Layer[] {
  const sdk = (options: ClientOptions) => () => {
    const client = new UserManagementClient({ baseUrl: ORIGIN, ...options });
    return () => client.users.get(1);
  };
  return [
    {
      name: 'fetch + json()',
      description: 'the in-memory fetch alone',
      make: () => async () => (await memoryFetch(`${ORIGIN}/users/1`)).json(),
    },
    {
      name: 'openapi-fetch',
      description: "GET('/users/{id}'), parseAs json",
      make: () => {
        const raw = createClient<paths>({ baseUrl: ORIGIN });
        return async () => (await raw.GET('/users/{id}', { params: { path: { id: 1 } } })).data;
      },
    },
    {
      name: 'SDK (defaults)',
      description:
        'breaker, budget, retries, timeouts, telemetry on (@opentelemetry/api present, no OpenTelemetry SDK registered)',
      make: sdk({}),
    },
    {
      name: 'SDK (telemetry off)',
      description: 'defaults, telemetry: false',
      make: sdk({ telemetry: false }),
    },
    {
      name: 'SDK (breaker + budget off)',
      description: 'defaults, circuitBreaker: false, retryBudget: false',
      make: sdk({ circuitBreaker: false, retryBudget: false }),
    },
    {
      name: 'SDK (all off)',
      description: 'maxRetries 0, circuitBreaker false, retryBudget false, telemetry false',
      make: sdk({ maxRetries: 0, circuitBreaker: false, retryBudget: false, telemetry: false }),
    },
  ];
}

async function cpuPerCall(call: () => Promise<unknown>, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

/** One stack in this process: warm up, then the CPU µs per call over `calls` sequential calls. */
async function measureOne(name: string, calls: number): Promise<number> {
  const layer = layers().find((l) => l.name === name);
  if (!layer) throw new Error(`no stack named ${JSON.stringify(name)}`);
  // A benchmark process of its own: nothing else in it uses the network.
  globalThis.fetch = memoryFetch;
  const call = layer.make();
  await cpuPerCall(call, Math.min(5000, calls));
  await collectGarbage();
  return cpuPerCall(call, calls);
}

async function main(args: readonly string[]): Promise<LayersResult | number> {
  const quick = args.includes('--quick');
  const calls = Number(argValue(args, '--calls') ?? (quick ? 3000 : 20_000));
  const stack = argValue(args, '--stack');
  if (stack !== undefined) return measureOne(stack, calls);
  // Each stack in a fresh process per round, the stacks of a round one after the other in a rotated
  // order: a process holds one client, as an application does, so no stack runs on inline caches that
  // another stack's objects made polymorphic, and no stack pays for another's garbage.
  const rounds = quick ? 2 : 5;
  const list = layers();
  const cpuUs: Record<string, number[]> = Object.fromEntries(list.map((l) => [l.name, []]));
  const self = fileURLToPath(import.meta.url);
  for (let round = 0; round < rounds; round++) {
    for (const layer of rotate(list, round)) {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', self, '--stack', layer.name, '--calls', String(calls)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      cpuUs[layer.name]!.push(Number(out.trim()));
    }
  }
  return {
    rounds,
    callsPerProcess: calls,
    cpuUs,
    clients: list.map(({ name, description }) => ({ name, description })),
  };
}

partMain(main);
