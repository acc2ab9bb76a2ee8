// transport: 'undici' through the public client against a loopback server: requests leave through
// undici.request (not fetch), and the default path's behaviours hold — the timeout covers a dripping
// body, the size cap, the SDK's redirect rules, abort, a custom dispatcher (Agent, ProxyAgent,
// MockAgent). The fault matrix, redirect, size-cap and local-failure suites also run whole under this
// transport (vitest project `transport-undici`).
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Agent, MockAgent, ProxyAgent } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import {
  ConfigError,
  RedirectError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
  UserManagementClient,
  type ClientOptions,
} from '../../src/index.js';
import { track, until, useFaultServerWithFakeClock } from '../support/drive.js';
import type { FaultServer } from '../support/fault-server.js';

let server: FaultServer;
useFaultServerWithFakeClock((s) => (server = s));

function client(options: ClientOptions = {}): UserManagementClient {
  return new UserManagementClient({
    baseUrl: server.url,
    apiKey: 'k',
    logLevel: 'off',
    transport: 'undici',
    ...options,
  });
}

/** A forward proxy (CONNECT tunnels, as undici's ProxyAgent uses) that records what it relays. */
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
  proxy.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    relayed.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    sockets.add(upstream);
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    relayed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}

describe("transport: 'undici'", () => {
  it('reads and writes through undici.request, not fetch (no fetch-only headers reach the server)', async () => {
    server.setDefault({ kind: 'users' });
    server.users.set(1, { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' });
    const c = client();
    await expect(c.users.get(1)).resolves.toMatchObject({ name: 'Ada' });
    const created = await c.users.create({ name: 'Grace', username: 'grace', email: 'g@example.com' });
    expect(created).toMatchObject({ name: 'Grace' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /users/1', 'POST /users']);
    const post = server.requests[1]!;
    expect(JSON.parse(post.body!)).toMatchObject({ name: 'Grace' });
    expect(post.headers['content-length']).toBe(String(Buffer.byteLength(post.body!)));
    expect(post.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.headers['x-api-key']).toBe('k');
    // fetch adds these to every request; undici.request does not.
    expect(server.requests[0]!.headers['sec-fetch-mode']).toBeUndefined();
    expect(server.requests[0]!.headers['accept-language']).toBeUndefined();
  });

  it('times out a body that stops dripping halfway: TimeoutError(kind attempt), the timeout covers the body', async () => {
    server.script([{ kind: 'stallMidBody' }]);
    const call = track(client({ timeoutMs: 500, maxRetries: 0 }).users.get(1));
    await until(() => server.requests.length === 1, 'request');
    await vi.advanceTimersByTimeAsync(499);
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await call.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ kind: 'attempt' });
  });

  it('cuts a call stalled mid-body short when the caller aborts: RequestAbortedError, nothing retried', async () => {
    server.script([{ kind: 'stallMidBody' }]);
    const ctl = new AbortController();
    const call = track(client().users.get(1, { signal: ctl.signal }));
    await until(() => server.requests.length === 1, 'request');
    ctl.abort(new Error('user navigated away'));
    await expect(call.promise).rejects.toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it('enforces maxResponseBytes on what undici streams in', async () => {
    server.script([{ kind: 'respond', status: 200, body: { id: 1, name: 'x'.repeat(4096) } }]);
    const err = await client({ maxResponseBytes: 1024, maxRetries: 0 })
      .users.get(1)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseTooLargeError);
    expect(err).toMatchObject({ limitBytes: 1024 });
  });

  it('hands redirects to the SDK: one to another origin rejects with RedirectError and nothing goes there', async () => {
    server.script([
      { kind: 'respond', status: 302, headers: { location: 'http://127.0.0.2:9/users/1' }, body: '' },
    ]);
    const err = await client({ maxRetries: 0 })
      .users.get(1)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectError);
    expect(server.requests).toHaveLength(1);
  });

  it('follows a same-origin redirect itself, with the headers it may keep', async () => {
    server.script([{ kind: 'respond', status: 307, headers: { location: '/users/2' }, body: '' }]);
    await expect(client().users.get(1)).resolves.toMatchObject({ id: 1 });
    expect(server.requests.map((r) => r.path)).toEqual(['/users/1', '/users/2']);
    expect(server.requests[1]!.headers['x-api-key']).toBe('k');
  });

  it('sends through the dispatcher in fetchOptions: an Agent of its own', async () => {
    const agent = new Agent({ connections: 1 });
    const dispatched: string[] = [];
    const recording = agent.compose((dispatch) => (opts, handler) => {
      dispatched.push(`${opts.method} ${opts.path}`);
      return dispatch(opts, handler);
    });
    try {
      await client({ fetchOptions: { dispatcher: recording } }).users.get(1);
      expect(dispatched).toEqual(['GET /users/1']);
      expect(server.requests).toHaveLength(1);
    } finally {
      await agent.close();
    }
  });

  it('sends through a ProxyAgent', async () => {
    vi.useRealTimers();
    const proxy = await startProxy();
    const dispatcher = new ProxyAgent(proxy.url);
    try {
      await expect(client({ fetchOptions: { dispatcher } }).users.get(1)).resolves.toMatchObject({ id: 1 });
      expect(proxy.relayed).toEqual([`CONNECT ${new URL(server.url).host}`]);
    } finally {
      await dispatcher.close();
      await proxy.close();
    }
  });

  it('answers from a MockAgent without touching the network', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('http://api.invalid')
      .intercept({ path: '/users/7', method: 'GET' })
      .reply(200, { id: 7, name: 'Mocked' }, { headers: { 'content-type': 'application/json' } });
    try {
      const c = client({
        baseUrl: 'http://api.invalid',
        allowInsecureHttp: true,
        fetchOptions: { dispatcher: mock },
        maxRetries: 0,
      });
      await expect(c.users.get(7)).resolves.toEqual({ id: 7, name: 'Mocked' });
    } finally {
      await mock.close();
    }
  });

  it('is a ConfigError with a custom fetch, or with a value other than fetch/undici', () => {
    expect(() => client({ fetch: (r: Request) => fetch(r) })).toThrow(ConfigError);
    expect(() => client({ fetch: (r: Request) => fetch(r) })).toThrow(/cannot be combined/);
    expect(() => client({ transport: 'http2' as never })).toThrow(/transport must be 'fetch' or 'undici'/);
  });
});
