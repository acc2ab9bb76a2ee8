import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError } from '../../src/errors.js';
import { StopCall } from '../../src/policies/policy.js';
import { resolveRateLimit } from '../../src/policies/rate-limit.js';
import { createRateLimitStep } from '../../src/policies/rate-limit-step.js';
import { fakeContext, ok } from './fake.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rate-limit policy', () => {
  it('lets the burst through, then paces attempts at the rate', async () => {
    const policy = createRateLimitStep({ requestsPerSecond: 2, burst: 2 }, () => Date.now());
    const sent: number[] = [];
    const next = () => {
      sent.push(Date.now());
      return Promise.resolve(ok());
    };

    const calls = [1, 2, 3, 4].map(() => policy(fakeContext(), next));
    await vi.runAllTimersAsync();
    await Promise.all(calls);

    expect(sent).toEqual([0, 0, 500, 1_000]);
  });

  it('fails before waiting when the wait would pass the deadline', async () => {
    const policy = createRateLimitStep({ requestsPerSecond: 1, burst: 1 }, () => Date.now());
    await policy(fakeContext(), () => Promise.resolve(ok()));

    const err = (await policy(fakeContext({ deadlineAt: 500 }), () => Promise.resolve(ok())).catch(
      (e: unknown) => e,
    )) as StopCall;
    expect(err.error).toBeInstanceOf(TimeoutError);
    expect((err.error as Error).message).toMatch(/rate limit \(rateLimit\) needs 1000 ms/);
  });

  it('resolves the burst to the rate rounded up, and refuses a rate of 0', () => {
    expect(resolveRateLimit({ rateLimit: { requestsPerSecond: 2.5 } })).toEqual({
      rateLimit: { requestsPerSecond: 2.5, burst: 3 },
    });
    expect(resolveRateLimit({})).toEqual({ rateLimit: undefined });
    expect(() => resolveRateLimit({ rateLimit: { requestsPerSecond: 0 } })).toThrow(/greater than 0; got 0/);
  });
});
