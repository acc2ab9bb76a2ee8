// The shape every policy has — Azure core-rest-pipeline's sendRequest(request, next), cockatiel's
// wrap(...) — and the state of one call that the SDK's own policies share.
import { RequestAbortedError, UserManagementError } from '../errors.js';
import type { AttemptEntry } from '../resilience/failures.js';
import type { CallTrace } from '../telemetry/otel.js';
import type { Outcome, Send } from '../transport/attempt.js';
import type { FetchLike } from '../transport/fetch.js';

/** What a policy sees of a call, and the headers it may change. */
export interface PolicyContext {
  /** The operation, e.g. `getUser`. */
  readonly operationId: string;
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The path template from the spec, e.g. `/users/{id}`. */
  readonly path: string;
  /** The absolute URL of the request, without the query string. */
  readonly url: string;
  /** How messages and logs name the call, e.g. `GET /users/42`. */
  readonly description: string;
  /** The request body as passed to the SDK method (serialized to JSON when sent), if any. */
  readonly body: unknown;
  /** The caller's signal, if any. */
  readonly signal: AbortSignal | undefined;
  /** The attempt being made, from 1; 0 in a `perCall` policy, which runs before any attempt. */
  readonly attempt: number;
  /**
   * Headers to send, over the client's. A `perCall` policy's changes are kept for every attempt; a
   * `perAttempt` policy works on a fresh copy each attempt.
   */
  headers: Record<string, string>;
}

/** The rest of the pipeline, as seen from a policy: the policies after it, then the attempt. */
export type Next = () => Promise<Outcome>;

/**
 * One step of the request pipeline: does its work around `next()` — which runs the policies after it
 * and the attempt — and returns the outcome, or throws.
 * @example
 * ```ts
 * const timing: Policy = async (ctx, next) => {
 *   const start = performance.now();
 *   try {
 *     return await next();
 *   } finally {
 *     metrics.record(ctx.operationId, performance.now() - start);
 *   }
 * };
 * ```
 */
export type Policy = (ctx: PolicyContext, next: () => Promise<Outcome>) => Promise<Outcome>;

/** The state of one call, shared by the SDK's own policies; user policies see it as PolicyContext. */
export interface CallContext extends PolicyContext {
  attempt: number;
  readonly send: Send;
  /** The fetch of this call: the client's, under redirect handling and the size cap for this call. */
  readonly fetch: FetchLike;
  readonly start: number;
  /** Per-attempt timeout, in ms (the call's or the client's). */
  readonly timeoutMs: number;
  /** Total time for the call, in ms (the call's or the client's). */
  readonly deadlineMs: number;
  /** When the call must end (ms since the epoch); set by the deadline policy. */
  deadlineAt: number;
  readonly maxRetries: number;
  /** An idempotent method, a write under an Idempotency-Key, or retryNonIdempotent. */
  readonly safeToRepeat: boolean;
  readonly attempts: AttemptEntry[];
  /** Retries made so far. */
  retries: number;
  /** Set by the retry policy after a 401: the auth policy fetches a new token for the next attempt. */
  refreshAuth: boolean;
  /** The call's trace, when telemetry records one. */
  trace: CallTrace | undefined;
  /** What the response cache needs of the call (from the operation table); absent for `raw` paths the spec lacks. */
  readonly cache?: CacheHint | undefined;
}

/**
 * Thrown by a policy that ends the call before anything is sent (an abort while waiting, a cooldown or
 * rate limit that outlasts the deadline, a credential that cannot be had): the retry policy passes
 * `error` on as it is, neither recorded as an attempt nor retried.
 */
export class StopCall extends Error {
  override readonly name = 'StopCall';
  readonly error: unknown;
  constructor(error: unknown) {
    super('The call ends before anything is sent.');
    this.error = error;
  }
}

/** The error for a call the caller's signal aborted. */
export function abortedError(ctx: PolicyContext): RequestAbortedError {
  return new RequestAbortedError(`${ctx.description} was aborted by the caller.`, {
    cause: ctx.signal?.reason,
  });
}

/**
 * The error a call ends with: ours as it is, anything else wrapped; stamped with the attempts made and
 * the time taken. Idempotent, so an error may pass several policies on its way out.
 */
export function finishError(ctx: CallContext, err: unknown, now: number): UserManagementError {
  const error =
    err instanceof UserManagementError
      ? err
      : new UserManagementError(`${ctx.description} failed unexpectedly.`, { cause: err });
  if (error.attempts !== ctx.attempts) {
    error.attempts = ctx.attempts;
    error.elapsedMs = now - ctx.start;
  }
  return error;
}

/** What the response cache (policies/cache.ts) needs to know of one call; set by the core from the operation table. */
export interface CacheHint {
  /** The full URL, query included (with the credential identity, the entry's key). */
  readonly key: string;
  /** The operation's tag: a write evicts the tag's lists. */
  readonly tag: string;
  /** Whether the operation is a paginated list. */
  readonly list: boolean;
  /** Whether the response may be kept and revalidated (a GET that declares If-None-Match, not bypassed). */
  readonly store: boolean;
}
