// What every SDK method returns: a promise of the parsed body that also offers `.withResponse()`, and for
// paginated operations a promise of one page that is also async-iterable over every item.
// Modelled on openai-node's APIPromise/PagePromise. It implements Promise instead of extending it, so no
// Promise species games: `then` delegates to one lazily derived promise, and nothing extra is created or
// parsed unless asked for — `.withResponse()` reads the same outcome the plain await does.
import type { Outcome } from '../transport/attempt.js';
import type { Page } from './page.js';

/** A successful call with its response: what `.withResponse()` resolves to. */
export interface WithResponse<T> {
  /** What awaiting the call alone resolves to. */
  data: T;
  /** The HTTP response (its body already read). */
  response: Response;
  /** The server's `X-Request-Id`, when it sent one. */
  requestId: string | undefined;
  /**
   * The version of what came back (the `ETag` header), when the server sent one: pass it as `ifMatch` to
   * write only if nobody changed the resource since. The same as `etagOf(data)` for a single resource.
   */
  etag: string | undefined;
}

/**
 * The result of an SDK method: await it for the response body, or call `.withResponse()` for the body
 * together with the HTTP response and the server's request id. The request is sent once either way.
 * @example
 * ```ts
 * const user = await client.users.get(1);
 * const { data, response, requestId, etag } = await client.users.get(1).withResponse();
 * ```
 */
export class APIPromise<T> implements Promise<T> {
  readonly #outcome: Promise<Outcome>;
  readonly #parse: (outcome: Outcome) => T;
  #parsed: Promise<T> | undefined;

  /** @internal Created by the SDK's methods. */
  constructor(outcome: Promise<Outcome>, parse: (outcome: Outcome) => T) {
    this.#outcome = outcome;
    this.#parse = parse;
  }

  /** Resolves to the body together with the response and its `X-Request-Id`. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#outcome.then((outcome) => ({
      data: this.#parse(outcome),
      response: outcome.response,
      requestId: outcome.response.headers.get('x-request-id') ?? undefined,
      etag: outcome.response.headers.get('etag') ?? undefined,
    }));
  }

  /** The parsed body, derived once from the outcome. */
  #value(): Promise<T> {
    this.#parsed ??= this.#outcome.then(this.#parse);
    return this.#parsed;
  }

  /** Attaches callbacks for the body or the error, like `Promise.prototype.then`. */
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#value().then(onfulfilled, onrejected);
  }

  /** Attaches a callback for the error, like `Promise.prototype.catch`. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#value().catch(onrejected);
  }

  /** Attaches a callback run either way, like `Promise.prototype.finally`. */
  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally);
  }

  /** `Promise`, so `Object.prototype.toString` and `util.types` see a promise. */
  get [Symbol.toStringTag](): string {
    return 'Promise';
  }
}

/**
 * The result of a paginated method: await it for one {@link Page}, or iterate it with `for await` for every
 * item of this and the following pages (fetched one at a time, only as the loop asks; `break` stops).
 * @example
 * ```ts
 * const { data, total, hasNextPage } = await client.users.list({ limit: 50 });
 * for await (const user of client.users.list({ limit: 50 })) console.log(user.email);
 * ```
 */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  readonly #iterate: () => AsyncGenerator<T, void, undefined>;

  /** @internal Created by the SDK's paginated methods. */
  constructor(
    outcome: Promise<Outcome>,
    parse: (outcome: Outcome) => Page<T>,
    iterate: () => AsyncGenerator<T, void, undefined>,
  ) {
    super(outcome, parse);
    this.#iterate = iterate;
  }

  /** Every item of this page and the pages after it. */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    return this.#iterate();
  }
}
