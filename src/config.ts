// The client's options, composed from what each policy owns (its options type, its defaults and its
// resolver), resolved once at construction: defaults → environment → explicit options, validated with
// messages that say what to fix, and frozen. The hot path never re-parses them. Per-call options are
// checked here too, once per call, with the same vocabulary (src/validation.ts).
import { ConfigError } from './errors.js';
import { resolveConnection, type ConnectionOptions, type ResolvedConnection } from './config/connection.js';
import {
  ATTEMPT_DEFAULTS,
  resolveAttempt,
  type AttemptPolicyOptions,
  type ResolvedAttempt,
} from './policies/attempt.js';
import { resolveAuthOptions, type AuthPolicyOptions, type ResolvedAuthOptions } from './policies/auth.js';
import {
  BREAKER_DEFAULTS,
  resolveBreaker,
  type BreakerPolicyOptions,
  type ResolvedBreaker,
} from './policies/breaker.js';
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
import { checkHeaders, checkNumber, DURATION_MS, wholeNumber } from './validation.js';

export type { CustomFetch, FetchLike, FetchOptions, FetchResponse } from './transport/fetch.js';
export type { TokenProvider, OAuth2ClientCredentials } from './auth/credentials.js';
export type { BackoffOptions, RetryBudgetOptions } from './policies/retry.js';
export type { CircuitBreakerOptions } from './policies/breaker.js';
export type { RateLimitOptions } from './policies/rate-limit.js';

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
  /** Extra headers for this call, merged over the client's. @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Retry this write even without idempotency-key support. @default the client's `retryNonIdempotent` */
  retryNonIdempotent?: boolean | undefined;
}

/** The values in force when an option is not given: each policy's defaults, in one table. */
export const DEFAULTS = Object.freeze({
  ...ATTEMPT_DEFAULTS,
  ...DEADLINE_DEFAULTS,
  ...RETRY_DEFAULTS,
  ...COOLDOWN_DEFAULTS,
  ...BREAKER_DEFAULTS,
  ...CONCURRENCY_DEFAULTS,
  ...LOGGING_DEFAULTS,
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
  ResolvedCustomPolicies;

/** Merges defaults, environment and options; throws ConfigError on anything invalid. */
export function resolveConfig(options: ClientOptions = {}): Readonly<ResolvedConfig> {
  // Options may come from plain JavaScript: check shapes the types already promise.
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) {
    throw new ConfigError('UserManagementClient options must be an object.');
  }
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
    ...resolveCustomPolicies(options),
  });
}

/** Validates per-call overrides: the one place they are checked, once per call. */
export function validateRequestOptions(options: RequestOptions): void {
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null)
    throw new ConfigError('Request options must be an object.');
  if (options.timeoutMs !== undefined) checkNumber('timeoutMs', options.timeoutMs, DURATION_MS);
  if (options.deadlineMs !== undefined) checkNumber('deadlineMs', options.deadlineMs, DURATION_MS);
  if (options.maxRetries !== undefined) checkNumber('maxRetries', options.maxRetries, wholeNumber(0));
  if (options.idempotencyKey !== undefined) {
    if (typeof options.idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(options.idempotencyKey)) {
      throw new ConfigError('idempotencyKey must be 1–255 visible ASCII characters (a UUID is ideal).');
    }
  }
  if (options.headers !== undefined) checkHeaders('headers', options.headers);
  if (options.signal !== undefined && !isAbortSignal(options.signal)) {
    throw new ConfigError('signal must be an AbortSignal.');
  }
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value;
}
