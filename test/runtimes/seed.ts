// What the runtime tests share: a loopback users API with two users, and the client options every
// runtime passes (all of them, so nothing is read from an environment; the breaker on). The third request
// gets a 503: the breaker opens on it and loads cockatiel (its chunk) inside the runtime, and a half-open
// trial later runs through cockatiel there.
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

export async function startUsersApi(): Promise<FaultServer> {
  const server = await startFaultServer();
  server.setDefault({ kind: 'users' });
  server.script([
    { kind: 'users' },
    { kind: 'users' },
    { kind: 'respond', status: 503, body: { title: 'Service Unavailable' } },
  ]);
  ['Ada', 'Grace'].forEach((name, i) => {
    const username = name.toLowerCase();
    server.users.set(i + 1, { id: i + 1, name, username, email: `${username}@example.com` });
  });
  return server;
}

/** The script each runtime runs, as the body of an async function of `sdk` and `baseUrl`. */
export const SCRIPT = `
  const client = new sdk.UserManagementClient({
    baseUrl,
    apiKey: 'runtime-key',
    token: 'runtime-token',
    logLevel: 'off',
    telemetry: false,
    maxRetries: 0,
    circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 50 },
  });
  const page = await client.users.list({ limit: 10 });
  const user = await client.users.get(page.data[1].id);
  const failed = await client.users.get(1).then(() => 'no error', (e) => e.name);
  const open = await client.users.get(1).then(() => 'no error', (e) => e.name);
  await new Promise((resolve) => setTimeout(resolve, 60));
  const trial = await client.users.get(1);
  return {
    names: page.data.map((u) => u.name),
    total: page.total,
    user: { id: user.id, name: user.name },
    breaker: [failed, open, trial.name],
  };
`;

export const EXPECTED = {
  names: ['Ada', 'Grace'],
  total: 2,
  user: { id: 2, name: 'Grace' },
  breaker: ['InternalServerError', 'CircuitOpenError', 'Ada'],
};

/**
 * The same script written with user-management-sdk/core and /funcs (`core` and `funcs` in scope instead
 * of `sdk`): the same calls, so the same requests and the same EXPECTED result.
 */
export const FUNCS_SCRIPT = SCRIPT.replace(
  'const client = new sdk.UserManagementClient(',
  'const api = new core.UserManagementCore(',
)
  .replace('client.users.list(', 'funcs.usersList(api, ')
  .replaceAll('client.users.get(', 'funcs.usersGet(api, ');
