/**
 * `user-management-sdk/core`: {@link UserManagementCore}, the SDK's request machinery — the same options,
 * resilience pipeline (retries, circuit breaker, timeouts, deadline, auth, logging, telemetry) and
 * transport as `UserManagementClient`, without the resources, the operation table or `raw`. Call the
 * API with the standalone functions of `user-management-sdk/funcs`; a bundler then keeps only the
 * operations an application calls. The client stays the default; this pair is for the smallest bundle.
 *
 * The error classes are exported here too, and they are the same classes as the main entry's:
 * `instanceof ApiError` holds whichever of the two an application imports them from.
 *
 * @example
 * ```ts
 * import { UserManagementCore, NotFoundError } from 'user-management-sdk/core';
 * import { usersGet } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com', apiKey: 'key' });
 * try {
 *   console.log(await usersGet(core, 1));
 * } catch (err) {
 *   if (err instanceof NotFoundError) console.log('no such user');
 *   else throw err;
 * }
 * ```
 *
 * @packageDocumentation
 * @module user-management-sdk/core
 */
export { UserManagementCore } from './user-management-core.js';
export {
  DEFAULTS,
  type ClientOptions,
  type RequestOptions,
  type FetchLike,
  type FetchOptions,
  type CustomFetch,
  type FetchResponse,
  type TokenProvider,
  type OAuth2ClientCredentials,
  type BackoffOptions,
  type CircuitBreakerOptions,
  type RetryBudgetOptions,
  type RateLimitOptions,
  type CacheOptions,
} from '../config.js';
export type { RedirectPolicy } from '../transport/redirects.js';
export type { HeadersInput } from '../transport/header-values.js';
export { LOG_LEVELS, type LogLevel, type Logger } from '../logging.js';
export type { Policy, PolicyContext } from '../policies/policy.js';
export type { CustomPolicy, PolicyPosition } from '../policies/custom.js';
export type { Outcome } from '../transport/attempt.js';
export type { OpenTelemetryApi } from '../telemetry/otel.js';
export type { RetryEvent, RetryReason, CircuitState, CircuitStateChange } from '../resilience/events.js';
export type { APIPromise, PagePromise, WithResponse } from '../http/response.js';
export type { Page } from '../http/page.js';
export {
  UserManagementError,
  ConfigError,
  InvalidArgumentError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  RequestAbortedError,
  CircuitOpenError,
  QueueFullError,
  RedirectError,
  ResponseTooLargeError,
  type ApiErrorInit,
  type RedirectErrorInit,
  type AttemptRecord,
  type FieldError,
  type Problem,
  type RateLimitInfo,
  type TimeoutKind,
} from '../errors.js';
// The options each policy owns; ClientOptions is composed of them.
export type { ConnectionOptions, Transport } from '../config/connection.js';
export type { AuthPolicyOptions } from '../policies/auth.js';
export type { AttemptPolicyOptions } from '../policies/attempt.js';
export type { DeadlinePolicyOptions } from '../policies/deadline.js';
export type { RetryPolicyOptions } from '../policies/retry.js';
export type { CooldownPolicyOptions } from '../policies/cooldown.js';
export type { BreakerPolicyOptions } from '../policies/breaker.js';
export type { RateLimitPolicyOptions } from '../policies/rate-limit.js';
export type { ConcurrencyPolicyOptions } from '../policies/concurrency.js';
export type { LoggingPolicyOptions } from '../policies/logging.js';
export type { TelemetryPolicyOptions } from '../policies/telemetry.js';
export type { CachePolicyOptions } from '../policies/cache.js';
export type { CustomPolicyOptions } from '../policies/custom.js';
