// One call's context: the plan (what to send), the per-call options checked once and merged over the
// client's, and the state the policies share while the call runs.
import {
  validateRequestOptions,
  type RequestOptions,
  type ResolvedConfig,
  type ResolvedRequestOptions,
} from '../config.js';
import { describeCall } from '../errors.js';
import { allowSharedSignal } from '../platform.js';
import type { CacheHint, CallContext } from '../policies/policy.js';
import { isIdempotentMethod } from '../resilience/retry.js';
import type { Send } from '../transport/attempt.js';
import type { FetchLike } from '../transport/fetch.js';

/** One logical call: what to send, described for messages and decisions. */
export interface CallPlan {
  readonly operationId: string;
  /** What the pipeline needs of the operation (the generated table's entry has more). */
  readonly op: {
    readonly method: string;
    /** The path template, e.g. `/users/{id}`. */
    readonly path: string;
    /** Whether the operation takes an Idempotency-Key, which makes a write safe to retry. */
    readonly acceptsIdempotencyKey: boolean;
  };
  /** Absolute URL of the request (no query string), for errors and logs. */
  readonly url: string;
  readonly send: Send;
  /** The request body, for policies and debug logs (redacted there). */
  readonly body?: unknown;
  /** What the response cache needs of the call; absent where it cannot say. */
  readonly cache?: CacheHint | undefined;
}

const NO_OPTIONS: RequestOptions = Object.freeze({});
/** What a call without options resolves to: no overrides. */
export const NO_OVERRIDES: ResolvedRequestOptions = Object.freeze({
  headers: undefined,
  maxResponseBytes: undefined,
});

/**
 * The context of one call. Per-call options are checked first (a bad one is the caller's, never retried
 * or counted); `transportFor` gives the fetch (redirects, size cap) for the call's overrides.
 */
export function createCallContext(
  plan: CallPlan,
  options: RequestOptions | undefined,
  config: ResolvedConfig,
  transportFor: (overrides: ResolvedRequestOptions) => FetchLike,
  start: number,
): CallContext {
  // Only undefined means "no options": null is the caller's mistake, refused below.
  const o = options === undefined ? NO_OPTIONS : options;
  const overrides = o === NO_OPTIONS ? NO_OVERRIDES : validateRequestOptions(o);
  const { op } = plan;
  const signal = o.signal;
  if (signal) allowSharedSignal(signal);
  const headers: Record<string, string> = { ...overrides.headers };
  if (op.acceptsIdempotencyKey) {
    // One key per logical call, reused on every attempt, so the server can deduplicate.
    headers['Idempotency-Key'] = o.idempotencyKey ?? globalThis.crypto.randomUUID();
  }
  let description: string | undefined;
  return {
    operationId: plan.operationId,
    method: op.method,
    path: op.path,
    url: plan.url,
    // Built on first read (a message or a log line): describing parses the URL, which a call that
    // succeeds quietly never needs.
    get description(): string {
      return (description ??= describeCall(op.method, plan.url));
    },
    body: plan.body,
    signal,
    attempt: 0,
    headers,
    send: plan.send,
    fetch: transportFor(overrides),
    start,
    timeoutMs: o.timeoutMs ?? config.timeoutMs,
    deadlineMs: o.deadlineMs ?? config.deadlineMs,
    // Set by the deadline policy.
    deadlineAt: Number.POSITIVE_INFINITY,
    maxRetries: o.maxRetries ?? config.maxRetries,
    safeToRepeat:
      isIdempotentMethod(op.method) ||
      op.acceptsIdempotencyKey ||
      (o.retryNonIdempotent ?? config.retryNonIdempotent),
    attempts: [],
    retries: 0,
    refreshAuth: false,
    trace: undefined,
    cache: plan.cache,
  };
}
