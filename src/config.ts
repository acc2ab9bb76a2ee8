// The client's options, composed from what each policy owns (its options type, its defaults and its
// resolver), resolved once at construction: defaults → environment → explicit options, validated with
// messages that say what to fix, and frozen. The hot path never re-parses them. Per-call options are
// checked here too, once per call, with the same vocabulary (src/validation.ts).
import { ConfigError, InvalidArgumentError } from './errors.js';
import {
  CONNECTION_DEFAULTS,
  resolveConnection,
  type ConnectionOptions,
  type ResolvedConnection,
} from './config/connection.js';
import { checkBoolean, checkOptionsObject, keysOf } from './options/check-shape.js';
import {
  ATTEMPT_DEFAULTS,
  resolveAttempt,
  type AttemptPolicyOptions,
  type ResolvedAttempt,
} from './policies/attempt.js';
import {
  AUTH_DEFAULTS,
  resolveAuthOptions,
  type AuthPolicyOptions,
  type ResolvedAuthOptions,
} from './policies/auth.js';
import {
  BREAKER_DEFAULTS,
  resolveBreaker,
  type BreakerPolicyOptions,
  type ResolvedBreaker,
} from './policies/breaker.js';
import {
  CACHE_DEFAULTS,
  resolveCacheOptions,
  type CachePolicyOptions,
  type ResolvedCacheOptions,
} from './policies/cache.js';
import {
  CONCURRENCY_DEFAULTS,
  resolveConcurrency,
  type ConcurrencyPolicyOptions,
  type ResolvedConcurrency,
} from './policies/concurrency.js';
import {
  COOLDOWN_DEFAULTS,
  resolveCooldown,
  type CooldownPolicyOptions,
  type ResolvedCooldown,
} from './policies/cooldown.js';
import {
  resolveCustomPolicies,
  type CustomPolicyOptions,
  type ResolvedCustomPolicies,
} from './policies/custom.js';
import {
  DEADLINE_DEFAULTS,
  resolveDeadline,
  type DeadlinePolicyOptions,
  type ResolvedDeadline,
} from './policies/deadline.js';
import {
  LOGGING_DEFAULTS,
  resolveLogging,
  type LoggingPolicyOptions,
  type ResolvedLogging,
} from './policies/logging.js';
import {
  resolveRateLimit,
  type RateLimitPolicyOptions,
  type ResolvedRateLimit,
} from './policies/rate-limit.js';
import {
  resolveRetry,
  RETRY_DEFAULTS,
  type ResolvedRetry,
  type RetryPolicyOptions,
} from './policies/retry.js';
import {
  resolveTelemetry,
  type ResolvedTelemetry,
  type TelemetryPolicyOptions,
} from './policies/telemetry.js';
import { normalizeHeaders, type HeadersInput } from './transport/header-values.js';
import { BYTES, checkNumber, DURATION_MS, wholeNumber } from './validation.js';

export type { CustomFetch, FetchLike, FetchOptions, FetchResponse } from './transport/fetch.js';
export type { TokenProvider, OAuth2ClientCredentials } from './auth/credentials.js';
export type { BackoffOptions, RetryBudgetOptions } from './policies/retry.js';
export type { CircuitBreakerOptions } from './policies/breaker.js';
export type { RateLimitOptions } from './policies/rate-limit.js';
export type { CacheOptions } from './policies/cache.js';

/** Options of {@link UserManagementClient}: the options of each policy. Every one is optional where the environment supplies it. */
export interface ClientOptions
  extends
    ConnectionOptions,
    AuthPolicyOptions,
    AttemptPolicyOptions,
    DeadlinePolicyOptions,
    RetryPolicyOptions,
    CooldownPolicyOptions,
    BreakerPolicyOptions,
    RateLimitPolicyOptions,
    ConcurrencyPolicyOptions,
    LoggingPolicyOptions,
    TelemetryPolicyOptions,
    CachePolicyOptions,
    CustomPolicyOptions {}

/** Options every SDK method takes as its last argument; they override the client's for that call. */
export interface RequestOptions {
  /** Aborts the call; rejects with `RequestAbortedError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout, in ms. @default the client's `timeoutMs` */
  timeoutMs?: number | undefined;
  /** Total deadline across attempts, in ms. @default the client's `deadlineMs` */
  deadlineMs?: number | undefined;
  /** Retries after the first attempt. @default the client's `maxRetries` */
  maxRetries?: number | undefined;
  /** Idempotency key for POST/PATCH; by default one UUID v4 per call, reused on every attempt. */
  idempotencyKey?: string | undefined;
  /** Extra headers for this call, merged over the client's: a plain object, a `Headers`, a `Map` or an array of pairs. @default {} */
  headers?: HeadersInput | undefined;
  /** Retry this write even without idempotency-key support. @default the client's `retryNonIdempotent` */
  retryNonIdempotent?: boolean | undefined;
  /** Largest response body this call reads, in bytes. @default the client's `maxResponseBytes` */
  maxResponseBytes?: number | undefined;
  /**
   * Write only if the resource is still at this version: an ETag string (`'"3"'`, as the server sent it)
   * or a resource object the client returned (its `etagOf()` is used). Sent as `If-Match` on the
   * operations that declare it (replace, update and delete); a stale version rejects with
   * `PreconditionFailedError` and changes nothing. Leave it out for last-write-wins.
   * @default undefined (no precondition)
   */
  ifMatch?: string | object | undefined;
  /**
   * `false` bypasses the client's response cache for this call: nothing is read from it or stored in it.
   * @default the client's `cache`
   */
  cache?: false | undefined;
}

