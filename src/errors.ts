// The error tree of the SDK. errorFromResponse() is the only place an HTTP status becomes a class.
// It imports nothing above it: the problem-details shape is declared in error-details.ts, and
// src/http/api-types.ts checks at compile time that the spec's Problem schema still matches it.
import {
  asProblem,
  describeApiError,
  parseRateLimit,
  type ApiErrorInit,
  type AttemptRecord,
  type FieldError,
  type Problem,
  type RateLimitInfo,
} from './error-details.js';

export { describeCall, pathOf, snippet } from './describe.js';
export type { ApiErrorInit, AttemptRecord, FieldError, Problem, RateLimitInfo } from './error-details.js';

/** Base class of every error the SDK throws. */
export class UserManagementError extends Error {
  /** Always `'UserManagementError'`, even in minified builds. */
  override readonly name: string = 'UserManagementError';
  /** Every attempt the call made, in order (empty for errors raised before any request). */
  attempts: readonly AttemptRecord[] = [];
  /** Time from the start of the call to this error, in ms. */
  elapsedMs = 0;
}

/** The client was configured wrongly; the message says what to fix. Never retried. */
export class ConfigError extends UserManagementError {
  /** Always `'ConfigError'`, even in minified builds. */
  override readonly name: string = 'ConfigError';
}

/** An SDK method was called with an argument it cannot send (for example a non-integer id). Nothing was sent. */
export class InvalidArgumentError extends UserManagementError {
  /** Always `'InvalidArgumentError'`, even in minified builds. */
  override readonly name: string = 'InvalidArgumentError';
}

