// The public surface of user-management-sdk. Everything not exported here is internal.
export { UserManagementClient } from './client.js';
export { SDK_VERSION } from './version.js';
export { Users, DEFAULT_PAGE_SIZE, type ListUsersParams, type UserPage } from './resources/users.js';
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
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  RequestAbortedError,
  CircuitOpenError,
  QueueFullError,
  type ApiErrorInit,
  type AttemptRecord,
  type FieldError,
  type RateLimitInfo,
  type TimeoutKind,
} from './errors.js';
export { LOG_LEVELS, type LogLevel, type Logger } from './logging.js';
export type { Policy, PolicyContext } from './policies/policy.js';
export type { CustomPolicy, PolicyPosition } from './policies/custom.js';
export type { Outcome } from './transport/attempt.js';
export type { OpenTelemetryApi } from './telemetry/otel.js';
export type { RetryEvent, RetryReason, CircuitState, CircuitStateChange } from './resilience/events.js';
export type {
  User,
  NewUser,
  UserReplace,
  UserPatch,
  Problem,
  Address,
  Company,
  UserSortField,
  SortOrder,
  paths,
} from './http/api-types.js';
