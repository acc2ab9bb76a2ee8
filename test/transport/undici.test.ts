// A fetch from the `undici` package (not Node's bundled copy) with its own Agent and ProxyAgent, and
// fetch options (an undici dispatcher) passed to every call — all typed, no casts.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Agent, fetch as undiciFetch, ProxyAgent, MockAgent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserManagementClient, type FetchOptions } from '../../src/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  server.setDefault({ kind: 'users' });
  server.users.set(1, { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' });
});

/** A forward proxy (CONNECT tunnels, as undici's ProxyAgent uses, and absolute-URI requests) that records what it relays. */
async function startProxy(): Promise<{ url: string; relayed: string[]; close: () => Promise<void> }> {
  const relayed: string[] = [];
  const sockets = new Set<Duplex>();
  const proxy: Server = createServer((req, res) => {
    relayed.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    relayed.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    sockets.add(upstream);
    sockets.add(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    relayed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

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
