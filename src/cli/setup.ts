// What the CLI builds before a run: the client (the real API, or the embedded mock when
// USER_MGMT_BASE_URL is unset), the map function from --map, the alert webhook.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserManagementClient, type ClientOptions } from 'user-management-sdk';
import type { MapFunction } from 'user-management-sdk/sync';
import { UsageError } from './args.js';

/** The embedded mock's module, loaded by name so the CLI works (against a real API) without it. */
const MOCK_MODULE = 'user-management-sdk/testing';

interface MockModule {
  createMockApi(): { baseUrl: string; fetch: NonNullable<ClientOptions['fetch']> };
}

/** The client for a run; `mock` says whether it talks to the embedded mock. */
export async function createCliClient(
  env: NodeJS.ProcessEnv,
  pacing: Pick<ClientOptions, 'maxConcurrency' | 'rateLimit' | 'onCircuitStateChange'>,
): Promise<{ client: UserManagementClient; mock: boolean }> {
  // The sync keeps at most `maxConcurrency` records in flight, so the client's queue never fills.
  const options: ClientOptions = { ...pacing, maxQueue: 1_000 };
  // The environment the CLI was given (the process's, or a test's) wins over what the client would read.
  if (env.USER_MGMT_BASE_URL)
    return {
      client: new UserManagementClient({
        ...options,
        baseUrl: env.USER_MGMT_BASE_URL,
        apiKey: env.USER_MGMT_API_KEY,
      }),
      mock: false,
    };
  let mod: MockModule;
  try {
    mod = (await import(MOCK_MODULE)) as MockModule;
  } catch (err) {
    throw new UsageError(
      `USER_MGMT_BASE_URL is not set and the embedded mock API (${MOCK_MODULE}, needs msw) could not load: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const api = mod.createMockApi();
  return {
    client: new UserManagementClient({ ...options, baseUrl: api.baseUrl, fetch: api.fetch }),
    mock: true,
  };
}

/** Loads `--map <module>`: its default export (or export `map`) must be a function. */
export async function loadMap(path: string): Promise<MapFunction> {
  let mod: { default?: unknown; map?: unknown };
  try {
    mod = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown; map?: unknown };
  } catch (err) {
    throw new UsageError(
      `Cannot load the map module ${path}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const fn = typeof mod.default === 'function' ? mod.default : mod.map;
  if (typeof fn !== 'function')
    throw new UsageError(`${path} must export a map function (export default (record) => user).`);
  return fn as MapFunction;
}
