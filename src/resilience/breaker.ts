// Circuit breaker per client and origin, on cockatiel's CircuitBreakerPolicy with a ConsecutiveBreaker
// (the default) or, with `failureRate`, a SamplingBreaker.
// Counted failures: 5xx responses, connection failures and attempt timeouts. A 4xx (429 included)
// proves the server is up and resets the count; the caller's own abort counts as nothing.
//
// cockatiel is imported when the breaker first needs it (the first counted failure; with `failureRate`,
// the first attempt), not at module load: its module scope creates an AbortController (cockatiel#105),
// which Cloudflare Workers refuse outside a request handler ("Disallowed operation called within global
// scope"). In the browser build it is a chunk of its own, so an application whose calls succeed never
// downloads it.
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
    if (!this.policy) {
      // A consecutive-failure breaker that has seen no failure is closed with a count of zero, and a
      // success changes nothing: until the first failure, the attempt runs directly and cockatiel is not
      // loaded (an application whose calls succeed never downloads it). The first failure loads it and is
      // counted there, exactly as if it had run through it. The failure-rate breaker counts successes
      // too, so it loads cockatiel before its first attempt.
      if (this.settings.failureRate === undefined && !this.loading) return this.runUntilFirstFailure(fn);
      await (this.loading ??= this.load());
    }
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

  private async runUntilFirstFailure<T extends HasResponse>(fn: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      if (countsAsFailure(err))
        await this.record(() => {
          throw err;
        });
      throw err;
    }
    // A 5xx is a failure; a success after another call's failure loaded cockatiel resets the count there.
    if (result.response.status >= 500 || this.loading) await this.record(() => Promise.resolve(result));
    return result;
  }

  /** Counts an attempt that already ran (directly, before cockatiel was loaded) in cockatiel's breaker. */
  private async record(outcome: () => Promise<HasResponse>): Promise<void> {
    await (this.loading ??= this.load());
    // The attempt's own result or error is what the caller gets; this only updates the count and state
    // (cockatiel rethrows the failure, or refuses with BrokenCircuitError if the circuit opened meanwhile).
    await (this.policy as CircuitBreakerPolicy).execute(outcome).catch(() => undefined);
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
