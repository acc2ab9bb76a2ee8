// Promise: bounded time. Every wait of a call ends at its deadline or on its signal: a token function
// or OAuth2 token endpoint that never answers, the client-side rate limit and concurrency queue, a
// body that drips forever, and the client-wide cooldown a Retry-After sets. Waits run on a fake clock.
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
  UserManagementClient,
  type ClientOptions,
} from '../../src/index.js';
import { track, until, useFakeClock, warmUpFetch } from '../support/drive.js';
import { json, quietLogger, SECRETS, startServer, type TestServer } from './support.js';

const USER = { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' };
let api: TestServer;
beforeAll(async () => {
  api = await startServer();
  api.handle((_req, res) => json(res, 200, USER));
  await warmUpFetch(`${api.url}/users/1`);
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.requests.length = 0;
  api.handle((_req, res) => json(res, 200, USER));
  useFakeClock();
});
afterEach(() => {
  vi.useRealTimers();
});

const client = (o: Partial<ClientOptions> = {}): UserManagementClient =>
  new UserManagementClient({ baseUrl: api.url, logger: quietLogger, ...o });

describe('a token function that never resolves', () => {
  const never = (): Promise<string> => new Promise<string>(() => undefined);

  it('ends the call at its deadline with TimeoutError, sending nothing', async () => {
    const call = track(client({ token: never }).users.get(1, { deadlineMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await call.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).kind).toBe('deadline');
    expect(api.requests).toHaveLength(0);
  });

  it('ends the call at once when its signal aborts', async () => {
    const ctl = new AbortController();
    const call = track(client({ token: never }).users.get(1, { signal: ctl.signal }));
    await vi.advanceTimersByTimeAsync(10);
    ctl.abort();
    await expect(call.promise).rejects.toBeInstanceOf(RequestAbortedError);
    expect(api.requests).toHaveLength(0);
  });
});

describe('an OAuth2 token endpoint that hangs', () => {
  let pending: ServerResponse[] = [];
  beforeEach(() => {
    pending = [];
    api.handle((req, res) => {
      if (req.url === '/oauth/token') pending.push(res);
      else json(res, 200, USER);
    });
  });
  const oauth = (o: Partial<ClientOptions> = {}) =>
    client({ auth: { clientId: 'app', clientSecret: SECRETS.clientSecret }, timeoutMs: 60_000, ...o });

  it('ends each caller at its own deadline or abort, while the shared token request goes on for the others', async () => {
    const c = oauth();
    const ctl = new AbortController();
    const impatient = track(c.users.get(1, { signal: ctl.signal }));
    const short = track(c.users.get(1, { deadlineMs: 2_000 }));
    const patient = track(c.users.get(1, { deadlineMs: 30_000 }));
    await until(() => pending.length === 1, 'the token request');

    ctl.abort();
    await expect(impatient.promise).rejects.toBeInstanceOf(RequestAbortedError);
    await vi.advanceTimersByTimeAsync(2_000);
    const err = await short.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(String(err)).not.toContain(SECRETS.clientSecret);
    expect(patient.settled()).toBe(false);

    // One token request for all three, still open: answering it completes the patient call.
    expect(pending).toHaveLength(1);
    json(pending[0]!, 200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 });
    await expect(patient.promise).resolves.toEqual(USER);
    expect(api.requests.filter((r) => r.url === '/oauth/token')).toHaveLength(1);
  });
});

it('bounds reading a body that drips forever by the attempt timeout', async () => {
  api.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const drip = (): void => {
      if (res.destroyed) return;
      res.write(' ');
      setTimeout(drip, 100);
    };
    drip();
  });
  const call = track(client({ timeoutMs: 1_000, maxRetries: 0 }).users.get(1));
  await until(() => api.requests.length === 1, 'the request');
  for (let t = 0; t < 1_000 && !call.settled(); t += 100) await vi.advanceTimersByTimeAsync(100);
  await until(() => call.settled(), 'the call to end');
  const err = await call.promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TimeoutError);
  expect((err as TimeoutError).kind).toBe('attempt');
});

it('bounds the rate-limit and concurrency waits by the deadline and the signal', async () => {
  const c = client({ rateLimit: { requestsPerSecond: 0.01, burst: 1 }, deadlineMs: 5_000 });
  await expect(c.users.get(1)).resolves.toEqual(USER);
  // The next token is 100 s away, far beyond the deadline: refused at once, nothing sent.
  await expect(c.users.get(1)).rejects.toBeInstanceOf(TimeoutError);
  expect(api.requests).toHaveLength(1);

  api.handle(() => undefined); // hold every request
  const q = client({ maxConcurrency: 1 });
  const first = track(q.users.get(1, { deadlineMs: 60_000, timeoutMs: 60_000 }));
  await until(() => api.requests.length === 2, 'the first request');
  const ctl = new AbortController();
  const queued = track(q.users.get(1, { signal: ctl.signal }));
  const timed = track(q.users.get(1, { deadlineMs: 1_000 }));
  ctl.abort();
  await expect(queued.promise).rejects.toBeInstanceOf(RequestAbortedError);
  await vi.advanceTimersByTimeAsync(1_000);
  await expect(timed.promise).rejects.toBeInstanceOf(TimeoutError);
  expect(first.settled()).toBe(false);
  api.handle((_req, res) => json(res, 200, USER));
});

it('never lets a Retry-After make the client-wide cooldown longer than maxRetryAfterMs', async () => {
  let n = 0;
  api.handle((_req, res) => {
    if (n++ === 0) json(res, 429, { title: 'Slow down' }, { 'retry-after': '86400' });
    else json(res, 200, USER);
  });
  const c = client({ maxRetryAfterMs: 5_000, maxRetries: 0 });
  await expect(c.users.get(1)).rejects.toBeInstanceOf(RateLimitError);
  // A day was asked for; the client holds back at most maxRetryAfterMs.
  await vi.advanceTimersByTimeAsync(5_000);
  await expect(c.users.get(1)).resolves.toEqual(USER);
});
