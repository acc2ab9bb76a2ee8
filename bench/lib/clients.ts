// The clients compared on the happy path. Each does the same logical call — GET /users/1 and parse the
// JSON body — over keep-alive connections to the bench server.
//
// Transport: undici.request, global fetch, openapi-fetch and the SDK (either transport) all go through
// undici's *global dispatcher*; `useSharedDispatcher()` installs one undici Agent there before any
// client runs, so they share the same connection pool implementation and keep-alive settings (Node's
// bundled fetch reads the dispatcher from the same global symbol).
import createClient from 'openapi-fetch';
import { Agent, getGlobalDispatcher, request, setGlobalDispatcher } from 'undici';
import type { paths } from '../../src/index.js';
import { UserManagementClient } from './sdk.js';
import { packageVersion } from './versions.js';

export interface BenchClient {
  readonly name: string;
  /** What carries the request: which agent, which keep-alive. */
  readonly transport: string;
  call(): Promise<unknown>;
}

/** Installs one undici Agent (keep-alive, unlimited connections per origin) as the global dispatcher. */
export function useSharedDispatcher(): string {
  setGlobalDispatcher(new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 }));
  return getGlobalDispatcher().constructor.name;
}

export const CLIENT_NAMES = {
  undici: 'undici.request',
  fetch: 'fetch',
  openapiFetch: 'openapi-fetch',
  sdk: 'SDK (defaults)',
  sdkUndici: "SDK (transport 'undici')",
} as const;

function check(value: unknown): unknown {
  if ((value as { id?: unknown } | undefined)?.id !== 1)
    throw new Error(`unexpected body: ${JSON.stringify(value)}`);
  return value;
}

export function makeClients(origin: string): BenchClient[] {
  const url = `${origin}/users/1`;
  const undiciVersion = `undici ${packageVersion('undici')}`;
  const viaGlobal = `global dispatcher (${undiciVersion} Agent, keep-alive)`;
  const raw = createClient<paths>({ baseUrl: origin });
  // Default options. Telemetry is on by default whenever @opentelemetry/api resolves — here it does (a
  // devDependency), with no OpenTelemetry SDK registered.
  const sdk = new UserManagementClient({ baseUrl: origin });
  const sdkUndici = new UserManagementClient({ baseUrl: origin, transport: 'undici' });
  return [
    {
      name: CLIENT_NAMES.undici,
      transport: viaGlobal,
      call: async () => {
        const { statusCode, body } = await request(url);
        if (statusCode !== 200) throw new Error(`status ${statusCode}`);
        return body.json();
      },
    },
    {
      name: CLIENT_NAMES.fetch,
      transport: `Node ${process.versions.node} fetch (bundled undici ${process.versions.undici ?? '?'}) → ${viaGlobal}`,
      call: async () => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`status ${response.status}`);
        return response.json();
      },
    },
    {
      name: CLIENT_NAMES.openapiFetch,
      transport: 'global fetch → same',
      call: async () => {
        const { data, error } = await raw.GET('/users/{id}', { params: { path: { id: 1 } } });
        if (error !== undefined) throw new Error('error response');
        return data;
      },
    },
    {
      name: CLIENT_NAMES.sdk,
      transport: 'openapi-fetch → global fetch → same',
      call: () => sdk.users.get(1),
    },
    {
      name: CLIENT_NAMES.sdkUndici,
      transport: 'openapi-fetch → undici.request → same',
      call: () => sdkUndici.users.get(1),
    },
  ];
}

/** Each client once, checking it gets the user back. */
export async function checkClients(clients: readonly BenchClient[]): Promise<void> {
  for (const client of clients) {
    try {
      check(await client.call());
    } catch (error) {
      throw new Error(`${client.name} failed its first call`, { cause: error });
    }
  }
}
