// The parts of cockatiel the breaker uses, in a module of their own so the breaker can import it on
// first use (see breaker.ts) while bundlers still tree-shake cockatiel down to these names. The
// SamplingBreaker (option `circuitBreaker.failureRate`) is in ./cockatiel-sampling.ts, loaded only then.
export { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen } from 'cockatiel';
