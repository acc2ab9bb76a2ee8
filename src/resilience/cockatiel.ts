// The parts of cockatiel the breaker uses, in a module of their own so the breaker can import it when
// it first needs it (see breaker.ts) while bundlers still tree-shake cockatiel down to these names. The
// SamplingBreaker (option `circuitBreaker.failureRate`) is in ./cockatiel-sampling.ts, loaded only then.
export { BrokenCircuitError, circuitBreaker, CircuitState, handleWhen } from 'cockatiel';
