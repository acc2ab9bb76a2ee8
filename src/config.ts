// Options are resolved once, at construction: defaults → environment → explicit options,
// validated with messages that say what to fix, and frozen. The hot path never re-parses them.
import { ENV_VARS } from './env.js';
import { resolveCache, type CacheOptions, type ResolvedCache } from './cache/response-cache.js';
import { readEnv } from './platform.js';
import { ConfigError, InvalidArgumentError } from './errors.js';
import { checkHeaderValue, normalizeHeaders, type HeadersInput } from './http/header-values.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './http/read-body.js';
import { REDIRECT_POLICIES, type RedirectPolicy } from './http/redirects.js';
import { requireSecureTransport, resolveTokenUrl } from './http/transport-security.js';
import { checkBoolean, checkOptionsObject } from './options/check-shape.js';
import {
  BACKOFF_KEYS,
  CIRCUIT_BREAKER_KEYS,
  CLIENT_OPTION_KEYS,
  OAUTH2_KEYS,
  RATE_LIMIT_KEYS,
  REQUEST_OPTION_KEYS,
  RETRY_BUDGET_KEYS,
} from './options/known-options.js';
import { DEFAULT_REDACT_KEYS, isLogLevel, LOG_LEVELS, type Logger, type LogLevel } from './logging.js';
import type { CircuitStateChange, RetryEvent } from './resilience/events.js';
import type { OpenTelemetryApi } from './telemetry/otel.js';

/** A fetch implementation: global `fetch`, undici's, or a test double. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Returns the bearer token to send; called before every attempt, so it can rotate. */
export type TokenProvider = () => string | Promise<string>;

/** OAuth2 client-credentials settings (RFC 6749 §4.4). */
export interface OAuth2ClientCredentials {
  /** The client id. */
  clientId: string;
  /** The client secret; never logged nor put in an error. */
  clientSecret: string;
  /** Space-separated scopes to ask for. @default none */
  scope?: string | undefined;
  /** Token endpoint. @default `${baseUrl}/oauth/token` */
  tokenUrl?: string | undefined;
}

/** Exponential backoff with full jitter: wait = random(0, min(maxDelayMs, baseDelayMs × multiplier^(retry−1))). */
export interface BackoffOptions {
  /** First retry's ceiling, in ms. @default 500 */
  baseDelayMs?: number | undefined;
  /** Growth factor per retry. @default 2 */
  multiplier?: number | undefined;
  /** Largest ceiling, in ms. @default 8000 */
  maxDelayMs?: number | undefined;
}

/** Circuit breaker settings. */
export interface CircuitBreakerOptions {
  /** Consecutive counted failures (5xx, connection failures, timeouts) that open the circuit. @default 5 */
  failureThreshold?: number | undefined;
  /** How long the circuit stays open before one trial request, in ms. @default 10000 */
  halfOpenAfterMs?: number | undefined;
  /**
   * Open on a failure rate instead of a run of failures: the share (between 0 and 1, exclusive) of
   * counted failures among attempts over `samplingWindowMs`. Suits servers that fail at random rather
   * than all at once; `failureThreshold` is then unused. @default off (open after `failureThreshold` in a row)
   */
  failureRate?: number | undefined;
  /** With `failureRate`: the sliding window the rate is measured over, in ms. @default 10000 */
  samplingWindowMs?: number | undefined;
  /** With `failureRate`: fewest attempts per second before the rate can open the circuit. @default 5 */
  minimumRps?: number | undefined;
}

