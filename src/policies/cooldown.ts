// The client-wide cooldown: when a 429 or 503 says "come back in N ms", every call of this client holds
// back until then, not only the one that was told. A call that cannot wait that long (beyond
// maxRetryAfterMs or its deadline) fails at once, like the response that started the cooldown.
import { coolingError } from '../resilience/failures.js';
import { Cooldown } from '../resilience/limiter.js';
import { wait } from '../resilience/wait.js';
import { checkNumber, atLeast } from '../validation.js';
import { abortedError, StopCall, type CallContext, type Next } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Options of the cooldown policy (the server-directed waits: Retry-After). */
export interface CooldownPolicyOptions {
  /** Longest Retry-After the client waits out; a longer one fails at once. @default 60000 */
  maxRetryAfterMs?: number | undefined;
}

/** Defaults of the cooldown policy. */
export const COOLDOWN_DEFAULTS = Object.freeze({
  /** Longest Retry-After the client waits out, in ms. */
  maxRetryAfterMs: 60_000,
});

/** The cooldown policy's options, resolved. */
export interface ResolvedCooldown {
  readonly maxRetryAfterMs: number;
}

export function resolveCooldown(options: CooldownPolicyOptions): ResolvedCooldown {
  return {
    maxRetryAfterMs: checkNumber(
      'maxRetryAfterMs',
      options.maxRetryAfterMs,
      atLeast(0),
      COOLDOWN_DEFAULTS.maxRetryAfterMs,
    ),
  };
}

/** Waits out the client's cooldown before an attempt, and starts one after a 429/503 with Retry-After. */
export function cooldownPolicy(
  settings: ResolvedCooldown,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  const cooldown = new Cooldown();
  const afterAttempt = (outcome: Outcome): Outcome => {
    const error = outcome.error;
    // Rate limits and overload apply to the whole client: hold back its other calls too.
    if (error?.retryAfterMs !== undefined && (error.status === 429 || error.status === 503))
      // Held back no longer than the client would wait for itself (a longer wait fails the call anyway).
      cooldown.extend(Math.min(error.retryAfterMs, settings.maxRetryAfterMs), error, now());
    return outcome;
  };
  const waitThenSend = async (ctx: CallContext, next: Next, cooling: number): Promise<Outcome> => {
    if (cooling > Math.min(settings.maxRetryAfterMs, ctx.deadlineAt - now()))
      throw new StopCall(coolingError(cooldown.lastError, cooling, ctx.description));
    await wait(cooling, ctx.signal).catch(() => {
      throw new StopCall(abortedError(ctx));
    });
    return afterAttempt(await next());
  };
  // Not an async function: a client that is not cooling down (nearly every call) goes straight on.
  return (ctx, next) => {
    const cooling = cooldown.remainingMs(now());
    return cooling > 0 ? waitThenSend(ctx, next, cooling) : next().then(afterAttempt);
  };
}
