// The public surface of user-management-sdk. Everything not exported here is internal.
export { UserManagementClient } from './client.js';
export { SDK_VERSION } from './version.js';
export {
  Users,
  DEFAULT_PAGE_SIZE,
  type ListUsersParams,
  type ListAllOptions,
  type UserPage,
} from './resources/users.js';
export type { RedirectPolicy } from './http/redirects.js';
export type { HeadersInput } from './http/header-values.js';
export {
  DEFAULTS,
  type ClientOptions,
  type RequestOptions,
  type FetchLike,
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
  RedirectError,
  ResponseTooLargeError,
  type ApiErrorInit,
  type RedirectErrorInit,
  type AttemptRecord,
  type FieldError,
  type RateLimitInfo,
  type TimeoutKind,
} from './errors.js';
export { LOG_LEVELS, type LogLevel, type Logger } from './logging.js';
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