/** Circuit breaker settings as resolved. */
export interface ResolvedCircuitBreaker {
  readonly failureThreshold: number;
  readonly halfOpenAfterMs: number;
  /** Set when the breaker opens on a failure rate rather than a run. */
  readonly rate:
    | { readonly failureRate: number; readonly samplingWindowMs: number; readonly minimumRps: number }
    | undefined;
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

/** Client-side token bucket. */
export interface RateLimitOptions {
  /** Sustained rate. */
  requestsPerSecond: number;
  /** Requests that may go at once before the rate applies. @default requestsPerSecond */
  burst?: number | undefined;
}

/** Options of {@link UserManagementClient}. Every one is optional where the environment supplies it. */
export interface ClientOptions {
  /** API root, e.g. `https://api.example.com`. Env: `USER_MGMT_BASE_URL`. Required. */
  baseUrl?: string | undefined;
  /** API key, sent as `X-API-Key`. Env: `USER_MGMT_API_KEY`. */
  apiKey?: string | undefined;
  /** Bearer token, or a function called before every attempt that returns one. Env: `USER_MGMT_TOKEN`. */
  token?: string | TokenProvider | undefined;
  /** OAuth2 client credentials; the client fetches, caches and refreshes the token. */
  auth?: OAuth2ClientCredentials | undefined;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /**
   * Headers sent with every request: a plain object, a `Headers`, a `Map` or an array of pairs.
   * Never sent to another origin (see `redirects`). @default {}
   */
  headers?: HeadersInput | undefined;
  /** Per-attempt timeout in ms, covering the response body too. @default 30000 */
  timeoutMs?: number | undefined;
  /** Total time for a call across all attempts and waits, in ms. @default 120000 */
  deadlineMs?: number | undefined;
  /** Retries after the first attempt. @default 2 */
  maxRetries?: number | undefined;
  /** Backoff between retries. @default { baseDelayMs: 500, multiplier: 2, maxDelayMs: 8000 } */
  backoff?: BackoffOptions | undefined;
  /** Longest Retry-After the client waits out; a longer one fails at once. @default 60000 */
  maxRetryAfterMs?: number | undefined;
  /** Retry POST/PATCH without an Idempotency-Key even after the request may have reached the server. @default false */
  retryNonIdempotent?: boolean | undefined;
  /** Circuit breaker per origin, or `false` to switch it off. @default { failureThreshold: 5, halfOpenAfterMs: 10000 } */
  circuitBreaker?: CircuitBreakerOptions | false | undefined;
  /** Retry budget, or `false` to switch it off. @default { ratio: 0.2, windowMs: 10000, minRetries: 3 } */
  retryBudget?: RetryBudgetOptions | false | undefined;
  /** Client-side rate limit. @default none */
  rateLimit?: RateLimitOptions | undefined;
  /** Most requests in flight at once. @default unlimited */
  maxConcurrency?: number | undefined;
  /** Calls that may wait for a `maxConcurrency` slot before new ones are rejected. @default 100 */
  maxQueue?: number | undefined;
  /** Called before each retry wait. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Called when a circuit breaker changes state. */
  onCircuitStateChange?: ((event: CircuitStateChange) => void) | undefined;
  /** Log level. Env: `USER_MGMT_LOG`. @default 'warn' */
  logLevel?: LogLevel | undefined;
  /** Where log lines go: any console- or pino-shaped object. @default console */
  logger?: Logger | undefined;
  /** Body fields and query parameters to redact in logs (substring match, case-insensitive). @default password, token, secret, apikey, api_key, authorization, client_secret */
  redactKeys?: readonly string[] | undefined;
  /** Allow a secret credential (`apiKey`, OAuth2 `clientSecret`) in a browser. @default false */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * OpenTelemetry: the `@opentelemetry/api` module, or `false` to switch tracing off.
   * @default in Node, `@opentelemetry/api` when the application has it installed; in browsers, off
   */
  telemetry?: OpenTelemetryApi | false | undefined;
  /**
   * What the client does when the API answers with a redirect (301, 302, 303, 307, 308):
   * - `'same-origin'`: follow at most 5 redirects within the API's origin, never from https to http;
   *   a redirect anywhere else rejects with `RedirectError` and nothing is sent there.
   * - `'none'`: every 3xx (but 304) rejects with `RedirectError`.
   * - `'any-origin'`: follow to other origins too, but without any credential (`Authorization`,
   *   `X-API-Key`, cookies, `Idempotency-Key`, every header of `headers` and of the call's `headers`)
   *   and never with a request body; still never from https to http.
   *
   * Under every setting a 301/302/303 answering anything but GET/HEAD rejects with `RedirectError`
   * rather than silently becoming a GET. In browsers, which follow redirects themselves and hide the
   * target, see docs/SECURITY.md.
   * @default 'same-origin'
   */
  redirects?: RedirectPolicy | undefined;
  /**
   * Largest response body the client reads, in bytes: a larger `Content-Length`, or a body that grows
   * past it while streaming, rejects with `ResponseTooLargeError` and closes the connection. Bounds the
   * memory a broken or hostile server can make the client use (16 MiB is far above any page this API
   * returns, far below what hurts a process). Error bodies are kept on errors cut to 64 KiB.
   * @default 16777216 (16 MiB)
   */
  maxResponseBytes?: number | undefined;
  /**
   * Allow credentials (`apiKey`, `token`, OAuth2 `auth`) over plain http to hosts other than loopback
   * (`localhost`, 127.0.0.0/8, `[::1]`). Without it such a `baseUrl` or `auth.tokenUrl` throws
   * `ConfigError`, since anyone on the network path could read the credential.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined;
  /**
   * An in-memory cache of GET responses that came with an ETag, revalidated on every use: the next
   * identical GET sends `If-None-Match`, and a `304 Not Modified` is answered from the cache (a fresh copy).
   * Kept per client, keyed by full URL and credentials, bounded by `maxEntries` and `maxBytes` (least
   * recently used out first); a successful write evicts the resource and the lists of its tag. A call's
   * `cache: false` bypasses it.
   * @default false
   * @example
   * ```ts
   * const client = new UserManagementClient({ apiKey, cache: { maxEntries: 1000, maxBytes: 16 * 1024 * 1024 } });
   * ```
   */
  cache?: CacheOptions | false | undefined;
}

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
   * or a resource object the client returned (its {@link etagOf} is used). Sent as `If-Match` on the
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

/** The values in force when an option is not given. */
export const DEFAULTS = Object.freeze({
  /** Per-attempt timeout, in ms. */
  timeoutMs: 30_000,
  /** Total time for a call across all attempts and waits, in ms. */
  deadlineMs: 120_000,
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
  /** Longest Retry-After the client waits out, in ms. */
  maxRetryAfterMs: 60_000,
  /** Whether POST/PATCH without an Idempotency-Key are retried after they may have reached the server. */
  retryNonIdempotent: false,
  /** Circuit breaker per origin. */
  circuitBreaker: Object.freeze({
    /** Consecutive counted failures that open the circuit. */
    failureThreshold: 5,
    /** How long the circuit stays open before one trial request, in ms. */
    halfOpenAfterMs: 10_000,
  }),
  /** Retry budget per client. */
  retryBudget: Object.freeze({
    /** Retries allowed per first attempt in the window. */
    ratio: 0.2,
    /** The sliding window, in ms. */
    windowMs: 10_000,
    /** Retries always allowed per window. */
    minRetries: 3,
  }),
  /** Calls that may wait for a `maxConcurrency` slot. */
  maxQueue: 100,
  /** Log level. */
  logLevel: 'warn' as const satisfies LogLevel,
  /** Body fields and query parameters redacted in logs. */
  redactKeys: DEFAULT_REDACT_KEYS,
  /** Redirects are followed only within the API's origin. */
  redirects: 'same-origin' as const satisfies RedirectPolicy,
  /** Largest response body read, in bytes (16 MiB). */
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  /** Credentials go only over https or to loopback. */
  allowInsecureHttp: false,
  /** No response cache. */
  cache: false as const,
});

/** An options object once resolved: every field present, none undefined, read-only. */
type Resolved<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> };

