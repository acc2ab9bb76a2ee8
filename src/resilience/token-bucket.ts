// The token bucket behind the client option `rateLimit` (policies/rate-limit-step.ts), in a module of its
// own so that only clients that set a rate limit load it.

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
