// Client-side pacing with a token bucket. It sits outside the breaker and before the attempt timer:
// it measures us, not the server, and time spent waiting for a token is not the server's slowness.
import { ConfigError, TimeoutError } from '../errors.js';
import { checkNestedOptions, keysOf } from '../options/check-shape.js';
import { TokenBucket } from '../resilience/limiter.js';
import { wait } from '../resilience/wait.js';
import { checkNumber, POSITIVE, wholeNumber } from '../validation.js';
import { abortedError, StopCall, type CallContext, type Next } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Client-side token bucket. */
export interface RateLimitOptions {
  /** Sustained rate. */
  requestsPerSecond: number;
  /** Requests that may go at once before the rate applies. @default requestsPerSecond */
  burst?: number | undefined;
}

/** Options of the rate-limit policy. */
export interface RateLimitPolicyOptions {
  /** Client-side rate limit. @default none */
  rateLimit?: RateLimitOptions | undefined;
}

/** The rate-limit policy's options, resolved. */
export interface ResolvedRateLimit {
  readonly rateLimit: { readonly requestsPerSecond: number; readonly burst: number } | undefined;
}

const RATE_LIMIT_KEYS = keysOf<RateLimitOptions>({ requestsPerSecond: true, burst: true });

export function resolveRateLimit(options: RateLimitPolicyOptions): ResolvedRateLimit {
  checkNestedOptions('rateLimit', options.rateLimit, RATE_LIMIT_KEYS, false, ConfigError);
  const rl = options.rateLimit;
  if (rl === undefined) return { rateLimit: undefined };
  const requestsPerSecond = checkNumber('rateLimit.requestsPerSecond', rl.requestsPerSecond, POSITIVE);
  return {
    rateLimit: Object.freeze({
      requestsPerSecond,
      burst: checkNumber(
        'rateLimit.burst',
        rl.burst,
        wholeNumber(1),
        Math.max(1, Math.ceil(requestsPerSecond)),
      ),
    }),
  };
}

/** Takes a token before each attempt, waiting for one when the bucket is empty. */
export function rateLimitPolicy(
  settings: NonNullable<ResolvedRateLimit['rateLimit']>,
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
