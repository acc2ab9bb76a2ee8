// Exponential backoff with "full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"):
// spreading retries uniformly over [0, ceiling) is what keeps many clients from retrying in lockstep.

export interface BackoffParams {
  readonly baseDelayMs: number;
  readonly multiplier: number;
  readonly maxDelayMs: number;
}

/** The ceiling for the wait before retry number `retry` (1-based). */
export function backoffCeiling(retry: number, p: BackoffParams): number {
  const exp = p.baseDelayMs * p.multiplier ** Math.max(0, retry - 1);
  return Math.min(p.maxDelayMs, Number.isFinite(exp) ? exp : p.maxDelayMs);
}

/** Wait before retry number `retry`: uniform in [0, ceiling). `random` returns [0, 1). */
export function computeBackoff(retry: number, p: BackoffParams, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeiling(retry, p));
}
