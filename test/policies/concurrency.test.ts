import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueueFullError, TimeoutError } from '../../src/errors.js';
import { resolveConcurrency } from '../../src/policies/concurrency.js';
import { createConcurrencyStep } from '../../src/policies/concurrency-step.js';
import type { Outcome } from '../../src/transport/attempt.js';
import { fakeContext, ok } from './fake.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function deferred() {
  let resolve!: (o: Outcome) => void;
  const promise = new Promise<Outcome>((r) => (resolve = r));
  return { promise, resolve };
}

describe('concurrency policy', () => {
  it('holds at most maxConcurrency attempts in flight; the next starts when one ends', async () => {
    const policy = createConcurrencyStep(1, 10, () => Date.now());
    const first = deferred();
    let secondStarted = false;

    const a = policy(fakeContext(), () => first.promise);
    const b = policy(fakeContext(), () => {
      secondStarted = true;
      return Promise.resolve(ok());
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(secondStarted).toBe(false);
    first.resolve(ok());
    await Promise.all([a, b]);
    expect(secondStarted).toBe(true);
  });

  it('rejects with QueueFullError beyond maxQueue, and with a deadline TimeoutError when no slot frees in time', async () => {
    const policy = createConcurrencyStep(1, 1, () => Date.now());
    const hold = deferred();
    void policy(fakeContext(), () => hold.promise);
    const queued = policy(fakeContext({ deadlineAt: 1_000 }), () => Promise.resolve(ok())).catch(
      (e: unknown) => e,
    );

    await expect(policy(fakeContext(), () => Promise.resolve(ok()))).rejects.toBeInstanceOf(QueueFullError);
    await vi.advanceTimersByTimeAsync(1_000);
    const err = await queued;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/waited for a free slot \(maxConcurrency\)/);
    hold.resolve(ok());
  });

  it('is unlimited by default with a queue of 100', () => {
    expect(resolveConcurrency({})).toEqual({ maxConcurrency: undefined, maxQueue: 100 });
    expect(() => resolveConcurrency({ maxConcurrency: 0 })).toThrow(
      /maxConcurrency must be a whole number ≥ 1; got 0/,
    );
  });
});
