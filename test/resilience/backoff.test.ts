import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config.js';
import { backoffCeiling, computeBackoff, type BackoffParams } from '../../src/resilience/backoff.js';

const defaults: BackoffParams = DEFAULTS.backoff;

/** A `random` that always returns `value`, so jitter is pinned. */
const fixed = (value: number) => (): number => value;

/** The largest double below 1: what Math.random can return at most. */
const ALMOST_ONE = 1 - Number.EPSILON / 2;

const params = fc.record({
  baseDelayMs: fc.double({ min: 0, max: 1e9, noNaN: true }),
  multiplier: fc.double({ min: 1, max: 100, noNaN: true }),
  maxDelayMs: fc.double({ min: 0, max: 1e9, noNaN: true }),
});
const retry = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 100_000 }));
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoffCeiling', () => {
  it('doubles from 500 ms up to the 8 s cap with the defaults: 500, 1000, 2000, 4000, 8000, 8000', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffCeiling(n, defaults));
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('stays at the cap for retry 10 000 instead of overflowing to Infinity', () => {
    expect(backoffCeiling(10_000, defaults)).toBe(8000);
    expect(backoffCeiling(10_000, { baseDelayMs: 1, multiplier: 10, maxDelayMs: 1234 })).toBe(1234);
  });

  it('treats retry 0 or less like the first retry', () => {
    expect(backoffCeiling(0, defaults)).toBe(500);
    expect(backoffCeiling(-3, defaults)).toBe(500);
  });

  it('keeps a constant ceiling when the multiplier is 1', () => {
    const p = { baseDelayMs: 300, multiplier: 1, maxDelayMs: 8000 };
    expect([1, 2, 10, 1000].map((n) => backoffCeiling(n, p))).toEqual([300, 300, 300, 300]);
  });

  it('is never above maxDelayMs, even when the base delay is', () => {
    expect(backoffCeiling(1, { baseDelayMs: 10_000, multiplier: 2, maxDelayMs: 2500 })).toBe(2500);
  });

  it('is finite, at most maxDelayMs and non-decreasing in the retry number, for any parameters', () => {
    fc.assert(
      fc.property(params, retry, (p, n) => {
        const here = backoffCeiling(n, p);
        const next = backoffCeiling(n + 1, p);
        expect(Number.isFinite(here)).toBe(true);
        expect(here).toBeGreaterThanOrEqual(0);
        expect(here).toBeLessThanOrEqual(p.maxDelayMs);
        expect(next).toBeGreaterThanOrEqual(here);
      }),
    );
  });
});

describe('computeBackoff', () => {
  it('spreads the first retry over [0, 500) ms with full jitter', () => {
    expect(computeBackoff(1, defaults, fixed(0))).toBe(0);
    expect(computeBackoff(1, defaults, fixed(0.5))).toBe(250);
    expect(computeBackoff(1, defaults, fixed(ALMOST_ONE))).toBe(499);
  });

  it('spreads the fifth and later retries over [0, 8000) ms', () => {
    expect(computeBackoff(5, defaults, fixed(0.5))).toBe(4000);
    expect(computeBackoff(50, defaults, fixed(ALMOST_ONE))).toBe(7999);
  });

  it('waits 0 ms when the ceiling is 0', () => {
    expect(computeBackoff(3, { baseDelayMs: 0, multiplier: 2, maxDelayMs: 8000 }, fixed(0.9))).toBe(0);
    expect(computeBackoff(3, { baseDelayMs: 500, multiplier: 2, maxDelayMs: 0 }, fixed(0.9))).toBe(0);
  });

  it('uses Math.random when no random source is given', () => {
    for (let i = 0; i < 50; i++) {
      const delay = computeBackoff(2, defaults);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(1000);
    }
  });

  it('returns a whole number of ms in [0, ceiling), or 0 when the ceiling is 0, for any parameters and jitter', () => {
    fc.assert(
      fc.property(params, retry, unit, (p, n, r) => {
        const ceiling = backoffCeiling(n, p);
        const delay = computeBackoff(n, p, fixed(r));
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        if (ceiling === 0) expect(delay).toBe(0);
        else expect(delay).toBeLessThan(ceiling);
      }),
    );
  });

  it('never yields NaN or Infinity, even for retry 10 000', () => {
    fc.assert(
      fc.property(params, unit, (p, r) => {
        expect(Number.isFinite(computeBackoff(10_000, p, fixed(r)))).toBe(true);
      }),
    );
  });
});
