// Client-side pacing with a token bucket. It sits outside the breaker and before the attempt timer:
// it measures us, not the server, and time spent waiting for a token is not the server's slowness.
// Its step (./rate-limit-step.ts) is loaded on a client's first call, only when `rateLimit` is set.
import { ConfigError } from '../errors.js';
import { lazyStep } from '../load-once.js';
import { checkNestedOptions, keysOf } from '../options/check-shape.js';
import { checkNumber, POSITIVE, wholeNumber } from '../validation.js';
import type { CallContext, Next } from './policy.js';
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

/** Takes a token before each attempt, waiting for one when the bucket is empty (see ./rate-limit-step.ts). */
export function rateLimitPolicy(
  settings: NonNullable<ResolvedRateLimit['rateLimit']>,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return lazyStep('rate limit', async () =>
    (await import('./rate-limit-step.js')).createRateLimitStep(settings, now),
  );
}
