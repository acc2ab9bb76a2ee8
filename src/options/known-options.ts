// The option names the client and its methods accept, checked by the compiler against the option
// types (`satisfies`), so a new option cannot be forgotten here and a typo in plain JavaScript is
// caught at run time with the nearest valid name.
import type {
  BackoffOptions,
  CircuitBreakerOptions,
  ClientOptions,
  OAuth2ClientCredentials,
  RateLimitOptions,
  RequestOptions,
  RetryBudgetOptions,
} from '../config.js';

type AllKeys<T> = { readonly [K in keyof Required<T>]: true };

const keys = <T>(o: AllKeys<T>): readonly string[] => Object.freeze(Object.keys(o));

export const CLIENT_OPTION_KEYS = keys<ClientOptions>({
  baseUrl: true,
  apiKey: true,
  token: true,
  auth: true,
  fetch: true,
  headers: true,
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
  dangerouslyAllowBrowser: true,
  telemetry: true,
  redirects: true,
  maxResponseBytes: true,
  allowInsecureHttp: true,
  cache: true,
});

export const REQUEST_OPTION_KEYS = keys<RequestOptions>({
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

export const BACKOFF_KEYS = keys<BackoffOptions>({ baseDelayMs: true, multiplier: true, maxDelayMs: true });
export const CIRCUIT_BREAKER_KEYS = keys<CircuitBreakerOptions>({
  failureThreshold: true,
  halfOpenAfterMs: true,
  failureRate: true,
  samplingWindowMs: true,
  minimumRps: true,
});
export const RETRY_BUDGET_KEYS = keys<RetryBudgetOptions>({ ratio: true, windowMs: true, minRetries: true });
export const RATE_LIMIT_KEYS = keys<RateLimitOptions>({ requestsPerSecond: true, burst: true });
export const OAUTH2_KEYS = keys<OAuth2ClientCredentials>({
  clientId: true,
  clientSecret: true,
  scope: true,
  tokenUrl: true,
});
