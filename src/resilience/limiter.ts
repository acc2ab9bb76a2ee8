// Client-side pacing: the shared cooldown after a server's Retry-After. The optional token bucket
// (./token-bucket.ts) and concurrency cap (./concurrency-limit.ts) are modules of their own, loaded only
// by clients that set `rateLimit` or `maxConcurrency`.

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
