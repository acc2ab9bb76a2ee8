// The resilience pipeline, composed once per client. Order, outermost first:
//   deadline ⊃ retry (budget, backoff, Retry-After) ⊃ cooldown/rate-limit wait ⊃ circuit breaker
//   ⊃ concurrency cap ⊃ attempt (its own timer, capped by what is left of the deadline).
// The deadline is not a timer of its own: each wait and each attempt timer is cut to what is left of it,
// so the happy path pays for one AbortController and one timer per attempt.
import type { RequestOptions, ResolvedConfig, ResolvedRequestOptions } from '../config.js';
import { validateRequestOptions } from '../config.js';
import {
  ApiError,
  ConnectionError,
  RequestAbortedError,
  TimeoutError,
  UserManagementError,
} from '../errors.js';
import { runAttempt, type Outcome, type Send } from '../http/attempt.js';
import { baseFetchOf, createTransport, headerNames } from '../http/transport.js';
import type { OperationDef } from '../http/operations.js';
import type { LevelledLogger } from '../logging.js';
import { allowSharedSignal, loadOpenTelemetry } from '../platform.js';
import { Telemetry } from '../telemetry/otel.js';
import { computeBackoff } from './backoff.js';
import { bounded } from './bounded.js';
import { OriginBreaker } from './breaker.js';
import { RetryBudget } from './budget.js';
import type { RetryReason } from './events.js';
import {
  attemptEntry,
  coolingError,
  deadlineError,
  unsafeWriteError,
  type AttemptEntry,
} from './failures.js';
import { ConcurrencyLimit, Cooldown, TokenBucket } from './limiter.js';
import { decideRetry, isIdempotentMethod } from './retry.js';
import { wait } from './wait.js';
import { ResponseCache } from '../cache/response-cache.js';
import { cachePolicy, type CacheContext } from '../policies/cache.js';

/** One logical call: what to send, described for messages and decisions. */
export interface CallPlan {
  readonly operationId: string;
  readonly op: OperationDef;
  /** Absolute URL of the request, for errors and logs. */
  readonly url: string;
  readonly send: Send;
  /** The request body, for debug logs only (redacted there). */
  readonly body?: unknown;
  /** What the response cache needs of the call; absent where it cannot say (`raw`). */
  readonly cache?: CacheHint;
}

/** What the response cache needs to know of one call (from the operation table). */
export interface CacheHint {
  /** The full URL, query included (with the credential identity, the entry's key). */
  readonly key: string;
  /** The operation's tag: a write evicts the tag's lists. */
  readonly tag: string;
  /** Whether the operation is a paginated list. */
  readonly list: boolean;
  /** Whether the response may be kept and revalidated (a GET that declares If-None-Match, not bypassed). */
  readonly store: boolean;
}

/** Supplies a bearer token per attempt; `refresh` forces a new one after a 401. */
export type Authorizer = (refresh: boolean) => Promise<string>;

export interface Pipeline {
  execute(plan: CallPlan, options: RequestOptions | undefined): Promise<Outcome>;
}

const NO_OPTIONS: RequestOptions = Object.freeze({});
const NO_OVERRIDES: ResolvedRequestOptions = Object.freeze({
  headers: undefined,
  maxResponseBytes: undefined,
});

