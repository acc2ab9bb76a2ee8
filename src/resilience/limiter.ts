// Client-side pacing: the shared cooldown after a server's Retry-After and an optional concurrency cap
// with a bounded queue. The token bucket of the optional rate limit is in ./token-bucket.ts, loaded only
// by clients that set `rateLimit`.
import { QueueFullError } from '../errors.js';
import { onTimeoutOrAbort } from './wait.js';

const MAX_COOLDOWN_MS = 24 * 60 * 60 * 1000;

/** When a 429/503 said "come back later", new requests to that origin hold back until then. */
export class Cooldown {
  private until = 0;
  /** What the server said, kept so a call that cannot wait can fail with the same error class. */
  lastError: Error | undefined;

  extend(ms: number, error: Error, now: number = Date.now()): void {
    // A server asking for more than a day is more likely broken than right; don't stall the client forever.
    const until = now + Math.min(ms, MAX_COOLDOWN_MS);
    if (until > this.until) {
      this.until = until;
      this.lastError = error;
    }
  }

  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.until - now);
  }
}

/**
 * Caps requests in flight; `queue` more may wait (first come, first served), beyond that calls reject
 * with QueueFullError. Hand-written rather than cockatiel's bulkhead, whose queued calls keep their
 * slot after an abort and can strand the calls behind them (cockatiel 3.2.1).
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: { start: () => void }[] = [];
  private readonly limit: number;
  private readonly queue: number;

  constructor(limit: number, queue: number) {
    this.limit = limit;
    this.queue = queue;
  }

  /**
   * Runs `fn` when a slot is free. Rejects with `signal.reason` at once if the signal aborts first,
   * and with `onTimeout()` if no slot frees within `maxWaitMs`.
   */
  async run<T>(
    fn: () => Promise<T>,
    signal: AbortSignal | undefined,
    maxWaitMs = Infinity,
    onTimeout?: () => Error,
  ): Promise<T> {
    if (signal?.aborted) throw signal.reason;
    // A queued call inherits the slot of the call that hands over to it, so no newcomer can slip in between.
    if (this.active >= this.limit) await this.enqueue(signal, maxWaitMs, onTimeout);
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next.start();
      else this.active--;
    }
  }

  private enqueue(
    signal: AbortSignal | undefined,
    maxWaitMs: number,
    onTimeout: (() => Error) | undefined,
  ): Promise<void> {
    if (this.waiting.length >= this.queue) {
      return Promise.reject(
        new QueueFullError(
          `Too many requests queued: ${this.limit} in flight and ${this.queue} waiting (maxConcurrency, maxQueue). Slow down or raise maxQueue.`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      // Leaving the queue at once hands the place to the calls behind.
      const stop = onTimeoutOrAbort(onTimeout ? maxWaitMs : Infinity, signal, (end) => {
        const i = this.waiting.indexOf(entry);
        if (i !== -1) this.waiting.splice(i, 1);
        reject(end === 'abort' || !onTimeout ? (signal?.reason as Error) : onTimeout());
      });
      const entry = {
        start: () => {
          stop();
          resolve();
        },
      };
      this.waiting.push(entry);
    });
  }
}
