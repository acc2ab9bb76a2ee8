import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueFullError, RateLimitError } from '../../src/errors.js';
import { ConcurrencyLimit } from '../../src/resilience/concurrency-limit.js';
import { Cooldown } from '../../src/resilience/limiter.js';
import { TokenBucket } from '../../src/resilience/token-bucket.js';

const T0 = 1_700_000_000_000;

function manualClock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A promise with its resolve and reject exposed. */
function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets queued promise callbacks run (cockatiel starts the next queued call on a microtask). */
async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then paces callers 500 ms apart at 2 per second', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(2, 2, clock.now);
    const sentAt: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(bucket.reserve());
      sentAt.push(clock.now() - T0);
    }
    expect(sentAt).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });

  it('queues reservations made at the same instant one interval behind another', () => {
    const bucket = new TokenBucket(2, 1, manualClock().now);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([
      0, 500, 1000, 1500,
    ]);
  });

  it('refills with time, but never beyond the burst', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(2, 3, clock.now);
    for (let i = 0; i < 3; i++) expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(500);
    clock.advance(60_000);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0, 500]);
  });

  it('rounds a fractional wait up, so a caller never goes early', () => {
    const bucket = new TokenBucket(3, 1, manualClock().now);
    bucket.reserve();
    expect(bucket.reserve()).toBe(334);
  });

  it('never lets more than burst + rate × elapsed requests go in any interval, for callers that wait as told', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        // Gaps between arrivals: often none at all (a burst), else up to a few seconds.
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })), {
          minLength: 1,
          maxLength: 60,
        }),
        (rate, burst, gaps) => {
          const clock = manualClock();
          const bucket = new TokenBucket(rate, burst, clock.now);
          const sentAt: number[] = [];
          for (const gap of gaps) {
            clock.advance(gap);
            sentAt.push(clock.now() + bucket.reserve());
          }
          sentAt.sort((a, b) => a - b);
          for (let i = 0; i < sentAt.length; i++) {
            for (let j = i; j < sentAt.length; j++) {
              // Waits are whole ms rounded up, so each send is up to 1 ms after its token: allow that 1 ms.
              const elapsedMs = sentAt[j]! - sentAt[i]! + 1;
              expect(j - i + 1).toBeLessThanOrEqual(burst + (rate * elapsedMs) / 1000 + 1e-9);
            }
          }
        },
      ),
    );
  });
});

describe('Cooldown', () => {
  const error429 = (): RateLimitError =>
    new RateLimitError({
      status: 429,
      headers: {},
      body: undefined,
      method: 'GET',
      url: 'https://api.example.com/users',
    });

  it('has nothing to wait for and no error before any server asked', () => {
    const cooldown = new Cooldown();
    expect(cooldown.remainingMs(T0)).toBe(0);
    expect(cooldown.lastError).toBeUndefined();
  });

  it('counts down the wait the server asked for', () => {
    const cooldown = new Cooldown();
    const error = error429();
    cooldown.extend(1000, error, T0);
    expect(cooldown.remainingMs(T0)).toBe(1000);
    expect(cooldown.remainingMs(T0 + 400)).toBe(600);
    expect(cooldown.remainingMs(T0 + 1000)).toBe(0);
    expect(cooldown.remainingMs(T0 + 5000)).toBe(0);
    expect(cooldown.lastError).toBe(error);
  });

  it('is not shortened by a later, shorter request to wait, and keeps the error that set the longer one', () => {
    const cooldown = new Cooldown();
    const first = error429();
    cooldown.extend(5000, first, T0);
    cooldown.extend(1000, error429(), T0 + 1000);
    expect(cooldown.remainingMs(T0 + 1000)).toBe(4000);
    expect(cooldown.lastError).toBe(first);
  });

  it('is lengthened by a request that ends later, and keeps that error', () => {
    const cooldown = new Cooldown();
    cooldown.extend(1000, error429(), T0);
    const second = error429();
    cooldown.extend(3000, second, T0 + 500);
    expect(cooldown.remainingMs(T0 + 500)).toBe(3000);
    expect(cooldown.lastError).toBe(second);
  });
});

describe('ConcurrencyLimit', () => {
  it('never runs more calls at once than the limit, and runs them all in the end', async () => {
    const limit = new ConcurrencyLimit(2, 10);
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    const calls = gates.map((gate, i) =>
      limit.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await gate.promise;
        running--;
        return i;
      }, undefined),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    for (const gate of gates) {
      gate.resolve();
      await flush();
    }
    await expect(Promise.all(calls)).resolves.toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('passes a failure of the call through unchanged and frees the slot', async () => {
    const limit = new ConcurrencyLimit(1, 0);
    const boom = new Error('boom');
    await expect(limit.run(() => Promise.reject(boom), undefined)).rejects.toBe(boom);
    await expect(limit.run(() => Promise.resolve('next'), undefined)).resolves.toBe('next');
  });

  it('rejects with QueueFullError, without calling, once the limit and the queue are both full', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const gate = deferred();
    const first = limit.run(() => gate.promise, undefined);
    const second = limit.run(() => Promise.resolve(), undefined);
    let called = false;
    const third = limit.run(async () => {
      called = true;
    }, undefined);
    await expect(third).rejects.toBeInstanceOf(QueueFullError);
    await expect(third).rejects.toThrow(
      'Too many requests queued: 1 in flight and 1 waiting (maxConcurrency, maxQueue). Slow down or raise maxQueue.',
    );
    expect(called).toBe(false);
    gate.resolve();
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
  });

  it('rejects at once with QueueFullError when maxQueue is 0 and the slot is taken', async () => {
    const limit = new ConcurrencyLimit(1, 0);
    const gate = deferred();
    const first = limit.run(() => gate.promise, undefined);
    await expect(limit.run(() => Promise.resolve(), new AbortController().signal)).rejects.toBeInstanceOf(
      QueueFullError,
    );
    gate.resolve();
    await first;
  });

  it('rejects a queued call with the signal’s reason as soon as it aborts, and never runs it', async () => {
    const limit = new ConcurrencyLimit(1, 5);
    const gate = deferred();
    const first = limit.run(() => gate.promise, undefined);
    const controller = new AbortController();
    let called = false;
    const queued = limit.run(async () => {
      called = true;
    }, controller.signal);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    // The running call still holds the only slot: the rejection cannot have waited for it.
    await expect(queued).rejects.toBe(reason);
    gate.resolve();
    await first;
    await flush();
    expect(called).toBe(false);
  });

  it('resolves with the call’s value when a signal is given but never aborts', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    await expect(limit.run(() => Promise.resolve(42), new AbortController().signal)).resolves.toBe(42);
  });
});
