// The public surface of user-management-sdk. Everything not exported here is internal.
export { UserManagementClient } from './client.js';
export { UserManagementCore } from './core/user-management-core.js';
export { SDK_VERSION } from './version.js';
// The generated surface — ApiResources, one class per tag (Users, Groups, …), the models, the
// query-parameter and page types — as the explicit list src/generated/index.ts holds. It is generated so
// that a provider's new tag or schema reaches users with no hand-written line; the API report
// (etc/user-management-sdk.api.md) is where every change of it is reviewed.
export * from './generated/index.js';
export { DEFAULT_PAGE_SIZE, type Page } from './http/page.js';
export type { ListAllOptions } from './http/iterate-pages.js';
export type { RedirectPolicy } from './transport/redirects.js';
export type { HeadersInput } from './transport/header-values.js';
export { APIPromise, PagePromise, type WithResponse } from './http/response.js';
export { etagOf } from './http/etag.js';
export type { ModifyFn, ModifyOptions } from './http/modify.js';
export type {
  ResponseBody,
  RequestBody,
  PathParams,
  QueryParams,
  SdkQuery,
  Result,
  Item,
} from './http/api-types.js';
export type { OperationId } from './http/operations.js';
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
} from './config.js';
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
} from './errors.js';
export { LOG_LEVELS, type LogLevel, type Logger } from './logging.js';
export type { Policy, PolicyContext } from './policies/policy.js';
// The options each policy owns; ClientOptions is composed of them.
export type { ConnectionOptions, Transport } from './config/connection.js';
export type { AuthPolicyOptions } from './policies/auth.js';
export type { AttemptPolicyOptions } from './policies/attempt.js';
export type { DeadlinePolicyOptions } from './policies/deadline.js';
export type { RetryPolicyOptions } from './policies/retry.js';
export type { CooldownPolicyOptions } from './policies/cooldown.js';
export type { BreakerPolicyOptions } from './policies/breaker.js';
export type { RateLimitPolicyOptions } from './policies/rate-limit.js';
export type { ConcurrencyPolicyOptions } from './policies/concurrency.js';
export type { LoggingPolicyOptions } from './policies/logging.js';
export type { TelemetryPolicyOptions } from './policies/telemetry.js';
export type { CachePolicyOptions } from './policies/cache.js';
export type { CustomPolicyOptions } from './policies/custom.js';
export type { CustomPolicy, PolicyPosition } from './policies/custom.js';
export type { Outcome } from './transport/attempt.js';
export type { OpenTelemetryApi } from './telemetry/otel.js';
export type { RetryEvent, RetryReason, CircuitState, CircuitStateChange } from './resilience/events.js';
export type { UserSortField, SortOrder, paths } from './http/api-types.js';
