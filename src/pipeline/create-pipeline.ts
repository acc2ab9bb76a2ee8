// The request pipeline of one client: its policies, composed once, as a list. Each policy is
// `(ctx, next) => Promise<Outcome>` (src/policies/), so the order is data, not control flow — the
// list below is the whole design. A policy switched off by the options is left out of the list, so
// it costs nothing.
import type { Authorizer } from '../auth/credentials.js';
import type { RequestOptions, ResolvedConfig, ResolvedRequestOptions } from '../config.js';
import type { LevelledLogger } from '../logging.js';
import { attemptPolicy } from '../policies/attempt.js';
import { authPolicy } from '../policies/auth.js';
import { breakerPolicy } from '../policies/breaker.js';
import { cachePolicy } from '../policies/cache.js';
import { concurrencyPolicy } from '../policies/concurrency.js';
import { cooldownPolicy } from '../policies/cooldown.js';
import { customPolicies } from '../policies/custom.js';
import { deadlinePolicy } from '../policies/deadline.js';
import { logAttemptPolicy, logCallPolicy } from '../policies/logging.js';
import { finishError, type CallContext, type Next } from '../policies/policy.js';
import { rateLimitPolicy } from '../policies/rate-limit.js';
import { retryPolicy } from '../policies/retry.js';
import { createTelemetryHandle, telemetryAttemptPolicy, telemetryCallPolicy } from '../policies/telemetry.js';
import { OriginBreaker } from '../resilience/breaker.js';
import type { Outcome } from '../transport/attempt.js';
import { createBaseFetch, type FetchLike } from '../transport/fetch.js';
import { createTransport, headerNames } from '../transport/guarded-fetch.js';
import { createCallContext, NO_OVERRIDES, type CallPlan } from './context.js';

export type { CallPlan } from './context.js';

/** Runs calls through the client's policies: the narrow entry point every request uses. */
export interface Pipeline {
  execute(plan: CallPlan, options: RequestOptions | undefined): Promise<Outcome>;
}

/** Clock, randomness and the client's fetch, injected so tests can drive them. */
export interface PipelineDeps {
  readonly now?: () => number;
  readonly random?: () => number;
  /** The client's fetch, before redirect handling and the size cap. @default from config.fetch */
  readonly fetch?: FetchLike;
}

type Step = (ctx: CallContext, next: Next) => Promise<Outcome>;

