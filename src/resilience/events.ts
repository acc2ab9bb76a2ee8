// Payloads of the resilience hooks (`onRetry`, `onCircuitStateChange`).

/** Why a retry happens. */
export type RetryReason = 'status' | 'connection' | 'timeout' | 'server-asked' | 'auth-refresh';

/** Passed to `onRetry` before the client waits and tries again. */
export interface RetryEvent {
  /** The attempt that just failed (1-based). */
  readonly attempt: number;
  /** How long the client will wait before the next attempt, in ms. */
  readonly delayMs: number;
  /** What made this attempt retryable. */
  readonly reason: RetryReason;
  /** The error the failed attempt produced. */
  readonly error: Error;
  /** The response, when one arrived. */
  readonly response: Response | undefined;
  /** Operation being retried, e.g. `getUser`. */
  readonly operationId: string;
}

/** States of a circuit breaker. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Passed to `onCircuitStateChange`. */
export interface CircuitStateChange {
  /** The origin whose breaker changed. */
  readonly origin: string;
  /** The state before the change. */
  readonly from: CircuitState;
  /** The state after the change. */
  readonly to: CircuitState;
}
