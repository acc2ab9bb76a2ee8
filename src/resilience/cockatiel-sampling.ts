// cockatiel's SamplingBreaker, for `circuitBreaker.failureRate` only: a module of its own so that a
// client with the default (consecutive-failure) breaker never loads it.
export { SamplingBreaker } from 'cockatiel';