/** Auth as resolved: what to send, never printed. */
export type ResolvedAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'bearer'; readonly token: string | TokenProvider }
  | {
      readonly kind: 'oauth2';
      readonly credentials: Resolved<Omit<OAuth2ClientCredentials, 'scope'>> & { readonly scope?: string };
    };

export interface ResolvedConfig {
  readonly baseUrl: string;
  readonly origin: string;
  /** API key plus bearer/OAuth2 may both be set: the key goes in X-API-Key, the token in Authorization. */
  readonly apiKey: string | undefined;
  readonly auth: ResolvedAuth;
  readonly fetch: FetchLike | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly maxRetries: number;
  readonly backoff: Resolved<BackoffOptions>;
  readonly maxRetryAfterMs: number;
  readonly retryNonIdempotent: boolean;
  readonly circuitBreaker: ResolvedCircuitBreaker | false;
  readonly retryBudget: Resolved<RetryBudgetOptions> | false;
  readonly rateLimit: Resolved<RateLimitOptions> | undefined;
  readonly maxConcurrency: number | undefined;
  readonly maxQueue: number;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly onCircuitStateChange: ((event: CircuitStateChange) => void) | undefined;
  readonly logLevel: LogLevel;
  readonly logger: Logger;
  readonly redactKeys: readonly string[];
  readonly telemetry: OpenTelemetryApi | false | undefined;
  readonly redirects: RedirectPolicy;
  readonly maxResponseBytes: number;
  readonly allowInsecureHttp: boolean;
  readonly cache: ResolvedCache;
}

