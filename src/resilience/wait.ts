// The one place a timer meets an AbortSignal: attempt timers, waits between retries and the concurrency
// queue all use `onTimeoutOrAbort`, so each removes its listener and clears its timer the same way.

/** Why a watch ended. */
export type WatchEnd = 'timeout' | 'abort';

/**
 * Calls `onEnd('timeout')` after `ms` (never when `ms` is Infinity), or `onEnd('abort')` as soon as
 * `signal` aborts, whichever comes first, at most once. The returned function cancels both; call it
 * when the watched work ends first.
 */
export function onTimeoutOrAbort(
  ms: number,
  signal: AbortSignal | undefined,
  onEnd: (end: WatchEnd) => void,
): () => void {
  const timer = Number.isFinite(ms)
    ? setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          onEnd('timeout');
        },
        Math.max(0, ms),
      )
    : undefined;
  function onAbort(): void {
    clearTimeout(timer);
    onEnd('abort');
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  return () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  };
}

/** Resolves after `ms`, or rejects with `signal.reason` as soon as `signal` aborts. */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    onTimeoutOrAbort(ms, signal, (end) => {
      if (end === 'timeout') resolve();
      else reject(signal?.reason as Error);
    });
  });
}