/** The server answered with an error status. */
export class ApiError extends UserManagementError {
  /** Always `'ApiError'`, even in minified builds. */
  override readonly name: string = 'ApiError';
  /** HTTP status code. */
  readonly status: number;
  /** Response headers, lower-cased (Set-Cookie redacted). */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed body (JSON when it was JSON, else the raw text, or undefined when empty). */
  readonly body: unknown;
  /** RFC 9457 problem details, when the body was one. */
  readonly problem: Problem | undefined;
  /** The server's `X-Request-Id`, for support tickets. */
  readonly requestId: string | undefined;
  /** HTTP method of the request. */
  readonly method: string;
  /** URL of the request, with credentials and query secrets removed. */
  readonly url: string;
  /** When the server said when to come back (Retry-After), how long from now, in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit, message?: string) {
    const problem = asProblem(init.body);
    super(message ?? describeApiError(init, problem));
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.problem = problem;
    this.requestId = init.headers['x-request-id'];
    this.method = init.method;
    this.url = init.url;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 400 Bad Request. */
export class BadRequestError extends ApiError {
  /** Always `'BadRequestError'`, even in minified builds. */
  override readonly name: string = 'BadRequestError';
}
/** 401 Unauthorized: credentials missing, wrong or expired. */
export class AuthenticationError extends ApiError {
  /** Always `'AuthenticationError'`, even in minified builds. */
  override readonly name: string = 'AuthenticationError';
}
/** 403 Forbidden: the credentials do not allow this. */
export class PermissionDeniedError extends ApiError {
  /** Always `'PermissionDeniedError'`, even in minified builds. */
  override readonly name: string = 'PermissionDeniedError';
}
/** 404 Not Found. */
export class NotFoundError extends ApiError {
  /** Always `'NotFoundError'`, even in minified builds. */
  override readonly name: string = 'NotFoundError';
}
/** 409 Conflict. */
export class ConflictError extends ApiError {
  /** Always `'ConflictError'`, even in minified builds. */
  override readonly name: string = 'ConflictError';
}
/**
 * 412 Precondition Failed: the resource is no longer at the version sent in `ifMatch` — someone else
 * changed it since you read it — and the server changed nothing. Never retried as a transient failure:
 * read it again and decide (or let `modify()` do that).
 * @example
 * ```ts
 * try {
 *   await client.users.update(1, { name: 'Ada' }, { ifMatch: user });
 * } catch (err) {
 *   if (err instanceof PreconditionFailedError) user = await client.users.get(1); // re-read, re-apply
 *   else throw err;
 * }
 * ```
 */
export class PreconditionFailedError extends ApiError {
  /** Always `'PreconditionFailedError'`, even in minified builds. */
  override readonly name: string = 'PreconditionFailedError';
}
/** 422 Unprocessable Entity: validation failed; see `fieldErrors`. */
export class UnprocessableEntityError extends ApiError {
  /** Always `'UnprocessableEntityError'`, even in minified builds. */
  override readonly name: string = 'UnprocessableEntityError';
  /** The failed fields, from the problem's `errors[]` (empty when the server sent none). */
  readonly fieldErrors: readonly FieldError[];
  constructor(init: ApiErrorInit, message?: string) {
    super(init, message);
    this.fieldErrors = this.problem?.errors ?? [];
  }
}

/** 429 Too Many Requests; `retryAfterMs` says when to come back. */
export class RateLimitError extends ApiError {
  /** Always `'RateLimitError'`, even in minified builds. */
  override readonly name: string = 'RateLimitError';
  /** The parsed `RateLimit-Limit/Remaining/Reset` headers. */
  readonly rateLimit: RateLimitInfo;
  constructor(init: ApiErrorInit, message?: string) {
    super(init, message);
    this.rateLimit = parseRateLimit(init.headers);
  }
}

/** A 5xx status. */
export class InternalServerError extends ApiError {
  /** Always `'InternalServerError'`, even in minified builds. */
  override readonly name: string = 'InternalServerError';
}

/** No usable response: the connection failed (refused, reset, DNS). The original error is in `cause`. */
export class ConnectionError extends UserManagementError {
  /** Always `'ConnectionError'`, even in minified builds. */
  override readonly name: string = 'ConnectionError';
  /** False only when the request certainly never reached the server (for example, connection refused). */
  readonly mayHaveBeenProcessed: boolean;
  constructor(message: string, options: { cause?: unknown; mayHaveBeenProcessed?: boolean } = {}) {
    super(message, options);
    this.mayHaveBeenProcessed = options.mayHaveBeenProcessed ?? true;
  }
}

/** Which clock fired: the per-attempt timeout or the deadline across all attempts. */
export type TimeoutKind = 'attempt' | 'deadline';

/** The per-attempt timeout (`timeoutMs`) or the total deadline (`deadlineMs`) ran out. */
export class TimeoutError extends ConnectionError {
  /** Always `'TimeoutError'`, even in minified builds. */
  override readonly name: string = 'TimeoutError';
  /** Which limit fired. */
  readonly kind: TimeoutKind;
  /** The limit that fired, in ms. */
  readonly timeoutMs: number;
  constructor(message: string, options: { kind: TimeoutKind; timeoutMs: number; cause?: unknown }) {
    super(message, { cause: options.cause, mayHaveBeenProcessed: true });
    this.kind = options.kind;
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller's `signal` aborted the call. The signal's reason is in `cause`. */
export class RequestAbortedError extends UserManagementError {
  /** Always `'RequestAbortedError'`, even in minified builds. */
  override readonly name: string = 'RequestAbortedError';
}

/** The circuit breaker is open: the call failed at once without sending anything. */
export class CircuitOpenError extends UserManagementError {
  /** Always `'CircuitOpenError'`, even in minified builds. */
  override readonly name: string = 'CircuitOpenError';
  /** How long until the breaker lets a trial request through, in ms. */
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The client-side concurrency queue is full; the call was not sent. */
export class QueueFullError extends UserManagementError {
  /** Always `'QueueFullError'`, even in minified builds. */
  override readonly name: string = 'QueueFullError';
}

/** What a {@link RedirectError} is built from. */
export interface RedirectErrorInit extends ApiErrorInit {
  /** Where the server pointed, without its query string or fragment (empty when the runtime hides it). */
  readonly location: string;
  /** Whether the redirect pointed to another origin (scheme, host or port) than the request's. */
  readonly crossOrigin: boolean;
}

/**
 * The server answered with a redirect the client would not follow under its `redirects` setting
 * (another origin, https → http, a method change, too many hops, or any redirect with `'none'`).
 * Nothing was sent to the redirect's target. Never retried.
 */
export class RedirectError extends ApiError {
  /** Always `'RedirectError'`, even in minified builds. */
  override readonly name: string = 'RedirectError';
  /** Where the server pointed, without its query string or fragment (empty when the runtime hides it). */
  readonly location: string;
  /** Whether the redirect pointed to another origin than the request's. */
  readonly crossOrigin: boolean;
  constructor(init: RedirectErrorInit, message: string) {
    super(init, message);
    this.location = init.location;
    this.crossOrigin = init.crossOrigin;
  }
}

/**
 * The response body is larger than `maxResponseBytes`: the client stopped reading at the limit and
 * closed the connection. Never retried; a larger body would come back just as large.
 */
export class ResponseTooLargeError extends UserManagementError {
  /** Always `'ResponseTooLargeError'`, even in minified builds. */
  override readonly name: string = 'ResponseTooLargeError';
  /** The limit that was exceeded, in bytes. */
  readonly limitBytes: number;
  constructor(message: string, limitBytes: number) {
    super(message);
    this.limitBytes = limitBytes;
  }
}

const STATUS_CLASSES: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  412: PreconditionFailedError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Maps an error response to the matching ApiError subclass. */
export function errorFromResponse(init: ApiErrorInit, message?: string): ApiError {
  const Class = STATUS_CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new Class(init, message);
}
