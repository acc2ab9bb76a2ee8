// The fault matrix: every resilience behaviour, driven through the public client against a real
// loopback server that misbehaves on cue. Each test checks what the caller got and what the server saw.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  CircuitOpenError,
  ApiError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PreconditionFailedError,
  QueueFullError,
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
  UserManagementClient,
  type CircuitStateChange,
  type ClientOptions,
} from '../../src/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { RetryDriver, track, until, useFaultServerWithFakeClock } from '../support/drive.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let server: FaultServer;
let driver: RetryDriver;

useFaultServerWithFakeClock((s) => (server = s));
beforeEach(() => {
  driver = new RetryDriver();
});

function client(options: ClientOptions = {}): UserManagementClient {
  return new UserManagementClient({
    baseUrl: server.url,
    apiKey: 'k',
    logLevel: 'off',
    onRetry: driver.onRetry,
    ...options,
  });
}

const status = (s: number, extra: Record<string, string> = {}) =>
  ({
    kind: 'respond',
    status: s,
    body: { title: `status ${s}` },
    contentType: 'application/problem+json',
    headers: extra,
  }) as const;

describe('1. retries', () => {
  it('retries a 503 twice, then throws InternalServerError with 3 attempts and the waits it made', async () => {
    server.script([status(503), status(503), status(503)]);
    const err = await driver.run(client().users.get(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
    const e = err as InternalServerError;
    expect(e.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(e.attempts.map((a) => a.waitMs)).toEqual([
      driver.events[0]!.delayMs,
      driver.events[1]!.delayMs,
      0,
    ]);
    expect(e.elapsedMs).toBeGreaterThanOrEqual(driver.events[0]!.delayMs + driver.events[1]!.delayMs);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries %i and then succeeds', async (s) => {
    server.script([status(s)]);
    const user = await driver.run(client().users.get(1));
    expect(user.id).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(driver.events[0]).toMatchObject({ attempt: 1, reason: 'status', operationId: 'getUser' });
  });

  it('waits with full-jitter exponential backoff: each wait below 500 ms × 2^(retry−1), capped', async () => {
    server.script([status(503), status(503), status(503), status(503), status(503)]);
    await driver.run(client({ maxRetries: 5, retryBudget: false, circuitBreaker: false }).users.get(1));
    const ceilings = [500, 1000, 2000, 4000, 8000];
    driver.events.forEach((e, i) => {
      expect(e.delayMs).toBeGreaterThanOrEqual(0);
      expect(e.delayMs).toBeLessThan(ceilings[i]!);
    });
    // Time between arrivals is the announced wait (fake clock): the client really waited.
    for (let i = 1; i < server.requests.length; i++) {
      expect(server.requests[i]!.arrivedAt - server.requests[i - 1]!.arrivedAt).toBeGreaterThanOrEqual(
        driver.events[i - 1]!.delayMs,
      );
    }
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries %i', async (s) => {
    server.script([status(s)]);
    await expect(driver.run(client().users.get(1))).rejects.toMatchObject({ status: s });
    expect(server.requests).toHaveLength(1);
    expect(driver.events).toHaveLength(0);
  });

  it('retries a connection reset on a GET', async () => {
    server.script([{ kind: 'resetBeforeProcessing' }]);
    await expect(driver.run(client().users.get(1))).resolves.toMatchObject({ id: 1 });
    expect(server.requests).toHaveLength(2);
    expect(driver.events[0]!.reason).toBe('connection');
    expect(driver.events[0]!.error).toBeInstanceOf(ConnectionError);
  });

  it('retries a connection refused, then throws ConnectionError saying nothing was sent', async () => {
    const dead = await startFaultServer();
    const url = dead.url;
    await dead.close();
    const err = await driver.run(client({ baseUrl: url }).users.get(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).mayHaveBeenProcessed).toBe(false);
    expect((err as ConnectionError).message).toMatch(/ECONNREFUSED.*not sent/);
    expect((err as ConnectionError).attempts).toHaveLength(3);
  });

  it('obeys x-should-retry: false on a 503 and x-should-retry: true on a 409', async () => {
    server.script([status(503, { 'x-should-retry': 'false' })]);
    await expect(driver.run(client().users.get(1))).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);

    server.reset();
    server.script([status(409, { 'x-should-retry': 'true' })]);
    await expect(driver.run(client().users.get(1))).resolves.toMatchObject({ id: 1 });
    expect(server.requests).toHaveLength(2);
    expect(driver.events.at(-1)!.reason).toBe('server-asked');
  });

  it('does not retry 409 without the server asking', async () => {
    server.script([status(409)]);
    await expect(driver.run(client().users.get(1))).rejects.toBeInstanceOf(ConflictError);
    expect(server.requests).toHaveLength(1);
  });

  it('per-call maxRetries overrides the client: 0 means one attempt', async () => {
    server.script([status(503)]);
    await expect(
      driver.run(client({ maxRetries: 5 }).users.get(1, { maxRetries: 0 })),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('2. Retry-After', () => {
  it.each([
    ['seconds', 2, 2000],
    ['ms', 1500, 1500],
    ['date', 3000, 3000],
  ] as const)('waits out Retry-After in %s form instead of the backoff', async (form, value, expected) => {
    server.script([{ kind: 'retryAfter', status: 429, form, value }]);
    const call = track(client().users.get(1));
    await until(() => driver.events.length === 1, 'the retry');
    const waited = driver.events[0]!.delayMs;
    // HTTP-dates have second precision: the server rounds up, so the wait is within a second above.
    if (form === 'date') {
      expect(waited).toBeGreaterThanOrEqual(expected - 1000);
      expect(waited).toBeLessThanOrEqual(expected + 1000);
    } else expect(waited).toBe(expected);
    await vi.advanceTimersByTimeAsync(waited - 1);
    expect(server.requests).toHaveLength(1); // still waiting
    await vi.advanceTimersByTimeAsync(1);
    await expect(call.promise).resolves.toMatchObject({ id: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('fails at once with RateLimitError carrying retryAfterMs and RateLimit-* when Retry-After exceeds maxRetryAfterMs', async () => {
    server.script([
      {
        kind: 'retryAfter',
        status: 429,
        form: 'seconds',
        value: 120,
        headers: { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '120' },
      },
    ]);
    const err = (await client()
      .users.get(1)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(120_000);
    expect(err.rateLimit).toEqual({ limit: 100, remaining: 0, resetSeconds: 120 });
    expect(server.requests).toHaveLength(1);
    expect(driver.events).toHaveLength(0);
  });

  it('fails at once on a 503 whose Retry-After exceeds maxRetryAfterMs, with retryAfterMs set', async () => {
    server.script([{ kind: 'retryAfter', status: 503, form: 'ms', value: 5000 }]);
    const err = (await client({ maxRetryAfterMs: 1000 })
      .users.get(1)
      .catch((e: unknown) => e)) as InternalServerError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.retryAfterMs).toBe(5000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('3. safe writes', () => {
  it('retries a POST under one generated UUID v4 Idempotency-Key, reused on every attempt', async () => {
    server.script([status(503), status(500)]);
    server.setDefault({ kind: 'users' });
    await driver.run(client().users.create({ name: 'Ada', username: 'ada', email: 'ada@example.com' }));
    const keys = server.requests.map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(1);
  });

  it('uses a per-call idempotencyKey on every attempt, and a fresh key per logical call', async () => {
    server.script([status(503)]);
    server.setDefault({ kind: 'users' });
    const c = client();
    await driver.run(
      c.users.update(1, { email: 'a@b.co' }, { idempotencyKey: 'my-key-1' }).catch(() => undefined),
    );
    expect(server.requests.map((r) => r.idempotencyKey)).toEqual(['my-key-1', 'my-key-1']);
    server.reset();
    server.setDefault({ kind: 'users' });
    await c.users.create({ name: 'A', username: 'a', email: 'a@b.co' });
    await c.users.create({ name: 'B', username: 'b', email: 'b@b.co' });
    expect(server.requests[0]!.idempotencyKey).not.toBe(server.requests[1]!.idempotencyKey);
  });

  it('creates exactly once when the connection resets after the server processed the POST', async () => {
    server.setDefault({ kind: 'users' });
    server.script([{ kind: 'resetAfterProcessing' }]);
    const user = await driver.run(
      client().users.create({ name: 'Ada', username: 'ada', email: 'ada@example.com' }),
    );
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.processed).toBe(true);
    expect(server.requests[1]!.idempotencyKey).toBe(server.requests[0]!.idempotencyKey);
    expect(server.users.size).toBe(1);
    expect(user.id).toBe([...server.users.keys()][0]);
  });

  it('retries PUT and DELETE, which are idempotent by definition', async () => {
    server.setDefault({ kind: 'users' });
    server.users.set(1, { id: 1, name: 'A', username: 'a', email: 'a@b.co' });
    const c = client();
    server.script([status(502)]);
    await driver.run(c.users.replace(1, { name: 'B', username: 'b', email: 'b@b.co' }));
    server.script([status(502)]);
    await driver.run(c.users.delete(1));
    expect(server.users.has(1)).toBe(false);
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'DELETE', 'DELETE']);
  });
});

describe('4. time', () => {
  it('times out an attempt stalled before headers, retries it, and reports TimeoutError(kind attempt)', async () => {
    server.script([{ kind: 'stallBeforeHeaders' }, { kind: 'stallBeforeHeaders' }]);
    const call = track(client({ timeoutMs: 1000, maxRetries: 1 }).users.get(1));
    await until(() => server.requests.length === 1, 'first request');
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => driver.events.length === 1, 'retry');
    expect(driver.events[0]!.reason).toBe('timeout');
    await vi.advanceTimersByTimeAsync(driver.events[0]!.delayMs);
    await until(() => server.requests.length === 2, 'second request');
    await vi.advanceTimersByTimeAsync(1000);
    const err = (await call.promise.catch((e: unknown) => e)) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.kind).toBe('attempt');
    expect(err.message).toMatch(/per-attempt timeout/);
  });

  it('covers the response body: a stall mid-body times out too', async () => {
    server.script([{ kind: 'stallMidBody' }]);
    const call = track(client({ timeoutMs: 500, maxRetries: 0 }).users.get(1));
    await until(() => server.requests.length === 1, 'request');
    await vi.advanceTimersByTimeAsync(500);
    await expect(call.promise).rejects.toMatchObject({ name: 'TimeoutError', kind: 'attempt' });
  });

  it('stops at the total deadline across attempts with TimeoutError(kind deadline)', async () => {
    server.setDefault({ kind: 'stallBeforeHeaders' });
    const call = track(client({ timeoutMs: 10_000, deadlineMs: 3000 }).users.get(1));
    await until(() => server.requests.length === 1, 'request');
    await vi.advanceTimersByTimeAsync(3000);
    const err = (await call.promise.catch((e: unknown) => e)) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.kind).toBe('deadline');
    expect(err.message).toMatch(/deadline/);
    expect(server.requests).toHaveLength(1);
  });

  it('fails at once when the next wait would pass the deadline', async () => {
    server.script([{ kind: 'retryAfter', status: 503, form: 'seconds', value: 5 }]);
    const err = await client({ deadlineMs: 2000 })
      .users.get(1)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TimeoutError', kind: 'deadline' });
    expect(server.requests).toHaveLength(1);
  });

  it('the caller aborting cuts a backoff wait short at once: RequestAbortedError without the clock moving, nothing more sent', async () => {
    server.script([{ kind: 'retryAfter', status: 503, form: 'seconds', value: 30 }]);
    const ctl = new AbortController();
    const call = track(client().users.get(1, { signal: ctl.signal }));
    await until(() => driver.events.length === 1, 'retry wait');
    const t0 = Date.now();
    ctl.abort(new Error('user navigated away'));
    const err = (await call.promise.catch((e: unknown) => e)) as RequestAbortedError;
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect(err.cause).toEqual(new Error('user navigated away'));
    expect(Date.now()).toBe(t0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
  });

  it('the caller aborting an in-flight request gives RequestAbortedError and is not retried', async () => {
    server.script([{ kind: 'stallBeforeHeaders' }]);
    const ctl = new AbortController();
    const call = track(client().users.get(1, { signal: ctl.signal }));
    await until(() => server.requests.length === 1, 'request');
    ctl.abort();
    await expect(call.promise).rejects.toBeInstanceOf(RequestAbortedError);
    expect(driver.events).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    await expect(client().users.get(1, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      RequestAbortedError,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('5. circuit breaker', () => {
  it('opens after 5 consecutive counted failures, fails fast without sending, then half-opens after 10 s and closes on success', async () => {
    const changes: CircuitStateChange[] = [];
    const c = client({ maxRetries: 0, onCircuitStateChange: (ch) => changes.push(ch) });
    server.setDefault(status(503));
    for (let i = 0; i < 5; i++) await expect(c.users.get(1)).rejects.toBeInstanceOf(InternalServerError);
    expect(changes).toEqual([{ origin: server.origin, from: 'closed', to: 'open' }]);

    const err = (await c.users.get(1).catch((e: unknown) => e)) as CircuitOpenError;
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect(err.retryAfterMs).toBe(10_000);
    expect(server.requests).toHaveLength(5);

    server.setDefault({
      kind: 'respond',
      status: 200,
      body: { id: 1, name: 'A', username: 'a', email: 'a@b.co' },
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(c.users.get(1)).resolves.toMatchObject({ id: 1 });
    expect(changes.map((ch) => ch.to)).toEqual(['open', 'half-open', 'closed']);
    expect(server.requests).toHaveLength(6);
  });

  it('does not count 4xx or 429: they reset the run of failures', async () => {
    const c = client({ maxRetries: 0, maxRetryAfterMs: 0 });
    server.script([
      status(503),
      status(503),
      status(503),
      status(503),
      status(404),
      status(429),
      status(503),
      status(503),
    ]);
    for (let i = 0; i < 8; i++) await c.users.get(1).catch(() => undefined);
    server.setDefault(status(200));
    await c.users.get(1).catch(() => undefined);
    expect(server.requests).toHaveLength(9); // never opened
  });

  it('counts connection failures and attempt timeouts', async () => {
    const c = client({ maxRetries: 0, timeoutMs: 100 });
    server.setDefault({ kind: 'resetBeforeProcessing' });
    for (let i = 0; i < 4; i++) await c.users.get(1).catch(() => undefined);
    server.setDefault({ kind: 'stallBeforeHeaders' });
    const call = track(c.users.get(1));
    await until(() => server.requests.length === 5, 'fifth request');
    await vi.advanceTimersByTimeAsync(100);
    await call.promise.catch(() => undefined);
    await expect(c.users.get(1)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('does not wait to retry once a failure has opened the breaker: the call fails with the real error', async () => {
    const c = client({ maxRetries: 0 });
    server.setDefault(status(503));
    for (let i = 0; i < 4; i++) await c.users.get(1).catch(() => undefined);
    const err = await c.users.get(1, { maxRetries: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(driver.events).toHaveLength(0);
    expect(server.requests).toHaveLength(5);
  });

  it('with failureRate, rides out random failures that would trip the consecutive breaker', async () => {
    // Five 503s in a row inside a 70 % success stream: the default breaker opens, the rate breaker does not.
    const pattern = [503, 503, 503, 503, 503, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200];
    const run = async (options: ClientOptions) => {
      server.reset();
      server.script(pattern.map((s) => status(s)));
      const c = client({ maxRetries: 0, ...options });
      const results = [];
      for (let i = 0; i < pattern.length; i++) results.push(await c.users.get(1).catch((e: unknown) => e));
      return results.filter((r) => r instanceof CircuitOpenError).length;
    };
    expect(await run({})).toBeGreaterThan(0);
    expect(await run({ circuitBreaker: { failureRate: 0.5, minimumRps: 1 } })).toBe(0);
  });

  it('with failureRate, opens once failures pass the rate at enough traffic', async () => {
    const changes: CircuitStateChange[] = [];
    const c = client({
      maxRetries: 0,
      circuitBreaker: { failureRate: 0.5, samplingWindowMs: 10_000, minimumRps: 1 },
      onCircuitStateChange: (ch) => changes.push(ch),
    });
    server.setDefault(status(503));
    // 10 attempts in the 10 s window are the minimum (1 per second): below it nothing opens, at it the
    // 100 % failure rate does.
    for (let i = 0; i < 9; i++) await c.users.get(1).catch(() => undefined);
    expect(changes).toEqual([]);
    await c.users.get(1).catch(() => undefined);
    expect(changes.map((ch) => ch.to)).toEqual(['open']);
    await expect(c.users.get(1)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.requests).toHaveLength(10);
  });

  it('rejects a failureRate outside (0, 1) with ConfigError', () => {
    expect(() => client({ circuitBreaker: { failureRate: 1 } })).toThrow(
      /failureRate must be a number between 0 and 1/,
    );
  });

  it('can be switched off', async () => {
    const c = client({ maxRetries: 0, circuitBreaker: false });
    server.setDefault(status(503));
    for (let i = 0; i < 8; i++) await expect(c.users.get(1)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(8);
  });
});

describe('6. rate limits across calls', () => {
  it('a 429 with Retry-After holds back the other calls of the client until the time given', async () => {
    server.script([{ kind: 'retryAfter', status: 429, form: 'seconds', value: 2 }]);
    const c = client({ maxRetries: 0 });
    await expect(c.users.get(1)).rejects.toBeInstanceOf(RateLimitError);
    const t0 = Date.now();
    const second = track(c.users.get(2));
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await second.promise;
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.arrivedAt - t0).toBeGreaterThanOrEqual(2000);
  });

  it('a call that cannot wait out the cooldown fails at once with the same error class, sending nothing', async () => {
    server.script([{ kind: 'retryAfter', status: 429, form: 'seconds', value: 30 }]);
    const c = client({ maxRetries: 0 });
    await expect(c.users.get(1)).rejects.toBeInstanceOf(RateLimitError);
    const err = (await c.users.get(1, { deadlineMs: 1000 }).catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(30_000);
    expect(err.message).toMatch(/nothing was sent/);
    expect(server.requests).toHaveLength(1);
  });

  it('rateLimit paces requests with a token bucket', async () => {
    const c = client({ rateLimit: { requestsPerSecond: 2, burst: 1 } });
    const calls = [track(c.users.get(1)), track(c.users.get(2)), track(c.users.get(3))];
    await until(() => server.requests.length === 1, 'first request');
    await vi.advanceTimersByTimeAsync(499);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => server.requests.length === 2, 'second request');
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all(calls.map((x) => x.promise));
    expect(server.requests.map((r) => r.arrivedAt - server.requests[0]!.arrivedAt)).toEqual([0, 500, 1000]);
  });

  it('maxConcurrency caps requests in flight and a full queue rejects with QueueFullError', async () => {
    server.script([{ kind: 'stallBeforeHeaders', ms: 1000 }]);
    const c = client({ maxConcurrency: 1, maxQueue: 1 });
    const first = track(c.users.get(1));
    const second = track(c.users.get(2));
    await expect(c.users.get(3)).rejects.toBeInstanceOf(QueueFullError);
    await until(() => server.requests.length === 1, 'first request');
    expect(second.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    await first.promise;
    await second.promise;
    expect(server.requests).toHaveLength(2);
  });
});

describe('7. retry budget and outages', () => {
  it('100 calls against a server that is down reach it at most 1.25× per call, and once open the breaker fails calls in under a millisecond', async () => {
    vi.useRealTimers(); // measures real sub-millisecond latency; waits are zeroed via backoff instead
    server.setDefault(status(503));
    const c = client({ backoff: { baseDelayMs: 0, maxDelayMs: 0 } });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => c.users.get(i + 1)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(server.requests.length).toBeLessThanOrEqual(125);
    const before = server.requests.length;
    // Median of many calls, so one GC pause on a busy CI machine cannot decide the result.
    const took: number[] = [];
    for (let i = 0; i < 51; i++) {
      const t = performance.now();
      const err = await c.users.get(1).catch((e: unknown) => e);
      took.push(performance.now() - t);
      expect(err).toBeInstanceOf(CircuitOpenError);
    }
    expect(took.sort((x, y) => x - y)[25]).toBeLessThan(1);
    expect(server.requests.length).toBe(before);
  });

  it('without the breaker, the retry budget alone keeps a full outage under 1.25× the calls', async () => {
    vi.useRealTimers();
    server.setDefault(status(503));
    const c = client({ circuitBreaker: false, backoff: { baseDelayMs: 0, maxDelayMs: 0 } });
    for (let i = 0; i < 100; i++) await c.users.get(i + 1).catch(() => undefined);
    expect(server.requests.length).toBeLessThanOrEqual(125);
    expect(server.requests.length).toBeGreaterThan(100); // some retries did happen
  });

  it('without breaker and budget, an outage is multiplied by maxRetries + 1 (what the budget prevents)', async () => {
    vi.useRealTimers();
    server.setDefault(status(503));
    const c = client({
      circuitBreaker: false,
      retryBudget: false,
      backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    });
    for (let i = 0; i < 20; i++) await c.users.get(i + 1).catch(() => undefined);
    expect(server.requests).toHaveLength(60);
  });

  it('a lone call can still retry under the budget floor', async () => {
    server.script([status(503), status(503)]);
    await expect(driver.run(client().users.get(1))).resolves.toMatchObject({ id: 1 });
    expect(server.requests).toHaveLength(3);
  });
});

describe('8. visibility', () => {
  it('onRetry receives attempt, delay, reason, error and response', async () => {
    server.script([status(503)]);
    await driver.run(client().users.get(1));
    const e = driver.events[0]!;
    expect(e.attempt).toBe(1);
    expect(e.reason).toBe('status');
    expect(e.error).toBeInstanceOf(InternalServerError);
    expect(e.response?.status).toBe(503);
  });

  it('logs retries at info and responses at debug through the configured logger', async () => {
    const lines: string[] = [];
    const sink = (m: string) => lines.push(m);
    server.script([status(503)]);
    await driver.run(
      client({ logLevel: 'debug', logger: { error: sink, warn: sink, info: sink, debug: sink } }).users.get(
        1,
      ),
    );
    expect(lines.some((l) => /GET \/users\/1 → 503/.test(l))).toBe(true);
    expect(lines.some((l) => /attempt 1 failed .* retrying in \d+ ms/.test(l))).toBe(true);
    expect(lines.some((l) => /GET \/users\/1 → 200/.test(l))).toBe(true);
  });

  it('every error carries attempts with status or error, duration and wait, and the elapsed time', async () => {
    server.script([{ kind: 'resetBeforeProcessing' }, status(404)]);
    const err = (await driver.run(client().users.get(1)).catch((e: unknown) => e)) as NotFoundError;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.attempts).toHaveLength(2);
    expect(err.attempts[0]).toMatchObject({ attempt: 1, waitMs: driver.events[0]!.delayMs });
    expect(err.attempts[0]!.error).toMatch(/ConnectionError/);
    expect(err.attempts[1]).toMatchObject({ attempt: 2, status: 404, waitMs: 0 });
    expect(typeof err.elapsedMs).toBe('number');
  });
});

describe('9a. rotating bearer tokens', () => {
  it('calls the token function before every attempt', async () => {
    let n = 0;
    server.script([status(503), status(503)]);
    await driver.run(client({ token: async () => `rotating-${++n}` }).users.get(1));
    expect(n).toBe(3);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer rotating-1',
      'Bearer rotating-2',
      'Bearer rotating-3',
    ]);
  });

  it('a token function that throws fails the call without sending', async () => {
    const err = await client({ token: () => Promise.reject(new Error('vault down')) })
      .users.get(1)
      .catch((e: unknown) => e);
    expect(String(err)).toMatch(/vault down/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('9. OAuth2 client credentials', () => {
  const auth = () => ({
    clientId: 'test-client',
    clientSecret: 'test-secret',
    scope: 'users:read',
    tokenUrl: `${server.url}/oauth/token`,
  });

  beforeEach(() => {
    server.setTokenEndpoint({ clientId: 'test-client', clientSecret: 'test-secret', expiresIn: 3600 });
    server.requireBearer(true);
  });

  it('fetches one token for concurrent calls (single flight) and caches it', async () => {
    const c = client({ auth: auth() });
    await Promise.all([c.users.get(1), c.users.get(2), c.users.get(3)]);
    await c.users.get(4);
    expect(server.tokenRequests).toHaveLength(1);
    expect(new Set(server.requests.map((r) => r.headers.authorization))).toEqual(new Set(['Bearer tok-1']));
  });

  it('refreshes shortly before expiry', async () => {
    server.setTokenEndpoint({ clientId: 'test-client', clientSecret: 'test-secret', expiresIn: 600 });
    const c = client({ auth: auth() });
    await c.users.get(1);
    await vi.advanceTimersByTimeAsync(600_000 - 30_000);
    await c.users.get(1);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('a 401 triggers one refresh and one retry', async () => {
    const c = client({ auth: auth() });
    await c.users.get(1);
    server.revokeTokens();
    await expect(driver.run(c.users.get(1))).resolves.toMatchObject({ id: 1 });
    expect(server.tokenRequests).toHaveLength(2);
    expect(driver.events.map((e) => e.reason)).toEqual(['auth-refresh']);
    expect(server.issuedTokens).toHaveLength(2);
    expect(server.requests.at(-1)!.headers.authorization).toBe(
      `Bearer ${server.issuedTokens[1]!.accessToken}`,
    );
  });

  it('a second 401 after the refresh surfaces as AuthenticationError (no loop)', async () => {
    const c = client({ auth: auth() });
    await c.users.get(1);
    server.script([status(401), status(401)]);
    await expect(driver.run(c.users.get(1))).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('a failing token endpoint gives AuthenticationError with its message, never the secret', async () => {
    const c = client({ auth: { ...auth(), clientSecret: 'wrong-secret-XYZ' } });
    const err = (await c.users.get(1).catch((e: unknown) => e)) as AuthenticationError;
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.message).toMatch(/invalid_client/);
    expect(`${err.message} ${String(err)} ${JSON.stringify(err)}`).not.toMatch(/wrong-secret-XYZ/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('10. conditional requests: 412 and 304 are answers, not failures', () => {
  const user = { id: 1, name: 'A', username: 'a', email: 'a@b.co' };
  const versioned = (etag: string) =>
    ({ kind: 'respond', status: 200, body: user, headers: { etag } }) as const;
  const c = (options: ClientOptions = {}) =>
    client({ circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 10_000 }, ...options });

  it('never retries a 412, even when the server says x-should-retry: true, and rejects with PreconditionFailedError', async () => {
    server.script([status(412, { 'x-should-retry': 'true' })]);
    const err = await driver
      .run(c().users.update(1, { name: 'B' }, { ifMatch: '"v1"' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreconditionFailedError);
    expect((err as PreconditionFailedError).attempts).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['if-match']).toBe('"v1"');
    expect(driver.events).toHaveLength(0);
  });

  it('never counts 412s in the breaker: ten in a row leave it closed', async () => {
    const changes: CircuitStateChange[] = [];
    const writer = c({ maxRetries: 3, onCircuitStateChange: (ch) => changes.push(ch) });
    server.setDefault(status(412));
    for (let i = 0; i < 10; i++)
      await expect(writer.users.update(1, { name: 'B' }, { ifMatch: '"v1"' })).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
    expect(server.requests).toHaveLength(10);
    expect(changes).toEqual([]);
    server.setDefault(versioned('"v2"'));
    await expect(writer.users.get(1)).resolves.toMatchObject({ id: 1 });
  });

  it('never retries or counts a 304 the caller asked for with its own If-None-Match (no cache)', async () => {
    const changes: CircuitStateChange[] = [];
    const reader = c({ maxRetries: 3, onCircuitStateChange: (ch) => changes.push(ch) });
    server.setDefault({ kind: 'respond', status: 304 });
    for (let i = 0; i < 5; i++) {
      const err = await reader.users
        .get(1, { headers: { 'If-None-Match': '"v1"' } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(304);
    }
    expect(server.requests).toHaveLength(5);
    expect(driver.events).toHaveLength(0);
    expect(changes).toEqual([]);
  });

  it('with the cache, each 304 is one request answered from memory: no retry, the breaker stays closed', async () => {
    const changes: CircuitStateChange[] = [];
    const reader = c({ cache: {}, onCircuitStateChange: (ch) => changes.push(ch) });
    server.script([versioned('"v1"')]);
    server.setDefault({ kind: 'respond', status: 304, headers: { etag: '"v1"' } } as never);
    for (let i = 0; i < 10; i++) await expect(reader.users.get(1)).resolves.toEqual(user);
    expect(server.requests).toHaveLength(10);
    expect(server.requests.slice(1).every((r) => r.headers['if-none-match'] === '"v1"')).toBe(true);
    expect(driver.events).toHaveLength(0);
    expect(changes).toEqual([]);
  });
});
