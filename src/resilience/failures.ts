// The errors the pipeline builds itself (as opposed to those an attempt produced), with messages
// that say what happened and what the caller can do.
import {
  ApiError,
  ConnectionError,
  errorFromResponse,
  TimeoutError,
  UserManagementError,
  type AttemptRecord,
} from '../errors.js';

/** A mutable attempt record: the wait after it is known only once a retry is decided. */
export type AttemptEntry = { -readonly [K in keyof AttemptRecord]: AttemptRecord[K] };

export function attemptEntry(attempt: number, durationMs: number, error: UserManagementError): AttemptEntry {
  return error instanceof ApiError
    ? { attempt, status: error.status, durationMs, waitMs: 0 }
    : { attempt, error: `${error.name}: ${error.message}`, durationMs, waitMs: 0 };
}

/** A write that broke after it may have reached the server, and that we may not repeat. */
export function unsafeWriteError(error: ConnectionError, operationId: string): ConnectionError {
  return new ConnectionError(
    `${error.message} It was not retried: ${operationId} takes no Idempotency-Key, so a retry could apply the write twice (pass retryNonIdempotent: true to retry anyway).`,
    { cause: error.cause, mayHaveBeenProcessed: true },
  );
}

/** The next wait would end past the deadline: give up now rather than sleep into a timeout. */
export function deadlineError(
  what: string,
  deadlineMs: number,
  retry: number,
  delayMs: number,
  last: Error,
): TimeoutError {
  return new TimeoutError(
    `${what}: the deadline (deadlineMs = ${deadlineMs}) leaves no time for retry ${retry} after ${delayMs} ms; last failure: ${last.message}`,
    { kind: 'deadline', timeoutMs: deadlineMs, cause: last },
  );
}

/** A call that cannot wait out the shared cooldown fails like the response that started it. */
export function coolingError(last: Error | undefined, remainingMs: number, what: string): Error {
  const message = `${what} held back: the server asked this client to wait ${remainingMs} ms more, beyond maxRetryAfterMs or the deadline, so nothing was sent.`;
  if (last instanceof ApiError) {
    return errorFromResponse(
      {
        status: last.status,
        headers: last.headers,
        body: last.body,
        method: last.method,
        url: last.url,
        retryAfterMs: remainingMs,
      },
      message,
    );
  }
  return new ConnectionError(message, { mayHaveBeenProcessed: false });
}