/**
 * Every client option, by name: the compiler checks it against ClientOptions, so a new option cannot be
 * forgotten, and a typo in plain JavaScript is caught at run time with the nearest valid name.
 */
export const CLIENT_OPTION_KEYS = keysOf<ClientOptions>({
  baseUrl: true,
  apiKey: true,
  token: true,
  auth: true,
  fetch: true,
  fetchOptions: true,
  transport: true,
  headers: true,
  redirects: true,
  maxResponseBytes: true,
  allowInsecureHttp: true,
  dangerouslyAllowBrowser: true,
  timeoutMs: true,
  deadlineMs: true,
  maxRetries: true,
  backoff: true,
  maxRetryAfterMs: true,
  retryNonIdempotent: true,
  circuitBreaker: true,
  retryBudget: true,
  rateLimit: true,
  maxConcurrency: true,
  maxQueue: true,
  onRetry: true,
  onCircuitStateChange: true,
  logLevel: true,
  logger: true,
  redactKeys: true,
  telemetry: true,
  cache: true,
  policies: true,
});

/** Every per-call option, by name (see CLIENT_OPTION_KEYS). */
export const REQUEST_OPTION_KEYS = keysOf<RequestOptions>({
  signal: true,
  timeoutMs: true,
  deadlineMs: true,
  maxRetries: true,
  idempotencyKey: true,
  headers: true,
  retryNonIdempotent: true,
  maxResponseBytes: true,
  ifMatch: true,
  cache: true,
});

/** The values in force when an option is not given: each policy's defaults, in one table. */
export const DEFAULTS = Object.freeze({
  ...CONNECTION_DEFAULTS,
  ...AUTH_DEFAULTS,
  ...ATTEMPT_DEFAULTS,
  ...DEADLINE_DEFAULTS,
  ...RETRY_DEFAULTS,
  ...COOLDOWN_DEFAULTS,
  ...BREAKER_DEFAULTS,
  ...CONCURRENCY_DEFAULTS,
  ...LOGGING_DEFAULTS,
  ...CACHE_DEFAULTS,
});

/** The client's configuration once resolved: each policy's resolved options, side by side. */
export type ResolvedConfig = ResolvedConnection &
  ResolvedAuthOptions &
  ResolvedAttempt &
  ResolvedDeadline &
  ResolvedRetry &
  ResolvedCooldown &
  ResolvedBreaker &
  ResolvedRateLimit &
  ResolvedConcurrency &
  ResolvedLogging &
  ResolvedTelemetry &
  ResolvedCacheOptions &
  ResolvedCustomPolicies;

/** Merges defaults, environment and options; throws ConfigError on anything invalid. */
export function resolveConfig(options: ClientOptions = {}): Readonly<ResolvedConfig> {
  // Options may come from plain JavaScript: check shapes the types already promise.
  checkOptionsObject(options, 'UserManagementClient options', CLIENT_OPTION_KEYS, ConfigError);
  const { url, ...connection } = resolveConnection(options);
  return Object.freeze({
    ...connection,
    ...resolveAuthOptions(options, url),
    ...resolveLogging(options),
    ...resolveAttempt(options),
    ...resolveDeadline(options),
    ...resolveRetry(options),
    ...resolveCooldown(options),
    ...resolveBreaker(options),
    ...resolveRateLimit(options),
    ...resolveConcurrency(options),
    ...resolveTelemetry(options),
    ...resolveCacheOptions(options),
    ...resolveCustomPolicies(options),
  });
}

/** Per-call options, checked once per call: what the pipeline reads instead of the raw object. */
export interface ResolvedRequestOptions {
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly maxResponseBytes: number | undefined;
}

/**
 * Validates per-call overrides — the one place they are checked, once per call — with
 * InvalidArgumentError: a bad one is the caller's input, never retried or counted.
 */
export function validateRequestOptions(options: RequestOptions): ResolvedRequestOptions {
  const Err = InvalidArgumentError;
  checkOptionsObject(options, 'Request options', REQUEST_OPTION_KEYS, Err);
  if (options.timeoutMs !== undefined)
    checkNumber('timeoutMs', options.timeoutMs, DURATION_MS, undefined, Err);
  if (options.deadlineMs !== undefined)
    checkNumber('deadlineMs', options.deadlineMs, DURATION_MS, undefined, Err);
  if (options.maxRetries !== undefined)
    checkNumber('maxRetries', options.maxRetries, wholeNumber(0), undefined, Err);
  checkBoolean('retryNonIdempotent', options.retryNonIdempotent, Err);
  if (options.idempotencyKey !== undefined) {
    if (typeof options.idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(options.idempotencyKey)) {
      throw new Err('idempotencyKey must be 1–255 visible ASCII characters (a UUID is ideal).');
    }
  }
  if (options.signal !== undefined && !isAbortSignal(options.signal)) {
    throw new Err('signal must be an AbortSignal.');
  }
  return {
    headers:
      options.headers === undefined ? undefined : normalizeHeaders(options.headers, 'options.headers', Err),
    maxResponseBytes:
      options.maxResponseBytes === undefined
        ? undefined
        : checkNumber('maxResponseBytes', options.maxResponseBytes, BYTES, undefined, Err),
  };
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value;
}
