// The concurrency cap behind the client option `maxConcurrency` (policies/concurrency-step.ts), with a
// bounded queue: a module of its own so that only clients that set a cap load it.
import { QueueFullError } from '../errors.js';
import { onTimeoutOrAbort } from './wait.js';

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
