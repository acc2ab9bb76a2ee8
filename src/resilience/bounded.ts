// Bounds a wait the client does not control (a token function, the shared OAuth2 token request) by
// the call's deadline and signal. The awaited promise itself is left alone: an OAuth2 request shared
// by several calls keeps running under its own timeout when one impatient caller gives up.
import { onTimeoutOrAbort } from './wait.js';

/**
 * Settles like `promise`, or rejects with `onTimeout()` after `msLeft`, or with `onAbort()` when
 * `signal` aborts — whichever comes first.
 */
export function bounded<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  msLeft: number,
  onTimeout: () => Error,
  onAbort: () => Error,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const stop = onTimeoutOrAbort(msLeft, signal, (end) => {
      reject(end === 'timeout' ? onTimeout() : onAbort());
    });
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (err: unknown) => {
        stop();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
