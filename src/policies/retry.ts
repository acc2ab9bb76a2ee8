// Retries: re-runs the rest of the pipeline (a fresh openapi-fetch call each time, so a fresh Request)
// while the failure is worth another attempt and the write is safe to repeat; waits with exponential
// backoff and full jitter, or as long as the server asked (Retry-After, within maxRetryAfterMs); gives
// up early rather than sleep past the deadline; and spends retries from a per-client budget, so an
// outage is not multiplied by maxRetries + 1. After a 401 under a refreshable credential it tries once
// more with a new token, outside maxRetries.
import { ApiError, ConfigError, ConnectionError, TimeoutError, UserManagementError } from '../errors.js';
import { computeBackoff } from '../resilience/backoff.js';
import { RetryBudget } from '../resilience/budget.js';
import type { RetryEvent, RetryReason } from '../resilience/events.js';
import { attemptEntry, deadlineError, unsafeWriteError } from '../resilience/failures.js';
import { decideRetry } from '../resilience/retry.js';
import { wait } from '../resilience/wait.js';
import type { Outcome } from '../transport/attempt.js';
import { checkBoolean, checkNestedOptions, keysOf } from '../options/check-shape.js';
import { atLeast, checkNumber, checkOptionalFunction, DURATION_MS, wholeNumber } from '../validation.js';
import { abortedError, finishError, StopCall, type CallContext, type Next } from './policy.js';

/** Exponential backoff with full jitter: wait = random(0, min(maxDelayMs, baseDelayMs × multiplier^(retry−1))). */
export interface BackoffOptions {
  /** First retry's ceiling, in ms. @default 500 */
  baseDelayMs?: number | undefined;
  /** Growth factor per retry. @default 2 */
  multiplier?: number | undefined;
  /** Largest ceiling, in ms. @default 8000 */
  maxDelayMs?: number | undefined;
}

/** Retry budget: retries may add at most `ratio` to the requests of a client over a sliding window. */
export interface RetryBudgetOptions {
  /** Retries allowed per first attempt in the window. @default 0.2 */
  ratio?: number | undefined;
  /** The sliding window, in ms. @default 10000 */
  windowMs?: number | undefined;
  /** Retries always allowed per window, so a lone call can still retry. @default 3 */
  minRetries?: number | undefined;
}

/** Options of the retry policy. */
export interface RetryPolicyOptions {
  /** Retries after the first attempt. @default 2 */
  maxRetries?: number | undefined;
  /** Backoff between retries. @default { baseDelayMs: 500, multiplier: 2, maxDelayMs: 8000 } */
  backoff?: BackoffOptions | undefined;
  /** Retry POST/PATCH without an Idempotency-Key even after the request may have reached the server. @default false */
  retryNonIdempotent?: boolean | undefined;
  /** Retry budget, or `false` to switch it off. @default { ratio: 0.2, windowMs: 10000, minRetries: 3 } */
  retryBudget?: RetryBudgetOptions | false | undefined;
  /** Called before each retry wait. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** Defaults of the retry policy. */
export const RETRY_DEFAULTS = Object.freeze({
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** Backoff between retries. */
  backoff: Object.freeze({
    /** First retry's ceiling, in ms. */
    baseDelayMs: 500,
    /** Growth factor per retry. */
    multiplier: 2,
    /** Largest ceiling, in ms. */
    maxDelayMs: 8_000,
  }),
  /** Whether POST/PATCH without an Idempotency-Key are retried after they may have reached the server. */
  retryNonIdempotent: false,
  /** Retry budget per client. */
  retryBudget: Object.freeze({
    /** Retries allowed per first attempt in the window. */
    ratio: 0.2,
    /** The sliding window, in ms. */
    windowMs: 10_000,
    /** Retries always allowed per window. */
    minRetries: 3,
  }),
});

const BACKOFF_KEYS = keysOf<BackoffOptions>({ baseDelayMs: true, multiplier: true, maxDelayMs: true });
const RETRY_BUDGET_KEYS = keysOf<RetryBudgetOptions>({ ratio: true, windowMs: true, minRetries: true });

/** An options object once resolved: every field present, none undefined, read-only. */
type Resolved<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> };

/** The retry policy's options, resolved. */
export interface ResolvedRetry {
  readonly maxRetries: number;
  readonly backoff: Resolved<BackoffOptions>;
  readonly retryNonIdempotent: boolean;
  readonly retryBudget: Resolved<RetryBudgetOptions> | false;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
}

