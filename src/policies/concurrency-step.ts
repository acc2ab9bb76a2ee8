// The concurrency cap's step (options in ./concurrency.ts): a module of its own, loaded only by clients
// that set `maxConcurrency`.
import { TimeoutError } from '../errors.js';
import { ConcurrencyLimit } from '../resilience/concurrency-limit.js';
import type { CallContext, Next } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Holds a slot for the rest of the attempt; waits in line (until the deadline) when none is free. */
export function createConcurrencyStep(
  maxConcurrency: number,
  maxQueue: number,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  const limit = new ConcurrencyLimit(maxConcurrency, maxQueue);
  return (ctx, next) =>
    limit.run(
      next,
      ctx.signal,
      ctx.deadlineAt - now(),
      () =>
        new TimeoutError(
          `${ctx.description} waited for a free slot (maxConcurrency) until the deadline (deadlineMs = ${ctx.deadlineMs}) passed; nothing was sent.`,
          { kind: 'deadline', timeoutMs: ctx.deadlineMs },
        ),
    );
}
