import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../../src/resilience/budget.js';

/** A clock the test moves by hand. Starts well away from 0, as Date.now() does. */
function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Calls tryAcquireRetry `n` times and counts the grants. */
function acquire(budget: RetryBudget, n: number): number {
  let granted = 0;
  for (let i = 0; i < n; i++) if (budget.tryAcquireRetry()) granted++;
  return granted;
}

function record(budget: RetryBudget, n: number): void {
  for (let i = 0; i < n; i++) budget.recordRequest();
}

describe('RetryBudget', () => {
  it('lets a lone call retry up to minRetries times, and no more', () => {
    const clock = manualClock();
    const budget = new RetryBudget(0.2, 10_000, 3, clock.now);
    budget.recordRequest();
    expect([budget.tryAcquireRetry(), budget.tryAcquireRetry(), budget.tryAcquireRetry()]).toEqual([
      true,
      true,
      true,
    ]);
    expect(budget.tryAcquireRetry()).toBe(false);
  });

  it('grants minRetries even before any request was recorded', () => {
    const budget = new RetryBudget(0.2, 10_000, 3, manualClock().now);
    expect(acquire(budget, 10)).toBe(3);
  });

  it('grants no retry at all with ratio 0 and minRetries 0', () => {
    const budget = new RetryBudget(0, 10_000, 0, manualClock().now);
    record(budget, 1000);
    expect(budget.tryAcquireRetry()).toBe(false);
  });

  it('allows at most 20 retries for 100 requests with ratio 0.2', () => {
    const budget = new RetryBudget(0.2, 10_000, 3, manualClock().now);
    record(budget, 100);
    expect(acquire(budget, 50)).toBe(20);
  });

  it('rounds the ratio down: 14 requests at 0.2 allow 2 retries, which the floor of 3 lifts to 3', () => {
    const budget = new RetryBudget(0.2, 10_000, 3, manualClock().now);
    record(budget, 14);
    expect(acquire(budget, 10)).toBe(3);
    const noFloor = new RetryBudget(0.2, 10_000, 0, manualClock().now);
    record(noFloor, 14);
    expect(acquire(noFloor, 10)).toBe(2);
  });

  it('grows the allowance as requests arrive within the window', () => {
    const clock = manualClock();
    const budget = new RetryBudget(0.2, 10_000, 3, clock.now);
    record(budget, 100);
    expect(acquire(budget, 50)).toBe(20);
    clock.advance(5_000);
    record(budget, 50);
    expect(acquire(budget, 50)).toBe(10);
  });

  it('forgets requests and retries once a whole window has passed', () => {
    const clock = manualClock();
    const budget = new RetryBudget(0.2, 10_000, 3, clock.now);
    record(budget, 100);
    expect(acquire(budget, 50)).toBe(20);
    clock.advance(10_000);
    // The 100 requests no longer count (only the floor is left), but neither do the 20 retries.
    expect(acquire(budget, 50)).toBe(3);
  });

  it('still counts them just before the window has passed', () => {
    const clock = manualClock();
    const budget = new RetryBudget(0.2, 10_000, 3, clock.now);
    record(budget, 100);
    expect(acquire(budget, 50)).toBe(20);
    clock.advance(9_999);
    expect(budget.tryAcquireRetry()).toBe(false);
  });

  it('slides: the oldest slice falls out while newer ones still count', () => {
    const clock = manualClock();
    const budget = new RetryBudget(0.2, 10_000, 0, clock.now);
    record(budget, 100);
    expect(acquire(budget, 5)).toBe(5);
    clock.advance(5_000);
    record(budget, 50);
    expect(acquire(budget, 5)).toBe(5);
    // 150 requests and 10 retries count: 30 allowed, 20 left.
    clock.advance(5_000);
    // The first 100 requests and 5 retries have fallen out: 50 requests allow 10, 5 are spent.
    expect(acquire(budget, 50)).toBe(5);
  });

  it('recovers after a long idle gap of many windows', () => {
    const clock = manualClock();
    const budget = new RetryBudget(0.2, 10_000, 1, clock.now);
    record(budget, 10);
    expect(acquire(budget, 10)).toBe(2);
    clock.advance(1_000_000);
    record(budget, 10);
    expect(acquire(budget, 10)).toBe(2);
  });

  it('keeps separate state per instance', () => {
    const clock = manualClock();
    const a = new RetryBudget(0.2, 10_000, 1, clock.now);
    const b = new RetryBudget(0.2, 10_000, 1, clock.now);
    expect(acquire(a, 5)).toBe(1);
    expect(acquire(b, 5)).toBe(1);
  });

  // The window is 10 buckets of windowMs / 10: an event counts from when it happens until its bucket is
  // recycled, between windowMs − bucketMs and windowMs later. So at the moment of any grant, retries in the
  // last (windowMs − bucketMs) are bounded by the allowance over the last windowMs; and a refusal means
  // retries over the last windowMs already reach the allowance over the last (windowMs − bucketMs).
  describe('over random traffic', () => {
    type Op = { kind: 'request' } | { kind: 'retry' } | { kind: 'advance'; ms: number };

    const scenario = fc
      .record({
        start: fc.integer({ min: 1, max: 4_000_000_000_000 }),
        bucketMs: fc.integer({ min: 1, max: 2_000 }),
        ratio: fc.double({ min: 0, max: 1, noNaN: true }),
        minRetries: fc.integer({ min: 0, max: 5 }),
      })
      .chain((s) =>
        fc.record({
          start: fc.constant(s.start),
          windowMs: fc.constant(s.bucketMs * 10),
          ratio: fc.constant(s.ratio),
          minRetries: fc.constant(s.minRetries),
          ops: fc.array(
            fc.oneof(
              { arbitrary: fc.constant<Op>({ kind: 'request' }), weight: 4 },
              { arbitrary: fc.constant<Op>({ kind: 'retry' }), weight: 3 },
              {
                arbitrary: fc
                  .integer({ min: 0, max: s.bucketMs * 15 })
                  .map((ms): Op => ({ kind: 'advance', ms })),
                weight: 2,
              },
            ),
            { maxLength: 300 },
          ),
        }),
      );

    it('never grants more retries than the ratio of recent requests allows, and never refuses one it should grant', () => {
      fc.assert(
        fc.property(scenario, ({ start, windowMs, ratio, minRetries, ops }) => {
          const bucketMs = windowMs / 10;
          const clock = manualClock(start);
          const budget = new RetryBudget(ratio, windowMs, minRetries, clock.now);
          const requests: number[] = [];
          const grants: number[] = [];
          const countSince = (times: readonly number[], from: number, inclusive: boolean): number =>
            times.filter((at) => (inclusive ? at >= from : at > from)).length;
          const allowance = (n: number): number => Math.max(minRetries, Math.floor(ratio * n));

          for (const op of ops) {
            const t = clock.now();
            if (op.kind === 'advance') clock.advance(op.ms);
            else if (op.kind === 'request') {
              budget.recordRequest();
              requests.push(t);
            } else if (budget.tryAcquireRetry()) {
              grants.push(t);
              const recentGrants = countSince(grants, t - (windowMs - bucketMs), true);
              expect(recentGrants).toBeLessThanOrEqual(allowance(countSince(requests, t - windowMs, false)));
            } else {
              const windowGrants = countSince(grants, t - windowMs, false);
              expect(windowGrants).toBeGreaterThanOrEqual(
                allowance(countSince(requests, t - (windowMs - bucketMs), true)),
              );
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
