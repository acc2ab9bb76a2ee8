// Which failures are worth another attempt, and which writes are safe to send twice.
import {
  ApiError,
  ConnectionError,
  RedirectError,
  TimeoutError,
  type UserManagementError,
} from '../errors.js';
import type { RetryReason } from './events.js';

/** Statuses that usually mean "try again": timeouts, rate limits and transient server failures. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
/** Methods that are idempotent by definition (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method);
}

export interface RetryDecision {
  readonly retry: boolean;
  readonly reason: RetryReason;
  /** Set when the request was not retried only because a repeat might apply the write twice. */
  readonly unsafeWrite?: boolean;
}

const NO: RetryDecision = { retry: false, reason: 'status' };

/**
 * Answers to a precondition (RFC 9110 §13): 412 says the resource changed under the caller, 304 that it
 * did not. Neither is a transient failure — the same request gets the same answer — so neither is retried,
 * whatever `X-Should-Retry` says.
 */
const PRECONDITION_STATUSES: ReadonlySet<number> = new Set([304, 412]);

/**
 * Decides whether a failed attempt is retried. `safeToRepeat` is true for idempotent methods,
 * for writes carrying an Idempotency-Key, and when the caller opted in with retryNonIdempotent.
 */
export function decideRetry(error: UserManagementError, safeToRepeat: boolean): RetryDecision {
  // A refused redirect comes back the same on every attempt, whatever the server says.
  if (error instanceof RedirectError) return NO;
  if (error instanceof ApiError) {
    if (PRECONDITION_STATUSES.has(error.status)) return NO;
    // The server's explicit word wins either way (as in the OpenAI and Stainless clients).
    const asked = error.headers['x-should-retry'];
    if (asked === 'false') return NO;
    if (asked === 'true') return { retry: true, reason: 'server-asked' };
    if (!RETRYABLE_STATUSES.has(error.status)) return NO;
    // A 429 means the server refused the request before doing it, so even a bare write may repeat.
    if (!safeToRepeat && error.status !== 429) return { retry: false, reason: 'status', unsafeWrite: true };
    return { retry: true, reason: 'status' };
  }
  if (error instanceof TimeoutError) {
    if (error.kind === 'deadline') return { retry: false, reason: 'timeout' };
    return safeToRepeat
      ? { retry: true, reason: 'timeout' }
      : { retry: false, reason: 'timeout', unsafeWrite: true };
  }
  if (error instanceof ConnectionError) {
    if (safeToRepeat || !error.mayHaveBeenProcessed) return { retry: true, reason: 'connection' };
    return { retry: false, reason: 'connection', unsafeWrite: true };
  }
  return NO;
}