const isBrowser = (): boolean =>
  typeof (globalThis as { window?: unknown }).window !== 'undefined' &&
  typeof (globalThis as { document?: unknown }).document !== 'undefined';

/** Merges defaults, environment and options; throws ConfigError on anything invalid. */
export function resolveConfig(options: ClientOptions = {}): Readonly<ResolvedConfig> {
  // Options may come from plain JavaScript: check shapes the types already promise.
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) {
    throw new ConfigError('UserManagementClient options must be an object.');
  }
  checkOptionsObject(options, 'UserManagementClient options', CLIENT_OPTION_KEYS, ConfigError);
  checkNested(options);
  const allowInsecureHttp =
    checkBoolean('allowInsecureHttp', options.allowInsecureHttp, ConfigError) ?? DEFAULTS.allowInsecureHttp;
  checkBoolean('dangerouslyAllowBrowser', options.dangerouslyAllowBrowser, ConfigError);
  const retryNonIdempotent =
    checkBoolean('retryNonIdempotent', options.retryNonIdempotent, ConfigError) ??
    DEFAULTS.retryNonIdempotent;
  const env = readEnv();
  const baseUrl = resolveBaseUrl(
    options.baseUrl ?? env.baseUrl,
    options.baseUrl === undefined && env.baseUrl !== undefined,
  );
  const apiKey = credentialString('apiKey', options.apiKey ?? env.apiKey);
  const token = options.token ?? env.token;
  if (token !== undefined && typeof token !== 'function') credentialString('token', token);
  if (token !== undefined && options.auth !== undefined) {
    throw new ConfigError('Pass either `token` or `auth` (OAuth2 client credentials), not both.');
  }
  const auth = resolveAuth(apiKey, token, options.auth, baseUrl, allowInsecureHttp);
  if (apiKey !== undefined || auth.kind !== 'none') {
    const credential =
      apiKey !== undefined ? 'API key' : auth.kind === 'oauth2' ? 'OAuth2 token' : 'bearer token';
    requireSecureTransport(baseUrl, 'baseUrl', credential, allowInsecureHttp);
  }
  if (
    isBrowser() &&
    options.dangerouslyAllowBrowser !== true &&
    (apiKey !== undefined || auth.kind === 'oauth2')
  ) {
    throw new ConfigError(
      'A secret credential (apiKey or OAuth2 clientSecret) is configured in a browser, where any visitor can read it. ' +
        'Use a bearer `token` from your backend, or pass `dangerouslyAllowBrowser: true` if you understand the risk.',
    );
  }

  const logLevel = options.logLevel ?? env.logLevel ?? DEFAULTS.logLevel;
  if (!isLogLevel(logLevel)) {
    const from = options.logLevel === undefined ? ` (from ${ENV_VARS.logLevel})` : '';
    throw new ConfigError(`Unknown log level "${logLevel}"${from}; use one of ${LOG_LEVELS.join(', ')}.`);
  }
  const logger: Logger = options.logger ?? globalThis.console;
  for (const m of ['error', 'warn', 'info', 'debug'] as const) {
    if (typeof (logger as unknown as Record<string, unknown>)[m] !== 'function') {
      throw new ConfigError(`logger must have error, warn, info and debug methods; "${m}" is missing.`);
    }
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigError('fetch must be a function with the signature of globalThis.fetch.');
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new ConfigError(
      'No global fetch here: pass a `fetch` implementation (Node ≥ 18 and browsers have one).',
    );
  }
  const headers = normalizeHeaders(options.headers, 'headers', ConfigError);
  const b = options.backoff ?? {};
  const cb = options.circuitBreaker;
  const rb = options.retryBudget;
  const rl = options.rateLimit;
  if (options.onRetry !== undefined && typeof options.onRetry !== 'function')
    throw new ConfigError('onRetry must be a function.');
  if (options.onCircuitStateChange !== undefined && typeof options.onCircuitStateChange !== 'function') {
    throw new ConfigError('onCircuitStateChange must be a function.');
  }
  const redactKeys: unknown = options.redactKeys ?? DEFAULTS.redactKeys;
  if (
    !Array.isArray(redactKeys) ||
    !redactKeys.every((k): k is string => typeof k === 'string' && k.length > 0)
  ) {
    throw new ConfigError('redactKeys must be an array of non-empty strings.');
  }

  return Object.freeze({
    baseUrl: baseUrl.href.replace(/\/+$/, ''),
    origin: baseUrl.origin,
    apiKey,
    auth,
    fetch: options.fetch,
    headers,
    timeoutMs: positive('timeoutMs', options.timeoutMs, DEFAULTS.timeoutMs),
    deadlineMs: positive('deadlineMs', options.deadlineMs, DEFAULTS.deadlineMs),
    maxRetries: count('maxRetries', options.maxRetries, DEFAULTS.maxRetries),
    backoff: Object.freeze({
      baseDelayMs: nonNegative('backoff.baseDelayMs', b.baseDelayMs, DEFAULTS.backoff.baseDelayMs),
      multiplier: atLeast('backoff.multiplier', b.multiplier, DEFAULTS.backoff.multiplier, 1),
      maxDelayMs: nonNegative('backoff.maxDelayMs', b.maxDelayMs, DEFAULTS.backoff.maxDelayMs),
    }),
    maxRetryAfterMs: nonNegative('maxRetryAfterMs', options.maxRetryAfterMs, DEFAULTS.maxRetryAfterMs),
    retryNonIdempotent,
    circuitBreaker:
      cb === false
        ? false
        : Object.freeze({
            failureThreshold: count(
              'circuitBreaker.failureThreshold',
              cb?.failureThreshold,
              DEFAULTS.circuitBreaker.failureThreshold,
              1,
            ),
            halfOpenAfterMs: positive(
              'circuitBreaker.halfOpenAfterMs',
              cb?.halfOpenAfterMs,
              DEFAULTS.circuitBreaker.halfOpenAfterMs,
            ),
            rate:
              cb?.failureRate === undefined
                ? undefined
                : Object.freeze({
                    failureRate: numberOption(
                      'circuitBreaker.failureRate',
                      cb.failureRate,
                      undefined,
                      (n) => n > 0 && n < 1,
                      'a number between 0 and 1 (exclusive), e.g. 0.5',
                    ),
                    samplingWindowMs: positive(
                      'circuitBreaker.samplingWindowMs',
                      cb.samplingWindowMs,
                      10_000,
                    ),
                    minimumRps: numberOption(
                      'circuitBreaker.minimumRps',
                      cb.minimumRps,
                      5,
                      (n) => n > 0 && Number.isFinite(n),
                      'a finite number greater than 0',
                    ),
                  }),
          }),
    retryBudget:
      rb === false
        ? false
        : Object.freeze({
            ratio: nonNegative('retryBudget.ratio', rb?.ratio, DEFAULTS.retryBudget.ratio),
            windowMs: positive('retryBudget.windowMs', rb?.windowMs, DEFAULTS.retryBudget.windowMs),
            minRetries: count('retryBudget.minRetries', rb?.minRetries, DEFAULTS.retryBudget.minRetries),
          }),
    rateLimit:
      rl === undefined
        ? undefined
        : Object.freeze({
            requestsPerSecond: rate('rateLimit.requestsPerSecond', rl.requestsPerSecond),
            burst: count('rateLimit.burst', rl.burst, Math.max(1, Math.ceil(rl.requestsPerSecond)), 1),
          }),
    maxConcurrency:
      options.maxConcurrency === undefined
        ? undefined
        : count('maxConcurrency', options.maxConcurrency, 1, 1),
    maxQueue: count('maxQueue', options.maxQueue, DEFAULTS.maxQueue),
    onRetry: options.onRetry,
    onCircuitStateChange: options.onCircuitStateChange,
    logLevel,
    logger,
    redactKeys: Object.freeze([...redactKeys]),
    telemetry: resolveTelemetry(options.telemetry),
    redirects: resolveRedirects(options.redirects),
    maxResponseBytes: byteLimit(
      'maxResponseBytes',
      options.maxResponseBytes,
      DEFAULTS.maxResponseBytes,
      ConfigError,
    ),
    allowInsecureHttp,
    cache: resolveCache(options.cache, ConfigError, (value, what, known) => {
      checkOptionsObject(value, what, known, ConfigError);
    }),
  });
}

