// The attempt itself, last in the pipeline: one send under its own timeout, which is cut to what is left
// of the deadline (so the deadline needs no timer of its own).
import { createTimeoutClock, type TimeoutClock } from '../resilience/timeout-clock.js';
import { runAttempt } from '../transport/attempt.js';
import { checkNumber, DURATION_MS } from '../validation.js';
import type { CallContext } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Options of the attempt policy. */
export interface AttemptPolicyOptions {
  /** Per-attempt timeout in ms, covering the response body too. @default 30000 */
  timeoutMs?: number | undefined;
}

/** Defaults of the attempt policy. */
export const ATTEMPT_DEFAULTS = Object.freeze({
  /** Per-attempt timeout, in ms. */
  timeoutMs: 30_000,
});

/** The attempt policy's options, resolved. */
export interface ResolvedAttempt {
  readonly timeoutMs: number;
}

export function resolveAttempt(options: AttemptPolicyOptions): ResolvedAttempt {
  return { timeoutMs: checkNumber('timeoutMs', options.timeoutMs, DURATION_MS, ATTEMPT_DEFAULTS.timeoutMs) };
}

/**
 * Sends once. The end of the line: it has no `next`. Its timeouts share one clock (one timer) per
 * policy, that is per client.
 */
export function attemptPolicy(
  now: () => number,
  clock: TimeoutClock = createTimeoutClock(),
): (ctx: CallContext) => Promise<Outcome> {
  return (ctx) => {
    const left = ctx.deadlineAt - now();
    return runAttempt(
      ctx.send,
      {
        method: ctx.method,
        url: ctx.url,
        // Read only by an error message: left to the context, which builds it on first read.
        get description() {
          return ctx.description;
        },
        timeoutMs: Math.max(1, Math.min(ctx.timeoutMs, left)),
        timeoutKind: left < ctx.timeoutMs ? 'deadline' : 'attempt',
        signal: ctx.signal,
        headers: hasAny(ctx.headers) ? ctx.headers : undefined,
        fetch: ctx.fetch,
      },
      clock,
    );
  };
}

/** Whether an object has an own key; cheaper than Object.keys(...).length on the hot path. */
function hasAny(o: Record<string, string>): boolean {
  for (const _ in o) return true;
  return false;
}
