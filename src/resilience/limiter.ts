// Client-side pacing: the shared cooldown after a server's Retry-After, an optional token bucket,
// and an optional concurrency cap with a bounded queue (cockatiel's bulkhead).
import { bulkhead, BulkheadRejectedError, type BulkheadPolicy } from 'cockatiel';
import { QueueFullError } from '../errors.js';

/** When a 429/503 said "come back later", new requests to that origin hold back until then. */
export class Cooldown {
  private until = 0;
  /** What the server said, kept so a call that cannot wait can fail with the same error class. */
  lastError: Error | undefined;

  extend(ms: number, error: Error, now: number = Date.now()): void {
    if (now + ms > this.until) {
      this.until = now + ms;
      this.lastError = error;
    }
  }

  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.until - now);
  }
}

/** A token bucket: `ratePerSecond` sustained, `burst` at once. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly ratePerSecond: number;
  private readonly burst: number;
  private readonly now: () => number;

  constructor(ratePerSecond: number, burst: number, now: () => number = Date.now) {
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.now = now;
    this.tokens = burst;
    this.last = now();
  }

  /** Reserves one token and returns how long to wait before using it, in ms. */
  reserve(): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }
}

/** Caps requests in flight; `queue` more may wait, beyond that calls reject with QueueFullError. */
export class ConcurrencyLimit {
  private readonly policy: BulkheadPolicy;
  private readonly limit: number;
  private readonly queue: number;

  constructor(limit: number, queue: number) {
    this.limit = limit;
    this.queue = queue;
    this.policy = bulkhead(limit, queue);
  }

  run<T>(fn: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const running = this.policy.execute(fn, signal).catch((err: unknown) => {
      if (err instanceof BulkheadRejectedError) {
        throw new QueueFullError(
          `Too many requests queued: ${this.limit} in flight and ${this.queue} waiting (maxConcurrency, maxQueue). Slow down or raise maxQueue.`,
        );
      }
      throw err;
    });
    if (!signal) return running;
    // The bulkhead only notices an abort when the queued call's turn comes; give up at once instead.
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => { reject(signal.reason as Error); };
      signal.addEventListener('abort', onAbort, { once: true });
      running.then(resolve, reject).finally(() => { signal.removeEventListener('abort', onAbort); });
    });
  }
}
