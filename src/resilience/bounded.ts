// Bounds a wait the client does not control (a token function, the shared OAuth2 token request) by
// the call's deadline and signal. The awaited promise itself is left alone: an OAuth2 request shared
// by several calls keeps running under its own timeout when one impatient caller gives up.

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
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
    const abort = (): void => {
      done();
      reject(onAbort());
    };
    const timer = setTimeout(
      () => {
        done();
        reject(onTimeout());
      },
      Math.max(0, msLeft),
    );
    signal?.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (err: unknown) => {
        done();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