/** Nested option objects: objects (or `false` where that switches them off), with known keys only. */
function checkNested(options: ClientOptions): void {
  const nested: [string, unknown, readonly string[], boolean][] = [
    ['backoff', options.backoff, BACKOFF_KEYS, false],
    ['circuitBreaker', options.circuitBreaker, CIRCUIT_BREAKER_KEYS, true],
    ['retryBudget', options.retryBudget, RETRY_BUDGET_KEYS, true],
    ['rateLimit', options.rateLimit, RATE_LIMIT_KEYS, false],
    ['auth', options.auth, OAUTH2_KEYS, false],
  ];
  for (const [name, value, keys, canBeFalse] of nested) {
    if (value === undefined || (canBeFalse && value === false)) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      // 'off', 'false', 0, null: say what switches it off rather than guessing what was meant.
      throw new ConfigError(
        `${name} must be an object${canBeFalse ? ' or false (to switch it off)' : ''}; got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `the string "${value.slice(0, 20)}"` : typeof value}.`,
      );
    }
    checkOptionsObject(value, name, keys, ConfigError);
  }
}

function resolveRedirects(value: unknown): RedirectPolicy {
  if (value === undefined) return DEFAULTS.redirects;
  if (typeof value === 'string' && (REDIRECT_POLICIES as readonly string[]).includes(value))
    return value as RedirectPolicy;
  throw new ConfigError(
    `redirects must be one of ${REDIRECT_POLICIES.map((p) => `'${p}'`).join(', ')}; got ${typeof value === 'string' ? `"${value.slice(0, 20)}"` : typeof value}.`,
  );
}