export function createPipeline(
  config: ResolvedConfig,
  log: LevelledLogger,
  authorize: Authorizer | undefined,
  deps: PipelineDeps = {},
): Pipeline {
  // Read the clock through the global at each call (not a saved Date.now), so fake timers installed
  // after construction are seen.
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? (() => Math.random());
  // Redirect handling and the size cap around the client's fetch; a call with its own headers or limit
  // gets its own.
  const baseFetch = deps.fetch ?? createBaseFetch(config.fetch, config.fetchOptions);
  const transport = createTransport(baseFetch, {
    redirects: config.redirects,
    maxResponseBytes: config.maxResponseBytes,
    privateHeaders: headerNames(config.headers),
  });
  const transportFor = (overrides: ResolvedRequestOptions): FetchLike =>
    overrides === NO_OVERRIDES
      ? transport
      : createTransport(baseFetch, {
          redirects: config.redirects,
          maxResponseBytes: overrides.maxResponseBytes ?? config.maxResponseBytes,
          privateHeaders: headerNames(config.headers, overrides.headers),
        });
  const telemetry =
    config.telemetry === false ? undefined : createTelemetryHandle(config.telemetry, config.origin);
  const breaker = config.circuitBreaker
    ? new OriginBreaker(
        config.origin,
        config.circuitBreaker,
        (change) => {
          log[change.to === 'open' ? 'warn' : 'info'](
            `circuit ${change.from} → ${change.to} for ${change.origin}`,
            { ...change },
          );
          if (change.to === 'open') telemetry?.current()?.recordBreakerOpen(change.origin);
          config.onCircuitStateChange?.(change);
        },
        now,
      )
    : undefined;

  // Outermost first. Why this order:
  // - The call span and the failure log line wrap everything, so they see the call's final error, its
  //   attempts and its time.
  // - The deadline is fixed before anything waits; every wait and attempt timer below is cut to it.
  // - The application's perCall policies run once, outside the retries.
  // - Retry re-runs everything below it: each attempt is a fresh openapi-fetch call.
  // - Cooldown, then the rate limit, hold an attempt back before anything is sent or timed: a server's
  //   Retry-After applies to the whole client, and pacing measures us, not the server.
  // - Auth, then the attempt span, set the attempt's headers; the application's perAttempt policies
  //   come next, so they see (and may sign) the headers as sent; the debug lines show them.
  // - The response cache (opt-in) sits right after auth: its key holds the attempt's credentials, its
  //   If-None-Match is among the headers the attempt span and perAttempt policies see, a fresh hit makes
  //   no attempt, and a 304 is turned into the kept answer before breaker and retry see it.
  // - The breaker counts what the server did, so it wraps only the send and its concurrency slot.
  // - The concurrency slot is held for the send alone, and the attempt timer starts once it is had.
  const steps: (Step | false | undefined)[] = [
    telemetry && telemetryCallPolicy(telemetry, now),
    log.enabled('info') && logCallPolicy(log, now),
    deadlinePolicy(),
    ...customPolicies(config.policies, 'perCall'),
    retryPolicy(config, {
      now,
      random,
      maxRetryAfterMs: config.maxRetryAfterMs,
      canRefreshAuth: authorize !== undefined,
      isBreakerOpen: () => breaker?.isOpen() ?? false,
      onRetry: (event, ctx) => {
        if (log.enabled('info'))
          log.info(
            `${ctx.description} attempt ${event.attempt} failed (${event.error.message}); retrying in ${event.delayMs} ms`,
            {
              operationId: event.operationId,
              attempt: event.attempt,
              delayMs: event.delayMs,
              reason: event.reason,
            },
          );
        telemetry?.current()?.recordRetry(event.operationId, event.reason);
        config.onRetry?.(event);
      },
      onBudgetSpent: (ctx) => {
        log.info(`${ctx.description}: retry budget spent, not retrying`, { operationId: ctx.operationId });
      },
    }),
    cooldownPolicy(config, now),
    config.rateLimit && rateLimitPolicy(config.rateLimit, now),
    authorize && authPolicy(authorize, now),
    config.cache &&
      cachePolicy(config.cache, {
        now,
        onResult: (result, ctx) => {
          if (log.enabled('debug'))
            log.debug(`${ctx.description} cache ${result}`, { operationId: ctx.operationId, cache: result });
          telemetry?.current()?.recordCache(ctx.operationId, result);
        },
        onEvict: (count, ctx) => {
          if (log.enabled('debug'))
            log.debug(`${ctx.description} evicted ${count} cached response(s)`, {
              operationId: ctx.operationId,
              evicted: count,
            });
        },
      }),
    telemetry && telemetryAttemptPolicy(),
    ...customPolicies(config.policies, 'perAttempt'),
    log.enabled('debug') && logAttemptPolicy(log, now),
    breaker && breakerPolicy(breaker),
    config.maxConcurrency !== undefined && concurrencyPolicy(config.maxConcurrency, config.maxQueue, now),
    attemptPolicy(now),
  ];
  const chain = steps.filter((s): s is Step => typeof s === 'function');

  const run = (ctx: CallContext, i: number): Promise<Outcome> =>
    (chain[i] as Step)(ctx, () => run(ctx, i + 1));

  return {
    async execute(plan, options) {
      const start = now();
      const ctx = createCallContext(plan, options, config, transportFor, start);
      let outcome: Outcome;
      try {
        outcome = await run(ctx, 0);
      } catch (err) {
        throw finishError(ctx, err, now());
      }
      // A policy of the application may hand back an outcome with an error instead of throwing it.
      if (outcome.error) throw finishError(ctx, outcome.error, now());
      return outcome;
    },
  };
}
