// Circuit breaker per client and origin, on cockatiel's CircuitBreakerPolicy with a consecutive-failure
// count (the default) or, with `failureRate`, a SamplingBreaker.
// Counted failures: 5xx responses, connection failures and attempt timeouts. A 4xx (429 included)
// proves the server is up and resets the count; the caller's own abort counts as nothing.
//
// cockatiel is imported with import(), not at module load: its module scope creates an AbortController
// (cockatiel#105), which Cloudflare Workers refuse outside a request handler ("Disallowed operation
// called within global scope"), and in a browser it is a chunk of its own (2.6 kB gzip) that an app
// whose calls succeed never needs. The consecutive breaker loads it at its first counted failure, not
// its first call: a closed circuit with no failure has nothing to decide, and until cockatiel is there
// the run of failures is counted here, synchronously, by the same counter cockatiel is then handed as
// its breaker (ConsecutiveBreaker's three lines, restated so the count exists before cockatiel does).
// Nothing waits for the chunk on the way: a failure is counted (and the circuit opens at the threshold)
// at the moment cockatiel would have done it, so a call's timing and the breaker's decisions are those
// of cockatiel alone. Only a half-open trial needs cockatiel's policy; it waits for the chunk, asked for
// at least `failureThreshold` failures and `halfOpenAfterMs` earlier. When the chunk arrives, the policy
// starts from the state reached here (cockatiel's `initialState`, the shape of its own toJSON()).
// The rate-based breaker counts every attempt, so it loads cockatiel (and the SamplingBreaker) on its
// first call, as before.
import type { IBreaker } from 'cockatiel';
import { loadOnce } from '../load-once.js';
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

/** Loads the parts of cockatiel the breaker uses (./cockatiel.ts); injected by tests to hold the chunk back. */
export type LoadCockatiel = () => Promise<typeof import('./cockatiel.js')>;

function countsAsFailure(err: unknown): boolean {
  return err instanceof TimeoutError ? err.kind === 'attempt' : err instanceof ConnectionError;
}

const isFailedResponse = (r: HasResponse): boolean => r.response.status >= 500;

/** Counted failures in a row; cockatiel's ConsecutiveBreaker, whose `state` is the count. */
class FailureRun implements IBreaker {
  state = 0;
  readonly #threshold: number;
  constructor(threshold: number) {
    this.#threshold = threshold;
  }
  success(): void {
    this.state = 0;
  }
  failure(): boolean {
    return ++this.state >= this.#threshold;
  }
}

/** A call through cockatiel's policy. */
type ThroughPolicy = <T>(fn: () => Promise<T>) => Promise<T>;

export class OriginBreaker {
  /** The call through cockatiel's policy, once loaded. */
  #policy: ThroughPolicy | undefined;
  readonly #loadPolicy: () => Promise<ThroughPolicy>;
  readonly #run: FailureRun;
  /** When the circuit opened, on the injected clock (for CircuitOpenError's retryAfterMs). */
  #openedAt = 0;
  /** When the circuit opened before cockatiel was there, on Date.now() (cockatiel's own clock). */
  #openedAtDate = 0;
  #state: CircuitState = 'closed';
  readonly #origin: string;
  readonly #settings: BreakerSettings;
  readonly #onChange: (change: CircuitStateChange) => void;
  readonly #now: () => number;

  constructor(
    origin: string,
    settings: BreakerSettings,
    onChange: (change: CircuitStateChange) => void,
    now: () => number = Date.now,
    load: LoadCockatiel = () => import('./cockatiel.js'),
  ) {
    this.#origin = origin;
    this.#settings = settings;
    this.#onChange = onChange;
    this.#now = now;
    this.#run = new FailureRun(settings.failureThreshold);
    this.#loadPolicy = loadOnce('circuit breaker', async () => {
      const [c, sampling] = await Promise.all([
        load(),
        settings.failureRate === undefined ? undefined : import('./cockatiel-sampling.js'),
      ]);
      return (this.#policy = c.createPolicy({
        halfOpenAfterMs: settings.halfOpenAfterMs,
        ...(sampling && settings.failureRate !== undefined
          ? {
              breaker: sampling.createSamplingBreaker(
                settings.failureRate,
                settings.samplingWindowMs,
                settings.minimumRps,
              ),
            }
          : { breaker: this.#run, resume: { open: this.#state === 'open', openedAt: this.#openedAtDate } }),
        isFailure: countsAsFailure,
        isFailedResult: (r) => isFailedResponse(r as HasResponse),
        onStateChange: (to) => {
          this.#setState(to);
        },
        openError: () => this.#openError(),
      }));
    });
  }

  /** True while the circuit is open (a retry now would only meet CircuitOpenError). */
  isOpen(): boolean {
    return this.#state === 'open';
  }

  /** Runs one attempt through the breaker; throws CircuitOpenError without calling `fn` while open. */
  execute<T extends HasResponse>(fn: () => Promise<T>): Promise<T> {
    if (this.#policy) return this.#policy(fn);
    if (this.#settings.failureRate !== undefined) return this.#loadPolicy().then((run) => run(fn));
    if (this.#state === 'closed') return this.#counted(fn);
    if (Date.now() - this.#openedAtDate < this.#settings.halfOpenAfterMs)
      return Promise.reject(this.#openError());
    // Time for the trial, cockatiel's to run: the chunk was asked for at the first failure.
    return this.#loadPolicy().then((run) => run(fn));
  }

  #openError(): CircuitOpenError {
    const retryAfterMs = Math.max(0, this.#openedAt + this.#settings.halfOpenAfterMs - this.#now());
    return new CircuitOpenError(
      `Circuit open for ${this.#origin} after repeated failures; no request sent. Next trial in ${retryAfterMs} ms.`,
      retryAfterMs,
    );
  }

  /**
   * A call while the circuit is closed and cockatiel not loaded: sent at once, its outcome counted as
   * cockatiel's closed state would count it (a 5xx or counted error fails, any other response succeeds,
   * an uncounted error is not recorded), at the same moment.
   */
  #counted<T extends HasResponse>(fn: () => Promise<T>): Promise<T> {
    return fn().then(
      (result) => this.#settle(isFailedResponse(result), result, () => Promise.resolve(result)),
      (err: unknown) => {
        if (!countsAsFailure(err)) throw err;
        return this.#settle<T>(true, undefined, () => {
          throw err;
        });
      },
    );
  }

  #settle<T extends HasResponse>(
    failed: boolean,
    result: T | undefined,
    replay: () => Promise<T>,
  ): T | Promise<T> {
    if (this.#policy) {
      // cockatiel arrived while this call was out: a closed policy records it exactly as if it had
      // run there; an open or half-open one would only have counted it (cockatiel's open() does
      // nothing to an open circuit), which the shared run does. Cockatiel's half-open state would also
      // reopen on such a stale failure; here only the trial decides.
      if (this.#state === 'closed') return this.#policy(replay);
      if (failed) this.#run.failure();
      else this.#run.success();
      return result ?? replay();
    }
    if (!failed) {
      this.#run.success();
      return result ?? replay();
    }
    void this.#loadPolicy().catch(() => undefined); // a failed load is reported when a trial needs it
    if (this.#run.failure() && this.#state === 'closed') {
      this.#openedAtDate = Date.now();
      this.#setState('open');
    }
    return result ?? replay();
  }

  #setState(to: CircuitState): void {
    if (to === 'open') this.#openedAt = this.#now();
    const from = this.#state;
    this.#state = to;
    if (from !== to) this.#onChange({ origin: this.#origin, from, to });
  }
}
