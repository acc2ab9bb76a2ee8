// A fetch from the `undici` package (not Node's bundled copy) with its own Agent and ProxyAgent, and
// fetch options (an undici dispatcher) passed to every call — all typed, no casts.
import { Agent, fetch as undiciFetch, ProxyAgent, MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { UserManagementClient, type FetchOptions } from '../../src/index.js';
import type { FaultServer } from '../support/fault-server.js';
import { startProxy } from '../support/forward-proxy.js';
import { useFaultServer } from '../support/drive.js';

let server: FaultServer;
useFaultServer((s) => (server = s));

describe('a fetch from the undici package', () => {
  it('works as the client fetch as it is, for reads and writes, with its own Agent in fetchOptions', async () => {
    const agent = new Agent({ connections: 2 });
    const client = new UserManagementClient({
      baseUrl: server.url,
      fetch: undiciFetch,
      fetchOptions: { dispatcher: agent },
      logLevel: 'off',
    });
    try {
      await expect(client.users.get(1)).resolves.toMatchObject({ name: 'Ada' });
      const created = await client.users.create({ name: 'Grace', username: 'grace', email: 'g@example.com' });
      expect(created).toMatchObject({ name: 'Grace' });
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /users/1', 'POST /users']);
      expect(JSON.parse(server.requests[1]!.body!)).toMatchObject({ name: 'Grace' });
      expect(server.requests[1]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await agent.close();
    }
  });

  it('takes the dispatcher from fetchOptions: undici fetch through a ProxyAgent', async () => {
    const proxy = await startProxy();
    const dispatcher = new ProxyAgent(proxy.url);
    const fetchOptions: FetchOptions = { dispatcher };
    const client = new UserManagementClient({
      baseUrl: server.url,
      fetch: undiciFetch,
      fetchOptions,
      logLevel: 'off',
    });
    try {
      await expect(client.users.get(1)).resolves.toMatchObject({ name: 'Ada' });
      expect(proxy.relayed).toEqual([`CONNECT 127.0.0.1:${server.port}`]);
      expect(server.requests).toHaveLength(1);
    } finally {
      await dispatcher.close();
      await proxy.close();
    }
  });

  it('passes fetchOptions to the global fetch too: a MockAgent dispatcher answers instead of the network', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('http://api.invalid')
      .intercept({ path: '/users/7', method: 'GET' })
      .reply(200, { id: 7, name: 'Mocked' }, { headers: { 'content-type': 'application/json' } });
    const client = new UserManagementClient({
      baseUrl: 'http://api.invalid',
      fetch: undiciFetch,
      fetchOptions: { dispatcher: mock },
      logLevel: 'off',
      maxRetries: 0,
    });
    try {
      await expect(client.users.get(7)).resolves.toEqual({ id: 7, name: 'Mocked' });
    } finally {
      await mock.close();
    }
  });

  it('hands fetchOptions to any custom fetch as init, next to the request', async () => {
    const inits: unknown[] = [];
    const client = new UserManagementClient({
      baseUrl: server.url,
      fetch: (request: Request, init?: unknown) => {
        inits.push(init);
        return fetch(request);
      },
      fetchOptions: { credentials: 'include', keepalive: true },
      logLevel: 'off',
    });

    await client.users.get(1);

    expect(inits).toEqual([{ credentials: 'include', keepalive: true }]);
  });

  it('hands fetchOptions to the global fetch: Node reads the dispatcher', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('http://api.invalid')
      .intercept({ path: '/users/8', method: 'GET' })
      .reply(200, { id: 8, name: 'Via global fetch' }, { headers: { 'content-type': 'application/json' } });
    const client = new UserManagementClient({
      baseUrl: 'http://api.invalid',
      fetchOptions: { dispatcher: mock },
      logLevel: 'off',
      maxRetries: 0,
    });
    try {
      await expect(client.users.get(8)).resolves.toEqual({ id: 8, name: 'Via global fetch' });
    } finally {
      await mock.close();
    }
  });
});
