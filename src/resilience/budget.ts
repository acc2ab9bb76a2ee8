// Retry budget (the token-bucket idea of Finagle and gRPC retry throttling, as a sliding window):
// retries may add at most `ratio` to a client's requests, so a full outage is not multiplied by
// (maxRetries + 1). A floor of `minRetries` per window lets a lone call still retry.

const BUCKETS = 10;

export class RetryBudget {
  private readonly bucketMs: number;
  private readonly requests = new Array<number>(BUCKETS).fill(0);
  private readonly retries = new Array<number>(BUCKETS).fill(0);
  private currentBucket = 0;
  private currentStart: number | undefined;
  private readonly ratio: number;
  private readonly minRetries: number;
  private readonly now: () => number;

  constructor(ratio: number, windowMs: number, minRetries: number, now: () => number = Date.now) {
    this.ratio = ratio;
    this.minRetries = minRetries;
    this.now = now;
    this.bucketMs = Math.max(1, windowMs / BUCKETS);
  }

  /** Counts a first attempt. */
  recordRequest(): void {
    this.advance();
    this.requests[this.currentBucket] = (this.requests[this.currentBucket] ?? 0) + 1;
  }

  /** Takes one retry from the budget; false when the budget is spent. */
  tryAcquireRetry(): boolean {
    this.advance();
    const allowed = Math.max(this.minRetries, Math.floor(this.ratio * sum(this.requests)));
    if (sum(this.retries) >= allowed) return false;
    this.retries[this.currentBucket] = (this.retries[this.currentBucket] ?? 0) + 1;
    return true;
  }

  private advance(): void {
    const t = this.now();
    this.currentStart ??= t;
    let steps = Math.floor((t - this.currentStart) / this.bucketMs);
    if (steps <= 0) return;
    this.currentStart += steps * this.bucketMs;
    for (steps = Math.min(steps, BUCKETS); steps > 0; steps--) {
      this.currentBucket = (this.currentBucket + 1) % BUCKETS;
      this.requests[this.currentBucket] = 0;
      this.retries[this.currentBucket] = 0;
    }
  }
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
