// The rate limit's step (client option `rateLimit`; options in ./rate-limit.ts): a module of its own so
// that only clients that set a rate limit load it.
import { TimeoutError } from '../errors.js';
import { TokenBucket } from '../resilience/token-bucket.js';
import { wait } from '../resilience/wait.js';
import { abortedError, StopCall, type CallContext, type Next } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** The rate limit's settings, as resolved. */
export interface RateLimitSettings {
  readonly requestsPerSecond: number;
  readonly burst: number;
}

/** Takes a token before each attempt, waiting for one when the bucket is empty. */
export function createRateLimitStep(
  settings: RateLimitSettings,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  const bucket = new TokenBucket(settings.requestsPerSecond, settings.burst, now);
  return async (ctx, next) => {
    const pace = bucket.reserve();
    if (pace > 0) {
      if (now() + pace >= ctx.deadlineAt) {
        throw new StopCall(
          new TimeoutError(
            `${ctx.description}: the client-side rate limit (rateLimit) needs ${pace} ms more than the deadline (deadlineMs = ${ctx.deadlineMs}) leaves; nothing was sent.`,
            { kind: 'deadline', timeoutMs: ctx.deadlineMs },
          ),
        );
      }
      await wait(pace, ctx.signal).catch(() => {
        throw new StopCall(abortedError(ctx));
      });
    }
    return next();
  };
}
