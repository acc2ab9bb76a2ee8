import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConnectionError,
  InternalServerError,
  RequestAbortedError,
  TimeoutError,
  UserManagementError,
} from '../../src/errors.js';
import { StopCall } from '../../src/policies/policy.js';
import { resolveRetry, retryPolicy, RETRY_DEFAULTS, type RetryDeps } from '../../src/policies/retry.js';
import type { RetryEvent } from '../../src/resilience/events.js';
import { failed, fakeContext, ok, script } from './fake.js';

function deps(overrides: Partial<RetryDeps> = {}): RetryDeps & { events: RetryEvent[] } {
  const events: RetryEvent[] = [];
  return {
    now: () => Date.now(),
    random: () => 0.5,
    maxRetryAfterMs: 60_000,
    canRefreshAuth: false,
    isBreakerOpen: () => false,
    onRetry: (e) => events.push(e),
    onBudgetSpent: () => undefined,
    events,
    ...overrides,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retry policy', () => {
  it('returns the first success without waiting', async () => {
    const { next, calls } = script(ok());
    const ctx = fakeContext();
    const policy = retryPolicy(resolveRetry({}), deps());

    await expect(policy(ctx, next(ctx))).resolves.toMatchObject({ data: { id: 1 } });
    expect(calls()).toBe(1);
    expect(ctx.attempts).toEqual([]);
  });

  it('retries a 503 twice with backoff, then throws InternalServerError with 3 attempts', async () => {
    const { next, seen } = script(failed(503));
    const ctx = fakeContext();
    const d = deps();
    const run = retryPolicy(resolveRetry({}), d)(ctx, next(ctx)).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const err = await run;

    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as UserManagementError).attempts.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(seen.map((s) => s.attempt)).toEqual([1, 2, 3]);
    // Full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(d.events.map((e) => e.delayMs)).toEqual([250, 500]);
  });

  it('gives each attempt a fresh copy of the call headers', async () => {
    const { seen } = script();
    const ctx = fakeContext({ headers: { 'X-Call': '1' } });
    let n = 0;
    const next = () => {
      seen.push({ attempt: ctx.attempt, headers: { ...ctx.headers } });
      ctx.headers['X-Attempt'] = String(++n);
      return Promise.resolve(n < 2 ? failed(503) : ok());
    };
    const run = retryPolicy(resolveRetry({}), deps())(ctx, next);
    await vi.runAllTimersAsync();
    await run;

    expect(seen.map((s) => s.headers)).toEqual([{ 'X-Call': '1' }, { 'X-Call': '1' }]);
  });

  it('waits what Retry-After asked instead of the backoff, and gives up when it asks for too long', async () => {
    const { next } = script(failed(429, {}, 3_000), ok());
    const ctx = fakeContext();
    const d = deps();
    const run = retryPolicy(resolveRetry({}), d)(ctx, next(ctx));
    await vi.runAllTimersAsync();
    await run;
    expect(d.events.map((e) => [e.delayMs, e.reason])).toEqual([[3_000, 'status']]);

    const tooLong = script(failed(429, {}, 90_000));
    const ctx2 = fakeContext();
    await expect(retryPolicy(resolveRetry({}), deps())(ctx2, tooLong.next(ctx2))).rejects.toMatchObject({
      status: 429,
    });
    expect(tooLong.calls()).toBe(1);
  });

  it('does not sleep past the deadline: fails with a deadline TimeoutError', async () => {
    const { next } = script(failed(503, {}, 5_000));
    const ctx = fakeContext({ deadlineAt: 4_000, deadlineMs: 4_000 });

    const err = await retryPolicy(resolveRetry({}), deps())(ctx, next(ctx)).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).kind).toBe('deadline');
  });

  it('spends retries from the budget and stops when it is empty', async () => {
    const budgetSpent: string[] = [];
    const policy = retryPolicy(
      resolveRetry({ retryBudget: { ratio: 0, minRetries: 1 } }),
      deps({ onBudgetSpent: (ctx) => budgetSpent.push(ctx.description) }),
    );
    const first = script(failed(503), ok());
    const ctx1 = fakeContext();
    const run1 = policy(ctx1, first.next(ctx1));
    await vi.runAllTimersAsync();
    await run1;
    const second = script(failed(503));
    const ctx2 = fakeContext();

    await expect(policy(ctx2, second.next(ctx2))).rejects.toBeInstanceOf(InternalServerError);
    expect(second.calls()).toBe(1);
    expect(budgetSpent).toEqual(['GET /users/1']);
  });

  it('does not repeat a write that may have been processed, and says so', async () => {
    const { next } = script(new ConnectionError('reset', { mayHaveBeenProcessed: true }));
    const ctx = fakeContext({ method: 'POST', safeToRepeat: false, operationId: 'createThing' });

    const err = await retryPolicy(resolveRetry({}), deps())(ctx, next(ctx)).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).toMatch(/createThing takes no Idempotency-Key/);
  });

  it('refreshes the credential once after a 401, outside maxRetries', async () => {
    const { next } = script(failed(401), ok());
    const ctx = fakeContext({ maxRetries: 0 });
    const d = deps({ canRefreshAuth: true });

    await expect(retryPolicy(resolveRetry({}), d)(ctx, next(ctx))).resolves.toBeDefined();
    expect(ctx.refreshAuth).toBe(true);
    expect(d.events.map((e) => e.reason)).toEqual(['auth-refresh']);
  });

  it('stops at once while the breaker is open', async () => {
    const { next, calls } = script(failed(503));
    const ctx = fakeContext();

    await expect(
      retryPolicy(resolveRetry({}), deps({ isBreakerOpen: () => true }))(ctx, next(ctx)),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(calls()).toBe(1);
  });

  it('passes a StopCall error on as it is: no attempt recorded, no retry', async () => {
    const stop = new RequestAbortedError('aborted while waiting');
    const { next, calls } = script(new StopCall(stop));
    const ctx = fakeContext();

    await expect(retryPolicy(resolveRetry({}), deps())(ctx, next(ctx))).rejects.toBe(stop);
    expect(calls()).toBe(1);
    expect(stop.attempts).toEqual([]);
  });

  it('wraps a foreign error as UserManagementError, with the cause kept', async () => {
    const bug = new TypeError('boom');
    const { next } = script(bug);
    const ctx = fakeContext();

    const err = (await retryPolicy(resolveRetry({}), deps())(ctx, next(ctx)).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err).toBeInstanceOf(UserManagementError);
    expect(err.cause).toBe(bug);
  });

  it('resolves its options from defaults, and refuses bad ones', () => {
    expect(resolveRetry({})).toMatchObject({
      maxRetries: RETRY_DEFAULTS.maxRetries,
      backoff: RETRY_DEFAULTS.backoff,
    });
    expect(() => resolveRetry({ maxRetries: -1 })).toThrow(/maxRetries must be a whole number ≥ 0; got -1/);
  });
});
