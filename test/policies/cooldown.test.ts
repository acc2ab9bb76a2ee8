import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError, RequestAbortedError } from '../../src/errors.js';
import { cooldownPolicy, resolveCooldown } from '../../src/policies/cooldown.js';
import { StopCall } from '../../src/policies/policy.js';
import { failed, fakeContext, ok } from './fake.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const now = () => Date.now();

describe('cooldown policy', () => {
  it('holds every later attempt of the client back after a 429 with Retry-After', async () => {
    const policy = cooldownPolicy(resolveCooldown({}), now);
    await policy(fakeContext(), () => Promise.resolve(failed(429, {}, 2_000)));
    let sentAt = -1;

    const later = policy(fakeContext(), () => {
      sentAt = Date.now();
      return Promise.resolve(ok());
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sentAt).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    await later;
    expect(sentAt).toBe(2_000);
  });

  it('ignores a Retry-After on other statuses', async () => {
    const policy = cooldownPolicy(resolveCooldown({}), now);
    await policy(fakeContext(), () => Promise.resolve(failed(500, {}, 2_000)));
    let sent = false;

    await policy(fakeContext(), () => {
      sent = true;
      return Promise.resolve(ok());
    });
    expect(sent).toBe(true);
  });

  it('fails at once, as the response did, when the cooldown outlasts the deadline', async () => {
    const policy = cooldownPolicy(resolveCooldown({}), now);
    await policy(fakeContext(), () => Promise.resolve(failed(429, {}, 10_000)));

    const err = await policy(fakeContext({ deadlineAt: 5_000 }), () => Promise.resolve(ok())).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StopCall);
    expect((err as StopCall).error).toBeInstanceOf(RateLimitError);
  });

  it('stops waiting when the caller aborts', async () => {
    const policy = cooldownPolicy(resolveCooldown({}), now);
    await policy(fakeContext(), () => Promise.resolve(failed(503, {}, 2_000)));
    const ctl = new AbortController();

    const waiting = policy(fakeContext({ signal: ctl.signal }), () => Promise.resolve(ok())).catch(
      (e: unknown) => e,
    );
    ctl.abort();
    expect(((await waiting) as StopCall).error).toBeInstanceOf(RequestAbortedError);
  });

  it('defaults maxRetryAfterMs to 60 s and refuses a negative one', () => {
    expect(resolveCooldown({})).toEqual({ maxRetryAfterMs: 60_000 });
    expect(() => resolveCooldown({ maxRetryAfterMs: -1 })).toThrow(
      /maxRetryAfterMs must be a finite number ≥ 0/,
    );
  });
});