export function resolveRetry(options: RetryPolicyOptions): ResolvedRetry {
  checkNestedOptions('backoff', options.backoff, BACKOFF_KEYS, false, ConfigError);
  checkNestedOptions('retryBudget', options.retryBudget, RETRY_BUDGET_KEYS, true, ConfigError);
  const b = options.backoff ?? {};
  const rb = options.retryBudget;
  const d = RETRY_DEFAULTS;
  return {
    maxRetries: checkNumber('maxRetries', options.maxRetries, wholeNumber(0), d.maxRetries),
    backoff: Object.freeze({
      baseDelayMs: checkNumber('backoff.baseDelayMs', b.baseDelayMs, atLeast(0), d.backoff.baseDelayMs),
      multiplier: checkNumber('backoff.multiplier', b.multiplier, atLeast(1), d.backoff.multiplier),
      maxDelayMs: checkNumber('backoff.maxDelayMs', b.maxDelayMs, atLeast(0), d.backoff.maxDelayMs),
    }),
    retryNonIdempotent:
      checkBoolean('retryNonIdempotent', options.retryNonIdempotent, ConfigError) ?? d.retryNonIdempotent,
    retryBudget:
      rb === false
        ? false
        : Object.freeze({
            ratio: checkNumber('retryBudget.ratio', rb?.ratio, atLeast(0), d.retryBudget.ratio),
            windowMs: checkNumber('retryBudget.windowMs', rb?.windowMs, DURATION_MS, d.retryBudget.windowMs),
            minRetries: checkNumber(
              'retryBudget.minRetries',
              rb?.minRetries,
              wholeNumber(0),
              d.retryBudget.minRetries,
            ),
          }),
    onRetry: checkOptionalFunction('onRetry', options.onRetry),
  };
}

/** What the retry policy needs besides its settings; injected so it can be tested with a fake `next`. */
export interface RetryDeps {
  readonly now: () => number;
  /** Returns [0, 1): the jitter. */
  readonly random: () => number;
  /** The longest Retry-After the client waits out, in ms (the cooldown policy's maxRetryAfterMs). */
  readonly maxRetryAfterMs: number;
  /** Whether a 401 may be answered by a new token (a token function or OAuth2 is configured). */
  readonly canRefreshAuth: boolean;
  /** True while the breaker is open: waiting would only end in CircuitOpenError. */
  readonly isBreakerOpen: () => boolean;
  /** Told of every retry before its wait: the log line, the retry metric and the `onRetry` hook. */
  readonly onRetry: (event: RetryEvent, ctx: CallContext) => void;
  /** Told when the retry budget refuses a retry. */
  readonly onBudgetSpent: (ctx: CallContext) => void;
}

/** Runs the rest of the pipeline once per attempt until it succeeds or a retry is not worth it. */
export function retryPolicy(
  settings: ResolvedRetry,
  deps: RetryDeps,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  const { now, random } = deps;
  const rb = settings.retryBudget;
  const budget = rb ? new RetryBudget(rb.ratio, rb.windowMs, rb.minRetries, now) : undefined;

  return async (ctx, next) => {
    budget?.recordRequest();
    const callHeaders = ctx.headers;
    let authRetried = false;
    const fail = (err: unknown): never => {
      throw finishError(ctx, err, now());
    };
    const notify = (
      attempt: number,
      delayMs: number,
      reason: RetryReason,
      error: Error,
      response: Response | undefined,
    ): void => {
      deps.onRetry({ attempt, delayMs, reason, error, response, operationId: ctx.operationId }, ctx);
    };

    for (let n = 1; ; n++) {
      if (ctx.signal?.aborted) fail(abortedError(ctx));
      ctx.attempt = n;
      // Each attempt starts from the call's headers: what one attempt added (a token) is not kept.
      ctx.headers = { ...callHeaders };
      const began = now();
      let outcome: Outcome | undefined;
      let error: UserManagementError;
      try {
        outcome = await next();
        if (!outcome.error) return outcome;
        error = outcome.error;
      } catch (err) {
        if (err instanceof StopCall) fail(err.error);
        // Only an abort while queued for a slot, or a bug, reaches here as a foreign error.
        if (!(err instanceof UserManagementError)) fail(ctx.signal?.aborted ? abortedError(ctx) : err);
        error = err as UserManagementError;
      }
      const record = attemptEntry(n, now() - began, error);
      ctx.attempts.push(record);

      if (!(error instanceof ApiError) && !(error instanceof ConnectionError)) fail(error);
      const retryAfterMs = error instanceof ApiError ? error.retryAfterMs : undefined;
      if (retryAfterMs !== undefined && retryAfterMs > deps.maxRetryAfterMs) fail(error);
      // A 401 under a refreshable credential: refresh once and try once more, outside maxRetries.
      if (deps.canRefreshAuth && error instanceof ApiError && error.status === 401 && !authRetried) {
        authRetried = true;
        ctx.refreshAuth = true;
        notify(n, 0, 'auth-refresh', error, outcome?.response);
        continue;
      }
      const decision = decideRetry(error, ctx.safeToRepeat);
      if (!decision.retry) {
        if (
          decision.unsafeWrite &&
          error instanceof ConnectionError &&
          error.mayHaveBeenProcessed &&
          !(error instanceof TimeoutError)
        ) {
          fail(unsafeWriteError(error, ctx.operationId));
        }
        fail(error);
      }
      // Out of retries, or the breaker just opened: waiting would only end in CircuitOpenError.
      if (ctx.retries >= ctx.maxRetries || deps.isBreakerOpen()) fail(error);
      ctx.retries++;
      const delayMs = retryAfterMs ?? computeBackoff(ctx.retries, settings.backoff, random);
      if (now() + delayMs >= ctx.deadlineAt)
        fail(deadlineError(ctx.description, ctx.deadlineMs, ctx.retries, delayMs, error));
      if (budget && !budget.tryAcquireRetry()) {
        deps.onBudgetSpent(ctx);
        fail(error);
      }
      record.waitMs = delayMs;
      notify(n, delayMs, decision.reason, error, outcome?.response);
      await wait(delayMs, ctx.signal).catch(() => fail(abortedError(ctx)));
    }
  };
}