/** A size in bytes: a whole number ≥ 1. */
function byteLimit(
  name: string,
  value: unknown,
  fallback: number,
  Err: typeof ConfigError | typeof InvalidArgumentError,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Err(
      `${name} must be a whole number of bytes ≥ 1 (e.g. 16777216 for 16 MiB); got ${typeof value === 'number' ? String(value) : typeof value}.`,
    );
  }
  return value;
}

/** Per-call options, checked once per call: what the pipeline reads instead of the raw object. */
export interface ResolvedRequestOptions {
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly maxResponseBytes: number | undefined;
}

/**
 * Validates per-call overrides (InvalidArgumentError: they are the call's input, not the client's
 * configuration) and returns the ones that need normalising.
 */
export function validateRequestOptions(options: RequestOptions): ResolvedRequestOptions {
  checkOptionsObject(options, 'Request options', REQUEST_OPTION_KEYS, InvalidArgumentError);
  const Err = InvalidArgumentError;
  if (options.timeoutMs !== undefined) positive('timeoutMs', options.timeoutMs, undefined, Err);
  if (options.deadlineMs !== undefined) positive('deadlineMs', options.deadlineMs, undefined, Err);
  if (options.maxRetries !== undefined) count('maxRetries', options.maxRetries, 0, 0, Err);
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
        : byteLimit('maxResponseBytes', options.maxResponseBytes, 0, Err),
  };
}

function resolveTelemetry(value: OpenTelemetryApi | false | undefined): OpenTelemetryApi | false | undefined {
  if (value === undefined || value === false) return value;
  // Checked at run time too: plain JavaScript may pass anything.
  const api = value as unknown as {
    trace?: { getTracer?: unknown };
    metrics?: { getMeter?: unknown };
  } | null;
  if (typeof api?.trace?.getTracer !== 'function' || typeof api.metrics?.getMeter !== 'function') {
    throw new ConfigError(
      'telemetry must be the @opentelemetry/api module (import * as api from "@opentelemetry/api") or false.',
    );
  }
  return value;
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value;
}

