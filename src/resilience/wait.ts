// The one place a timer meets an AbortSignal: attempt timeouts (on the client's shared clock), waits
// between retries and the concurrency queue all use `onTimeoutOrAbort`, so each removes its listener and
// clears its timer the same way.

/** Why a watch ended. */
export type WatchEnd = 'timeout' | 'abort';

import type { TimeoutClock } from './timeout-clock.js';

/**
 * Calls `onEnd('timeout')` after `ms` (never when `ms` is Infinity; on `clock` when given), or `onEnd('abort')` as soon as
 * `signal` aborts, whichever comes first, at most once. The returned function cancels both; call it
 * when the watched work ends first.
 */
export function onTimeoutOrAbort(
  ms: number,
  signal: AbortSignal | undefined,
  onEnd: (end: WatchEnd) => void,
  clock?: TimeoutClock,
): () => void {
  let watching = true;
  const onTimeout = (): void => {
    if (!watching) return;
    watching = false;
    signal?.removeEventListener('abort', onAbort);
    onEnd('timeout');
  };
  const timed = Number.isFinite(ms);
  // On the client's shared clock (attempt timeouts), else a timer of its own. Nothing left (a wait that
  // started late, e.g. after a chunk loaded on first use) ends on a microtask, not a 0 ms timer, which
  // would let it run a timer turn past its end (and never, under a fake clock nobody advances).
  const entry = timed && clock ? clock.watch(ms, onTimeout) : undefined;
  const timer = timed && !clock && ms > 0 ? setTimeout(onTimeout, ms) : undefined;
  if (timed && !clock && ms <= 0) queueMicrotask(onTimeout);
  const stopTimer = (): void => {
    watching = false;
    clearTimeout(timer);
    if (entry) clock?.cancel(entry);
  };
  function onAbort(): void {
    stopTimer();
    onEnd('abort');
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  return () => {
    stopTimer();
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
