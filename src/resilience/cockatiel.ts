// cockatiel's CircuitBreakerPolicy, set up for the breaker (./breaker.ts), which loads this module with
// import() when it first needs it; bundlers keep cockatiel in this chunk, tree-shaken to what is used
// here. The SamplingBreaker (option `circuitBreaker.failureRate`) is in ./cockatiel-sampling.ts, loaded
// only then.
import { BrokenCircuitError, circuitBreaker, CircuitState, handleWhen, type IBreaker } from 'cockatiel';
import type { CircuitState as StateName } from './events.js';

/** What the breaker hands cockatiel. */
export interface PolicySetup {
  readonly halfOpenAfterMs: number;
  readonly breaker: IBreaker;
  /**
   * Where the breaker's own count got to before cockatiel was loaded (consecutive breaker only): the
   * circuit open since `openedAt` (on Date.now(), cockatiel's clock), or closed with `breaker.state`
   * failures in a row.
   */
  readonly resume?: { readonly open: boolean; readonly openedAt: number } | undefined;
  readonly isFailure: (err: unknown) => boolean;
  readonly isFailedResult: (result: unknown) => boolean;
  readonly onStateChange: (to: StateName) => void;
  /** The error a call gets while the circuit is open. */
  readonly openError: () => Error;
}

/** cockatiel's states, by their enum value (Closed, Open, HalfOpen, Isolated). */
const NAMES: readonly StateName[] = ['closed', 'open', 'half-open', 'open'];

/** A circuit breaker on cockatiel: runs `fn` through it, or throws `openError()` while it is open. */
export function createPolicy(s: PolicySetup): <T>(fn: () => Promise<T>) => Promise<T> {
  const { resume } = s;
  const policy = circuitBreaker(handleWhen(s.isFailure).orWhenResult(s.isFailedResult), {
    halfOpenAfter: s.halfOpenAfterMs,
    breaker: s.breaker,
    // In the shape of cockatiel's own toJSON(), which `initialState` takes back.
    ...(resume && {
      initialState: {
        ownState: resume.open
          ? { value: CircuitState.Open, openedAt: resume.openedAt, attemptNo: 1 }
          : { value: CircuitState.Closed },
        breakerState: s.breaker.state,
      },
    }),
  });
  policy.onStateChange((state) => {
    s.onStateChange(NAMES[state] ?? 'open');
  });
  return (fn) =>
    policy.execute(fn).catch((err: unknown) => {
      throw err instanceof BrokenCircuitError ? s.openError() : err;
    });
}