export function createPipeline(
  config: ResolvedConfig,
  log: LevelledLogger,
  authorize: Authorizer | undefined,
  random: () => number = Math.random,
): Pipeline {
  // Telemetry is looked up on the first call, not here: construction does no I/O.
  let telemetry: Telemetry | null | undefined = config.telemetry === false ? null : undefined;
  const getTelemetry = (): Telemetry | null => {
    if (telemetry === undefined) {
      const api = config.telemetry || loadOpenTelemetry();
      telemetry = api ? new Telemetry(api, config.origin) : null;
    }
    return telemetry;
  };
  const cb = config.circuitBreaker;
  const breaker = cb
    ? new OriginBreaker(config.origin, cb, (change) => {
        log[change.to === 'open' ? 'warn' : 'info'](
          `circuit ${change.from} → ${change.to} for ${change.origin}`,
          { ...change },
        );
        if (change.to === 'open') telemetry?.recordBreakerOpen(change.origin);
        config.onCircuitStateChange?.(change);
      })
    : undefined;
  const rb = config.retryBudget;
  const budget = rb ? new RetryBudget(rb.ratio, rb.windowMs, rb.minRetries) : undefined;
  const cooldown = new Cooldown();
  const bucket = config.rateLimit
    ? new TokenBucket(config.rateLimit.requestsPerSecond, config.rateLimit.burst)
    : undefined;
  // Redirect handling and the size cap; a call with its own headers or limit gets its own.
  const baseFetch = baseFetchOf(config.fetch);
  const clientHeaderNames = headerNames(config.headers);
  const transport = createTransport(baseFetch, {
    redirects: config.redirects,
    maxResponseBytes: config.maxResponseBytes,
    privateHeaders: clientHeaderNames,
  });
  const transportFor = (overrides: ResolvedRequestOptions): typeof transport =>
    overrides === NO_OVERRIDES
      ? transport
      : createTransport(baseFetch, {
          redirects: config.redirects,
          maxResponseBytes: overrides.maxResponseBytes ?? config.maxResponseBytes,
          privateHeaders: headerNames(config.headers, overrides.headers),
        });
  // The response cache (opt-in) wraps each attempt inside auth and retry; see policies/cache.ts.
  const cached = config.cache
    ? cachePolicy(new ResponseCache(config.cache), {
        now: () => Date.now(),
        onResult: (result, ctx) => {
          if (log.enabled('debug'))
            log.debug(`${ctx.description} cache ${result}`, { operationId: ctx.operationId, cache: result });
          telemetry?.recordCache(ctx.operationId, result);
        },
        onEvict: (count, ctx) => {
          if (log.enabled('debug'))
            log.debug(`${ctx.description} evicted ${count} cached response(s)`, {
              operationId: ctx.operationId,
              evicted: count,
            });
        },
      })
    : undefined;
  const concurrency =
    config.maxConcurrency !== undefined
      ? new ConcurrencyLimit(config.maxConcurrency, config.maxQueue)
      : undefined;

  /** One attempt under the concurrency cap. The attempt timer starts once a slot is held. */
  /** `GET /users/42`: the call as messages and logs name it. */
  const describeCall = (plan: CallPlan): string =>
    `${plan.op.method} ${plan.url.slice(config.baseUrl.length) || '/'}`;

  function sendOnce(
    plan: CallPlan,
    fetch: typeof transport,
    headers: Record<string, string> | undefined,
    timeoutMs: number,
    deadlineAt: number,
    deadlineMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    const attempt = (): Promise<Outcome> => {
      const left = deadlineAt - Date.now();
      return runAttempt(plan.send, {
        method: plan.op.method,
        url: plan.url,
        timeoutMs: Math.max(1, Math.min(timeoutMs, left)),
        timeoutKind: left < timeoutMs ? 'deadline' : 'attempt',
        signal,
        headers,
        fetch,
      });
    };
    if (!concurrency) return attempt();
    return concurrency.run(
      attempt,
      signal,
      deadlineAt - Date.now(),
      () =>
        new TimeoutError(
          `${describeCall(plan)} waited for a free slot (maxConcurrency) until the deadline (deadlineMs = ${deadlineMs}) passed; nothing was sent.`,
          {
            kind: 'deadline',
            timeoutMs: deadlineMs,
          },
        ),
    );
  }

  return {
    async execute(plan, options = NO_OPTIONS) {
      // Per-call input is checked before anything else: a bad one is the caller's, never retried or counted.
      const overrides = options === NO_OPTIONS ? NO_OVERRIDES : validateRequestOptions(options);
      const callFetch = transportFor(overrides);
      const start = Date.now();
      const { op, operationId } = plan;
      const signal = options.signal;
      if (signal) allowSharedSignal(signal);
      const timeoutMs = options.timeoutMs ?? config.timeoutMs;
      const deadlineMs = options.deadlineMs ?? config.deadlineMs;
      const deadlineAt = start + deadlineMs;
      const maxRetries = options.maxRetries ?? config.maxRetries;
      const safeToRepeat =
        isIdempotentMethod(op.method) ||
        op.acceptsIdempotencyKey ||
        (options.retryNonIdempotent ?? config.retryNonIdempotent);
      const headers: Record<string, string> | undefined =
        overrides.headers || op.acceptsIdempotencyKey ? { ...overrides.headers } : undefined;
      if (op.acceptsIdempotencyKey && headers) {
        // One key per logical call, reused on every attempt, so the server can deduplicate.
        headers['Idempotency-Key'] = options.idempotencyKey ?? globalThis.crypto.randomUUID();
      }
      const attempts: AttemptEntry[] = [];
      const what = describeCall(plan);
      const trace = getTelemetry()?.startCall({
        operationId,
        method: op.method,
        template: op.path,
        url: plan.url,
      });
      budget?.recordRequest();
      let authRetried = false;
      let refreshToken = false;
      let retries = 0;

      const fail = (err: unknown): never => {
        const error =
          err instanceof UserManagementError
            ? err
            : new UserManagementError(`${what} failed unexpectedly.`, { cause: err });
        error.attempts = attempts;
        error.elapsedMs = Date.now() - start;
        trace?.end(error instanceof ApiError ? error.status : undefined, error, retries);
        if (log.enabled('info'))
          log.info(
            `${what} failed after ${attempts.length} attempt(s) in ${error.elapsedMs} ms: ${error.message}`,
            {
              operationId,
              attempts: attempts.length,
              ...(error instanceof ApiError
                ? { status: error.status, requestId: error.requestId, body: error.body }
                : {}),
            },
          );
        throw error;
      };
      const aborted = (): RequestAbortedError =>
        new RequestAbortedError(`${what} was aborted by the caller.`, { cause: signal?.reason });

      for (let n = 1; ; n++) {
        if (signal?.aborted) fail(aborted());
        const cooling = cooldown.remainingMs();
        if (cooling > 0) {
          if (cooling > Math.min(config.maxRetryAfterMs, deadlineAt - Date.now()))
            fail(coolingError(cooldown.lastError, cooling, what));
          await wait(cooling, signal).catch(() => fail(aborted()));
        }
        // Client-side pacing, outside the breaker and before the attempt timer: it measures us, not the server.
        const pace = bucket?.reserve() ?? 0;
        if (pace > 0) {
          if (Date.now() + pace >= deadlineAt) {
            fail(
              new TimeoutError(
                `${what}: the client-side rate limit (rateLimit) needs ${pace} ms more than the deadline (deadlineMs = ${deadlineMs}) leaves; nothing was sent.`,
                { kind: 'deadline', timeoutMs: deadlineMs },
              ),
            );
          }
          await wait(pace, signal).catch(() => fail(aborted()));
        }
        let attemptHeaders = headers;
        if (authorize) {
          // A token function or token endpoint that never answers must not outlive the deadline or the signal.
          const token = await bounded(
            authorize(refreshToken),
            signal,
            deadlineAt - Date.now(),
            () =>
              new TimeoutError(
                `${what}: no token (token function or OAuth2 token request) before the deadline (deadlineMs = ${deadlineMs}); nothing was sent.`,
                { kind: 'deadline', timeoutMs: deadlineMs },
              ),
            aborted,
          ).catch(fail);
          attemptHeaders = { ...headers, Authorization: `Bearer ${token}` };
          refreshToken = false;
        }
        const span = trace?.attempt(n, attemptHeaders);
        if (span?.headers) attemptHeaders = span.headers;
        if (log.enabled('debug'))
          log.debug(`${what} attempt ${n}`, {
            operationId,
            attempt: n,
            headers: attemptHeaders,
            body: plan.body,
          });
        const began = Date.now();
        let outcome: Outcome | undefined;
        let error: UserManagementError;
        try {
          const attemptWith = (sent: Record<string, string> | undefined): Promise<Outcome> =>
            breaker
              ? breaker.execute(() =>
                  sendOnce(plan, callFetch, sent, timeoutMs, deadlineAt, deadlineMs, signal),
                )
              : sendOnce(plan, callFetch, sent, timeoutMs, deadlineAt, deadlineMs, signal);
          if (cached) {
            const cctx: CacheContext = {
              operationId,
              method: op.method,
              url: plan.url,
              description: what,
              headers: { ...attemptHeaders },
              cache: plan.cache,
            };
            outcome = await cached(cctx, () => attemptWith(cctx.headers));
          } else outcome = await attemptWith(attemptHeaders);
          const requestId = outcome.response.headers.get('x-request-id') ?? undefined;
          span?.end(outcome.response.status, outcome.error, requestId);
          if (log.enabled('debug')) {
            const durationMs = Date.now() - began;
            log.debug(`${what} → ${outcome.response.status} in ${durationMs} ms`, {
              operationId,
              attempt: n,
              status: outcome.response.status,
              durationMs,
              requestId,
            });
          }
          if (!outcome.error) {
            trace?.end(outcome.response.status, undefined, retries);
            return outcome;
          }
          error = outcome.error;
        } catch (err) {
          // Only an abort while queued for a slot, or a bug, reaches here as a foreign error.
          if (!(err instanceof UserManagementError)) fail(signal?.aborted ? aborted() : err);
          span?.end(undefined, err as UserManagementError, undefined);
          error = err as UserManagementError;
        }
        const record = attemptEntry(n, Date.now() - began, error);
        attempts.push(record);

        if (!(error instanceof ApiError) && !(error instanceof ConnectionError)) fail(error);
        const retryAfterMs = error instanceof ApiError ? error.retryAfterMs : undefined;
        if (retryAfterMs !== undefined) {
          // Rate limits and overload apply to the whole client: hold back its other calls too.
          if (error instanceof ApiError && (error.status === 429 || error.status === 503))
            cooldown.extend(Math.min(retryAfterMs, config.maxRetryAfterMs), error);
          if (retryAfterMs > config.maxRetryAfterMs) fail(error);
        }
        // A 401 under a refreshable credential: refresh once and try once more, outside maxRetries.
        if (authorize && error instanceof ApiError && error.status === 401 && !authRetried) {
          authRetried = true;
          refreshToken = true;
          notifyRetry(n, 0, 'auth-refresh', error, outcome?.response);
          continue;
        }
        const decision = decideRetry(error, safeToRepeat);
        if (!decision.retry) {
          if (
            decision.unsafeWrite &&
            error instanceof ConnectionError &&
            error.mayHaveBeenProcessed &&
            !(error instanceof TimeoutError)
          ) {
            fail(unsafeWriteError(error, operationId));
          }
          fail(error);
        }
        // Out of retries, or the breaker just opened: waiting would only end in CircuitOpenError.
        if (retries >= maxRetries || breaker?.isOpen()) fail(error);
        retries++;
        const delayMs = retryAfterMs ?? computeBackoff(retries, config.backoff, random);
        if (Date.now() + delayMs >= deadlineAt)
          fail(deadlineError(what, deadlineMs, retries, delayMs, error));
        if (budget && !budget.tryAcquireRetry()) {
          log.info(`${what}: retry budget spent, not retrying`, { operationId });
          fail(error);
        }
        record.waitMs = delayMs;
        notifyRetry(n, delayMs, decision.reason, error, outcome?.response);
        await wait(delayMs, signal).catch(() => fail(aborted()));
      }

      function notifyRetry(
        attempt: number,
        delayMs: number,
        reason: RetryReason,
        error: Error,
        response: Response | undefined,
      ): void {
        if (log.enabled('info'))
          log.info(`${what} attempt ${attempt} failed (${error.message}); retrying in ${delayMs} ms`, {
            operationId,
            attempt,
            delayMs,
            reason,
          });
        telemetry?.recordRetry(operationId, reason);
        config.onRetry?.({ attempt, delayMs, reason, error, response, operationId });
      }
    },
  };
}
