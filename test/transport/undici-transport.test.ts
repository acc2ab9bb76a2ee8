// transport: 'undici' through the public client against a loopback server: requests leave through
// undici.request (not fetch), and the default path's behaviours hold — the timeout covers a dripping
// body, the size cap, the SDK's redirect rules, abort, a custom dispatcher (Agent, ProxyAgent,
// MockAgent). The fault matrix, redirect, size-cap and local-failure suites also run whole under this
// transport (vitest project `transport-undici`).
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
import { startProxy } from '../support/forward-proxy.js';

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
