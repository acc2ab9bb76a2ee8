// Part 1c — what each layer costs in CPU, without sockets. The global fetch is replaced, in this child
// process only, by an in-memory one that does what undici's fetch does first (builds its own Request from
// its input and init, following the signal) and answers with the same JSON user as the bench server; bare
// openapi-fetch and the SDK are both created with default options, so both call it as the global fetch
// (the SDK's default path, with its attempt signal beside the Request). With no network and no server, the CPU
// time per call (process.cpuUsage) is far steadier than loopback latency on a busy machine, and the
// difference between two rows is exactly the code between them. Interleaved like the overhead part;
// every block of a stack is compared with the openapi-fetch block of the same pass (moments apart).
import createClient from 'openapi-fetch';
import { collectGarbage, partMain } from '../lib/child.js';
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
  blocksPerRound: number;
  callsPerBlock: number;
  /** CPU µs per call of every block, in order: cpuUs[client][round × blocksPerRound + block]. */
  cpuUs: Record<string, number[]>;
  clients: { name: string; description: string }[];
}

interface Layer {
  name: string;
  description: string;
  call: () => Promise<unknown>;
}

function layers(): Layer[] {
  // A benchmark child of its own: nothing else in this process uses the network.
  globalThis.fetch = memoryFetch;
  const raw = createClient<paths>({ baseUrl: ORIGIN });
  const sdk = (options: ClientOptions) => new UserManagementClient({ baseUrl: ORIGIN, ...options });
  const list: Layer[] = [
    {
      name: 'fetch + json()',
      description: 'the in-memory fetch alone',
      call: async () => (await memoryFetch(`${ORIGIN}/users/1`)).json(),
    },
    {
      name: 'openapi-fetch',
      description: "GET('/users/{id}'), parseAs json",
      call: async () => (await raw.GET('/users/{id}', { params: { path: { id: 1 } } })).data,
    },
  ];
  const variants: [string, string, ClientOptions][] = [
    [
      'SDK (defaults)',
      'breaker, budget, retries, timeouts, telemetry (no-op: @opentelemetry/api present, no SDK)',
      {},
    ],
    ['SDK (telemetry off)', 'defaults, telemetry: false', { telemetry: false }],
    [
      'SDK (breaker + budget off)',
      'defaults, circuitBreaker: false, retryBudget: false',
      { circuitBreaker: false, retryBudget: false },
    ],
    [
      'SDK (all off)',
      'maxRetries 0, circuitBreaker false, retryBudget false, telemetry false',
      { maxRetries: 0, circuitBreaker: false, retryBudget: false, telemetry: false },
    ],
  ];
  for (const [name, description, options] of variants) {
    const client = sdk(options);
    list.push({ name, description, call: () => client.users.get(1) });
  }
  return list;
}

async function cpuPerCall(call: () => Promise<unknown>, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

async function main(args: readonly string[]): Promise<LayersResult> {
  const quick = args.includes('--quick');
  const rounds = quick ? 3 : 5;
  const blocks = quick ? 4 : 6;
  const blockCalls = quick ? 200 : 600;
  const list = layers();
  for (const layer of list) await cpuPerCall(layer.call, quick ? 1000 : 3000);
  const cpuUs: Record<string, number[]> = Object.fromEntries(list.map((l) => [l.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = rotate(list, round);
    for (let b = 0; b < blocks; b++) {
      for (const layer of b % 2 === 0 ? order : [...order].reverse()) {
        await collectGarbage();
        cpuUs[layer.name]!.push(await cpuPerCall(layer.call, blockCalls));
      }
    }
  }
  return {
    rounds,
    blocksPerRound: blocks,
    callsPerBlock: blockCalls,
    cpuUs,
    clients: list.map(({ name, description }) => ({ name, description })),
  };
}

partMain(main);
