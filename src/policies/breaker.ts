// The circuit breaker, per client and origin: after repeated failures it fails calls at once with
// CircuitOpenError instead of sending them, then lets one trial through after halfOpenAfterMs. It sits
// inside the retries and the client-side pacing, around the attempt: it counts what the server did.
import type { CircuitStateChange } from '../resilience/events.js';
import { ConfigError } from '../errors.js';
import { checkNestedOptions, keysOf } from '../options/check-shape.js';
import { OriginBreaker } from '../resilience/breaker.js';
import {
  checkNumber,
  checkOptionalFunction,
  DURATION_MS,
  FRACTION,
  POSITIVE,
  wholeNumber,
} from '../validation.js';
import type { CallContext, Next } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Circuit breaker settings. */
export interface CircuitBreakerOptions {
  /** Consecutive counted failures (5xx, connection failures, timeouts) that open the circuit. @default 5 */
  failureThreshold?: number | undefined;
  /** How long the circuit stays open before one trial request, in ms. @default 10000 */
  halfOpenAfterMs?: number | undefined;
  /**
   * Open on a failure rate instead of a run of failures: the share (between 0 and 1, exclusive) of
   * counted failures among attempts over `samplingWindowMs`. Suits servers that fail at random rather
   * than all at once; `failureThreshold` is then unused. @default off (open after `failureThreshold` in a row)
   */
  failureRate?: number | undefined;
  /** With `failureRate`: the sliding window the rate is measured over, in ms. @default 10000 */
  samplingWindowMs?: number | undefined;
  /** With `failureRate`: fewest attempts per second before the rate can open the circuit. @default 5 */
  minimumRps?: number | undefined;
}

/** Options of the circuit-breaker policy. */
export interface BreakerPolicyOptions {
  /** Circuit breaker per origin, or `false` to switch it off. @default { failureThreshold: 5, halfOpenAfterMs: 10000 } */
  circuitBreaker?: CircuitBreakerOptions | false | undefined;
  /** Called when a circuit breaker changes state. */
  onCircuitStateChange?: ((event: CircuitStateChange) => void) | undefined;
}

/** Defaults of the circuit-breaker policy. */
export const BREAKER_DEFAULTS = Object.freeze({
  /** Circuit breaker per origin. */
  circuitBreaker: Object.freeze({
    /** Consecutive counted failures that open the circuit. */
    failureThreshold: 5,
    /** How long the circuit stays open before one trial request, in ms. */
    halfOpenAfterMs: 10_000,
    /** With `failureRate`: the sliding window the rate is measured over, in ms. */
    samplingWindowMs: 10_000,
    /** With `failureRate`: fewest attempts per second before the rate can open the circuit. */
    minimumRps: 5,
  }),
});

/** Circuit breaker settings as resolved. */
export interface ResolvedCircuitBreaker {
  readonly failureThreshold: number;
  readonly halfOpenAfterMs: number;
  /** Set when the breaker opens on a failure rate rather than a run. */
  readonly failureRate: number | undefined;
  readonly samplingWindowMs: number;
  readonly minimumRps: number;
}

/** The circuit-breaker policy's options, resolved. */
export interface ResolvedBreaker {
  readonly circuitBreaker: ResolvedCircuitBreaker | false;
  readonly onCircuitStateChange: ((event: CircuitStateChange) => void) | undefined;
}

const CIRCUIT_BREAKER_KEYS = keysOf<CircuitBreakerOptions>({
  failureThreshold: true,
  halfOpenAfterMs: true,
  failureRate: true,
  samplingWindowMs: true,
  minimumRps: true,
});

export function resolveBreaker(options: BreakerPolicyOptions): ResolvedBreaker {
  checkNestedOptions('circuitBreaker', options.circuitBreaker, CIRCUIT_BREAKER_KEYS, true, ConfigError);
  const cb = options.circuitBreaker;
  const d = BREAKER_DEFAULTS.circuitBreaker;
  return {
    circuitBreaker:
      cb === false
        ? false
        : Object.freeze({
            failureThreshold: checkNumber(
              'circuitBreaker.failureThreshold',
              cb?.failureThreshold,
              wholeNumber(1),
              d.failureThreshold,
            ),
            halfOpenAfterMs: checkNumber(
              'circuitBreaker.halfOpenAfterMs',
              cb?.halfOpenAfterMs,
              DURATION_MS,
              d.halfOpenAfterMs,
            ),
            failureRate:
              cb?.failureRate === undefined
                ? undefined
                : checkNumber('circuitBreaker.failureRate', cb.failureRate, FRACTION),
            samplingWindowMs: checkNumber(
              'circuitBreaker.samplingWindowMs',
              cb?.samplingWindowMs,
              DURATION_MS,
              d.samplingWindowMs,
            ),
            minimumRps: checkNumber('circuitBreaker.minimumRps', cb?.minimumRps, POSITIVE, d.minimumRps),
          }),
    onCircuitStateChange: checkOptionalFunction('onCircuitStateChange', options.onCircuitStateChange),
  };
}

/** Runs the rest of the attempt through the client's breaker. */
export function breakerPolicy(breaker: OriginBreaker): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return (_ctx, next) => breaker.execute(next);
}
