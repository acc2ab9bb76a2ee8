// Edge cases where waits meet aborts and deadlines: the concurrency queue, the client-side rate limit,
// server-asked waits beyond maxRetryAfterMs, and odd Retry-After values and clocks.
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  InternalServerError,
  RequestAbortedError,
  TimeoutError,
  UserManagementClient,
  type ClientOptions,
} from '../../src/index.js';
import { RateLimitError, errorFromResponse } from '../../src/errors.js';
import { RetryBudget } from '../../src/resilience/budget.js';
import { ConcurrencyLimit } from '../../src/resilience/concurrency-limit.js';
import { Cooldown } from '../../src/resilience/limiter.js';
import { parseRetryAfter } from '../../src/resilience/retry-after.js';
import type { FaultServer } from '../support/fault-server.js';
import { track, until, useFaultServerWithFakeClock } from '../support/drive.js';

let server: FaultServer;
useFaultServerWithFakeClock((s) => (server = s));

const client = (o: ClientOptions = {}) =>
  new UserManagementClient({ baseUrl: server.url, apiKey: 'k', logLevel: 'off', ...o });
const flush = () => new Promise<void>((r) => setImmediate(r));

describe('the concurrency queue', () => {
  it('gives an aborted call’s place to the next caller instead of rejecting it as full', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    let release!: () => void;
    const first = limit.run(() => new Promise<void>((r) => (release = r)), undefined);
    const ctl = new AbortController();
    const queued = limit.run(async () => 'never', ctl.signal);
    ctl.abort(new Error('gone'));
    await expect(queued).rejects.toThrow('gone');
    const next = limit.run(async () => 'ran', undefined);
    release();
    await first;
    await expect(next).resolves.toBe('ran');
  });

  it('does not strand the calls behind an aborted one', async () => {
    const limit = new ConcurrencyLimit(1, 5);
    let release!: () => void;
    const first = limit.run(() => new Promise<void>((r) => (release = r)), undefined);
    const ctl = new AbortController();
    const aborted = limit.run(async () => 'never', ctl.signal).catch(() => 'aborted');
    const third = limit.run(async () => 'third', undefined);
    ctl.abort();
    release();
    await first;
    await expect(aborted).resolves.toBe('aborted');
    await expect(third).resolves.toBe('third');
  });

  it('never lets a newcomer take a slot that is being handed to a queued call', async () => {
    const limit = new ConcurrencyLimit(1, 5);
    let running = 0;
    let most = 0;
    const job = async () => {
      running++;
      most = Math.max(most, running);
      await flush();
      running--;
    };
    const calls = [limit.run(job, undefined), limit.run(job, undefined)];
    await flush();
    calls.push(limit.run(job, undefined), limit.run(job, undefined));
    await Promise.all(calls);
    expect(most).toBe(1);
  });

  it('a call aborted while queued for a slot rejects with RequestAbortedError, sending nothing', async () => {
    server.script([{ kind: 'stallBeforeHeaders', ms: 1000 }]);
    const c = client({ maxConcurrency: 1 });
    const first = track(c.users.get(1));
    await until(() => server.requests.length === 1, 'first request');
    const ctl = new AbortController();
    const second = track(c.users.get(2, { signal: ctl.signal }));
    ctl.abort();
    await expect(second.promise).rejects.toBeInstanceOf(RequestAbortedError);
    await vi.advanceTimersByTimeAsync(1000);
    await first.promise;
    expect(server.requests).toHaveLength(1);
  });

  it('a call still queued for a slot when its deadline passes fails with TimeoutError(kind deadline), sending nothing', async () => {
    server.script([{ kind: 'stallBeforeHeaders', ms: 5000 }]);
    const c = client({ maxConcurrency: 1 });
    const first = track(c.users.get(1));
    await until(() => server.requests.length === 1, 'first request');
    const second = track(c.users.get(2, { deadlineMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    const err = (await second.promise.catch((e: unknown) => e)) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.kind).toBe('deadline');
    expect(err.message).toMatch(/free slot/);
    await vi.advanceTimersByTimeAsync(4000);
    await first.promise;
    expect(server.requests).toHaveLength(1);
  });
});

describe('the client-side rate limit', () => {
  it('a call aborted while waiting for a token rejects with RequestAbortedError', async () => {
    const c = client({ rateLimit: { requestsPerSecond: 1, burst: 1 } });
    await c.users.get(1);
    const ctl = new AbortController();
    const second = track(c.users.get(2, { signal: ctl.signal }));
    await flush();
    ctl.abort();
    await expect(second.promise).rejects.toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it('fails at once with TimeoutError(kind deadline) when the token would come after the deadline', async () => {
    const c = client({ rateLimit: { requestsPerSecond: 1, burst: 1 } });
    await c.users.get(1);
    const err = (await c.users.get(2, { deadlineMs: 300 }).catch((e: unknown) => e)) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.kind).toBe('deadline');
    expect(err.message).toMatch(/rateLimit/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('maxRetryAfterMs', () => {
  it('applies to any retryable status with Retry-After, not only 429 and 503', async () => {
    server.script([{ kind: 'respond', status: 502, headers: { 'retry-after-ms': '400' } }]);
    const err = (await client({ maxRetryAfterMs: 50 })
      .users.get(1)
      .catch((e: unknown) => e)) as InternalServerError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.retryAfterMs).toBe(400);
    expect(server.requests).toHaveLength(1);
  });
});

describe('odd Retry-After values', () => {
  const get = (headers: Record<string, string>) => (name: string) => headers[name];

  it('ignores numbers too large to be a real wait instead of returning Infinity', () => {
    const huge = '9'.repeat(400);
    expect(parseRetryAfter(get({ 'retry-after': huge }))).toBeUndefined();
    expect(parseRetryAfter(get({ 'retry-after-ms': huge }))).toBeUndefined();
  });

  it('does not read free text as a date', () => {
    for (const v of ['soon 5', 'a 1', 'May 1', '12 Jan', 'tomorrow'])
      expect(parseRetryAfter(get({ 'retry-after': v }))).toBeUndefined();
  });

  it('reads an asctime date as GMT whatever the local time zone', () => {
    const now = Date.UTC(1994, 10, 6, 8, 49, 27);
    expect(parseRetryAfter(get({ 'retry-after': 'Sun Nov  6 08:49:37 1994' }), now)).toBe(10_000);
  });

  it('caps the shared cooldown at a day, so a broken header cannot stall the client for good', () => {
    const cooldown = new Cooldown();
    const e = errorFromResponse({
      status: 429,
      headers: {},
      body: undefined,
      method: 'GET',
      url: 'http://x/users',
    });
    expect(e).toBeInstanceOf(RateLimitError);
    cooldown.extend(Number.MAX_SAFE_INTEGER, e, 0);
    expect(cooldown.remainingMs(0)).toBe(24 * 60 * 60 * 1000);
  });
});

describe('the retry budget', () => {
  it('slides correctly when the clock starts at 0', () => {
    let t = 0;
    const budget = new RetryBudget(0.2, 10_000, 0, () => t);
    for (let i = 0; i < 100; i++) budget.recordRequest();
    t = 10_500;
    expect(budget.tryAcquireRetry()).toBe(false);
  });
});

describe('a signal shared by many calls', () => {
  it('raises no MaxListenersExceededWarning with 30 concurrent calls on one signal, and leaves no listener behind', async () => {
    vi.useRealTimers();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const ctl = new AbortController();
      const c = client();
      await Promise.all(Array.from({ length: 30 }, (_, i) => c.users.get(i + 1, { signal: ctl.signal })));
      await flush();
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
      expect(getEventListeners(ctl.signal, 'abort')).toHaveLength(0);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
