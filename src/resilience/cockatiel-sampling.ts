// cockatiel's SamplingBreaker, for `circuitBreaker.failureRate` only: a module of its own so that a
// client with the default (consecutive-failure) breaker never loads it.
import { SamplingBreaker, type IBreaker } from 'cockatiel';

/** Opens when more than `threshold` of the attempts over `durationMs` fail, given `minimumRps`. */
export function createSamplingBreaker(threshold: number, durationMs: number, minimumRps: number): IBreaker {
  return new SamplingBreaker({ threshold, duration: durationMs, minimumRps });
}