function resolveBaseUrl(raw: unknown, fromEnv: boolean): URL {
  const name = fromEnv ? `baseUrl (from ${ENV_VARS.baseUrl})` : 'baseUrl';
  if (raw === undefined || raw === '') {
    throw new ConfigError(
      `baseUrl is missing: pass \`baseUrl\` (e.g. "https://api.example.com") or set ${ENV_VARS.baseUrl}.`,
    );
  }
  if (typeof raw !== 'string')
    throw new ConfigError('baseUrl must be a string such as "https://api.example.com".');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} "${safeExcerpt(raw)}" is not an absolute URL; use e.g. "https://api.example.com".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http or https, not "${url.protocol}".`);
  }
  if (url.username || url.password) {
    throw new ConfigError(`${name} must not contain credentials; pass apiKey, token or auth instead.`);
  }
  if (url.search || url.hash) throw new ConfigError(`${name} must not have a query string or fragment.`);
  return url;
}

/** What of a bad URL is safe to repeat in a message: no userinfo (with or without a scheme), no query. */
function safeExcerpt(raw: string): string {
  const noQuery = raw.split(/[?#]/, 1)[0] ?? '';
  const noUserinfo = noQuery.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, '$1');
  return noUserinfo.length > 60 ? `${noUserinfo.slice(0, 60)}…` : noUserinfo;
}

function resolveAuth(
  apiKey: string | undefined,
  token: string | TokenProvider | undefined,
  oauth: OAuth2ClientCredentials | undefined,
  baseUrl: URL,
  allowInsecureHttp: boolean,
): ResolvedAuth {
  if (oauth !== undefined) {
    if (typeof (oauth as unknown) !== 'object' || (oauth as unknown) === null)
      throw new ConfigError('auth must be { clientId, clientSecret, scope?, tokenUrl? }.');
    const clientId = credentialString('auth.clientId', oauth.clientId);
    const clientSecret = credentialString('auth.clientSecret', oauth.clientSecret);
    if (clientId === undefined || clientSecret === undefined) {
      throw new ConfigError(
        'auth needs both clientId and clientSecret for the OAuth2 client-credentials flow.',
      );
    }
    const scope = optionalString('auth.scope', oauth.scope);
    const rawTokenUrl = oauth.tokenUrl ?? `${baseUrl.href.replace(/\/+$/, '')}/oauth/token`;
    if (typeof rawTokenUrl !== 'string') throw new ConfigError('auth.tokenUrl must be a string URL.');
    const tokenUrl = resolveTokenUrl(rawTokenUrl, allowInsecureHttp).href;
    return {
      kind: 'oauth2',
      credentials: { clientId, clientSecret, tokenUrl, ...(scope !== undefined ? { scope } : {}) },
    };
  }
  if (token !== undefined) return { kind: 'bearer', token };
  return apiKey !== undefined ? { kind: 'apiKey', apiKey } : { kind: 'none' };
}

function optionalString(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value)) {
    throw new ConfigError(`${name} must be a non-empty single-line string.`);
  }
  return value;
}

/** A credential: a single-line string fetch can put in a header; messages never repeat it. */
function credentialString(name: string, value: unknown): string | undefined {
  const s = optionalString(name, value);
  if (s !== undefined) checkHeaderValue(name, s, ConfigError);
  return s;
}

function numberOption(
  name: string,
  value: unknown,
  fallback: number | undefined,
  ok: (n: number) => boolean,
  what: string,
  Err: typeof ConfigError = ConfigError,
): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Err(`${name} is required and must be ${what}.`);
    return fallback;
  }
  if (typeof value !== 'number' || Number.isNaN(value) || !ok(value)) {
    throw new Err(
      `${name} must be ${what}; got ${typeof value === 'number' ? String(value) : typeof value}.`,
    );
  }
  return value;
}

function positive(
  name: string,
  value: unknown,
  fallback: number | undefined,
  Err: typeof ConfigError = ConfigError,
): number {
  return numberOption(
    name,
    value,
    fallback,
    (n) => n > 0 && n <= 2_147_483_647,
    'a number of ms greater than 0 (at most 2^31−1)',
    Err,
  );
}

/** A rate per second: not a duration, so neither "ms" nor the setTimeout ceiling applies. */
function rate(name: string, value: unknown): number {
  return numberOption(
    name,
    value,
    undefined,
    (n) => n > 0 && Number.isFinite(n),
    'a finite number greater than 0',
  );
}

function nonNegative(name: string, value: unknown, fallback: number): number {
  return numberOption(name, value, fallback, (n) => n >= 0 && Number.isFinite(n), 'a finite number ≥ 0');
}

function atLeast(name: string, value: unknown, fallback: number, min: number): number {
  return numberOption(
    name,
    value,
    fallback,
    (n) => n >= min && Number.isFinite(n),
    `a finite number ≥ ${min}`,
  );
}

function count(
  name: string,
  value: unknown,
  fallback: number,
  min = 0,
  Err: typeof ConfigError = ConfigError,
): number {
  return numberOption(
    name,
    value,
    fallback,
    (n) => Number.isInteger(n) && n >= min,
    `a whole number ≥ ${min}`,
    Err,
  );
}
