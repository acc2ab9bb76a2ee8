// The deadline: one end time for the whole call, across attempts and waits. It is not a timer of its
// own: every wait and every attempt timer below is cut to what is left of it, so the happy path pays for
// one timer per attempt.
import { checkNumber, DURATION_MS } from '../validation.js';
import type { CallContext, Next } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Options of the deadline policy. */
export interface DeadlinePolicyOptions {
  /** Total time for a call across all attempts and waits, in ms. @default 120000 */
  deadlineMs?: number | undefined;
}

/** Defaults of the deadline policy. */
export const DEADLINE_DEFAULTS = Object.freeze({
  /** Total time for a call across all attempts and waits, in ms. */
  deadlineMs: 120_000,
});

/** The deadline policy's options, resolved. */
export interface ResolvedDeadline {
  readonly deadlineMs: number;
}

export function resolveDeadline(options: DeadlinePolicyOptions): ResolvedDeadline {
  return {
    deadlineMs: checkNumber('deadlineMs', options.deadlineMs, DURATION_MS, DEADLINE_DEFAULTS.deadlineMs),
  };
}

/** Fixes when the call must end, counted from its start. */
export function deadlinePolicy(): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return (ctx, next) => {
    ctx.deadlineAt = ctx.start + ctx.deadlineMs;
    return next();
  };
}

/** What is left of the call's deadline, in ms (negative once it passed). */
export function remainingMs(ctx: CallContext, now: number): number {
  return ctx.deadlineAt - now;
}
