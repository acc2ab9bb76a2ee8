// The concurrency cap: at most maxConcurrency attempts in flight, maxQueue more waiting in order. It is
// the innermost policy but the attempt, so a slot is held only for the send itself, and the attempt
// timer starts once a slot is had. Its step (./concurrency-step.ts) is loaded on a client's first call,
// only when `maxConcurrency` is set.
import { lazyStep } from '../load-once.js';
import { checkNumber, wholeNumber } from '../validation.js';
import type { CallContext, Next } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Options of the concurrency policy. */
export interface ConcurrencyPolicyOptions {
  /** Most requests in flight at once. @default unlimited */
  maxConcurrency?: number | undefined;
  /** Calls that may wait for a `maxConcurrency` slot before new ones are rejected. @default 100 */
  maxQueue?: number | undefined;
}

/** Defaults of the concurrency policy. */
export const CONCURRENCY_DEFAULTS = Object.freeze({
  /** Calls that may wait for a `maxConcurrency` slot. */
  maxQueue: 100,
});

/** The concurrency policy's options, resolved. */
export interface ResolvedConcurrency {
  readonly maxConcurrency: number | undefined;
  readonly maxQueue: number;
}

export function resolveConcurrency(options: ConcurrencyPolicyOptions): ResolvedConcurrency {
  return {
    maxConcurrency:
      options.maxConcurrency === undefined
        ? undefined
        : checkNumber('maxConcurrency', options.maxConcurrency, wholeNumber(1)),
    maxQueue: checkNumber('maxQueue', options.maxQueue, wholeNumber(0), CONCURRENCY_DEFAULTS.maxQueue),
  };
}

/** Holds a slot for the rest of the attempt; waits in line (until the deadline) when none is free. */
export function concurrencyPolicy(
  maxConcurrency: number,
  maxQueue: number,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return lazyStep('concurrency limit', async () =>
    (await import('./concurrency-step.js')).createConcurrencyStep(maxConcurrency, maxQueue, now),
  );
}
