// Circuit breaker per client and origin, on cockatiel's CircuitBreakerPolicy with a ConsecutiveBreaker
// (the default) or, with `failureRate`, a SamplingBreaker.
// Counted failures: 5xx responses, connection failures and attempt timeouts. A 4xx (429 included)
// proves the server is up and resets the count; the caller's own abort counts as nothing.
//
// cockatiel is imported on the breaker's first use, not at module load: its module scope creates an
// AbortController (cockatiel#105), which Cloudflare Workers refuse outside a request handler
// ("Disallowed operation called within global scope"). Bundlers inline the dynamic import, so the
// browser bundle keeps one file; only when cockatiel's module code runs changes.
import type { CircuitBreakerPolicy } from 'cockatiel';
import { CircuitOpenError, ConnectionError, TimeoutError } from '../errors.js';
import type { CircuitState, CircuitStateChange } from './events.js';

/** What an attempt returns to the breaker: a response that arrived, whatever its status. */
export interface HasResponse {
  readonly response: Response;
}

/** The breaker's settings, as resolved. */
export interface BreakerSettings {
  readonly failureThreshold: number;
  readonly halfOpenAfterMs: number;
  /** Set to open on a failure rate (over `samplingWindowMs`, given `minimumRps`) instead of a run. */
  readonly failureRate: number | undefined;
  readonly samplingWindowMs: number;
  readonly minimumRps: number;
}

function countsAsFailure(err: unknown): boolean {
  return err instanceof TimeoutError ? err.kind === 'attempt' : err instanceof ConnectionError;
}

export class OriginBreaker {
  private policy: CircuitBreakerPolicy | undefined;
  private isBroken: (err: unknown) => boolean = () => false;
  private loading: Promise<void> | undefined;
  private openedAt = 0;
  private state: CircuitState = 'closed';
  private readonly origin: string;
  private readonly settings: BreakerSettings;
  private readonly onChange: (change: CircuitStateChange) => void;
  private readonly now: () => number;

  constructor(
    origin: string,
    settings: BreakerSettings,
    onChange: (change: CircuitStateChange) => void,
    now: () => number = Date.now,
  ) {
    this.origin = origin;
    this.settings = settings;
    this.onChange = onChange;
    this.now = now;
  }

  /** True while the circuit is open (a retry now would only meet CircuitOpenError). */
  isOpen(): boolean {
    return this.state === 'open';
  }

  /** Runs one attempt through the breaker; throws CircuitOpenError without calling `fn` while open. */
  async execute<T extends HasResponse>(fn: () => Promise<T>): Promise<T> {
    if (!this.policy) await (this.loading ??= this.load());
    try {
      return await (this.policy as CircuitBreakerPolicy).execute<T>(fn);
    } catch (err) {
      if (this.isBroken(err)) {
        const retryAfterMs = Math.max(0, this.openedAt + this.settings.halfOpenAfterMs - this.now());
        throw new CircuitOpenError(
          `Circuit open for ${this.origin} after repeated failures; no request sent. Next trial in ${retryAfterMs} ms.`,
          retryAfterMs,
        );
      }
      throw err;
    }
  }

  private async load(): Promise<void> {
    const s = this.settings;
    const [c, sampling] = await Promise.all([
      import('./cockatiel.js'),
      s.failureRate === undefined ? undefined : import('./cockatiel-sampling.js'),
    ]);
    const names: Readonly<Record<number, CircuitState>> = {
      [c.CircuitState.Closed]: 'closed',
      [c.CircuitState.Open]: 'open',
      [c.CircuitState.HalfOpen]: 'half-open',
      [c.CircuitState.Isolated]: 'open',
    };
    const policy = c.circuitBreaker(
      c.handleWhen(countsAsFailure).orWhenResult((r) => (r as HasResponse).response.status >= 500),
      {
        halfOpenAfter: s.halfOpenAfterMs,
        breaker:
          sampling && s.failureRate !== undefined
            ? new sampling.SamplingBreaker({
                threshold: s.failureRate,
                duration: s.samplingWindowMs,
                minimumRps: s.minimumRps,
              })
            : new c.ConsecutiveBreaker(s.failureThreshold),
      },
    );
    policy.onStateChange((next) => {
      const to = names[next] ?? 'open';
      if (to === 'open') this.openedAt = this.now();
      const from = this.state;
      this.state = to;
      if (from !== to) this.onChange({ origin: this.origin, from, to });
    });
    this.isBroken = (err) => err instanceof c.BrokenCircuitError;
    this.policy = policy;
  }
}
