// Circuit breaker per client and origin, on cockatiel's CircuitBreakerPolicy with a ConsecutiveBreaker
// (the default) or, with `failureRate`, a SamplingBreaker.
// Counted failures: 5xx responses, connection failures and attempt timeouts. A 4xx (429 included)
// proves the server is up and resets the count; the caller's own abort counts as nothing.
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState as CockatielState,
  ConsecutiveBreaker,
  SamplingBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { ResolvedCircuitBreaker } from '../config.js';
import { CircuitOpenError, ConnectionError, TimeoutError } from '../errors.js';
import type { CircuitState, CircuitStateChange } from './events.js';

/** What an attempt returns to the breaker: a response that arrived, whatever its status. */
export interface HasResponse {
  readonly response: Response;
}

const STATE_NAMES: Readonly<Record<CockatielState, CircuitState>> = {
  [CockatielState.Closed]: 'closed',
  [CockatielState.Open]: 'open',
  [CockatielState.HalfOpen]: 'half-open',
  [CockatielState.Isolated]: 'open',
};

function countsAsFailure(err: unknown): boolean {
  return err instanceof TimeoutError ? err.kind === 'attempt' : err instanceof ConnectionError;
}

export class OriginBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private openedAt = 0;
  private state: CircuitState = 'closed';
  private readonly origin: string;
  private readonly halfOpenAfterMs: number;

  constructor(
    origin: string,
    settings: ResolvedCircuitBreaker,
    onChange: (change: CircuitStateChange) => void,
  ) {
    this.origin = origin;
    this.halfOpenAfterMs = settings.halfOpenAfterMs;
    const { rate } = settings;
    this.policy = circuitBreaker(
      handleWhen(countsAsFailure).orWhenResult((r) => (r as HasResponse).response.status >= 500),
      {
        halfOpenAfter: settings.halfOpenAfterMs,
        breaker: rate
          ? new SamplingBreaker({
              threshold: rate.failureRate,
              duration: rate.samplingWindowMs,
              minimumRps: rate.minimumRps,
            })
          : new ConsecutiveBreaker(settings.failureThreshold),
      },
    );
    this.policy.onStateChange((next) => {
      const to = STATE_NAMES[next];
      if (to === 'open') this.openedAt = Date.now();
      const from = this.state;
      this.state = to;
      if (from !== to) onChange({ origin, from, to });
    });
  }

  /** True while the circuit is open (a retry now would only meet CircuitOpenError). */
  isOpen(): boolean {
    return this.state === 'open';
  }

  /** Runs one attempt through the breaker; throws CircuitOpenError without calling `fn` while open. */
  async execute<T extends HasResponse>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute<T>(fn);
    } catch (err) {
      if (err instanceof BrokenCircuitError) {
        const retryAfterMs = Math.max(0, this.openedAt + this.halfOpenAfterMs - Date.now());
        throw new CircuitOpenError(
          `Circuit open for ${this.origin} after repeated failures; no request sent. Next trial in ${retryAfterMs} ms.`,
          retryAfterMs,
        );
      }
      throw err;
    }
  }
}
