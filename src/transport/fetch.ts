// The fetch every request goes through: the global one, or the application's own (undici's, a test
// double, an instrumented one) with the application's fetch options (an undici dispatcher, credentials…).
//
// openapi-fetch builds a global `Request` and calls fetch(request). A fetch from another copy of the
// fetch implementation — the `undici` package's, whose `instanceof Request` check fails on Node's global
// Request — reads such an object as a URL string ("[object Request]") and fails. So when the
// application brings its own fetch, requests are built as PortableRequest: it prints as its URL and
// every part of it is passed again in `init`, which any fetch accepts.

/**
 * What the SDK reads of a fetch response. Both the global `Response` and the `undici` package's have it
 * (their full types differ in details such as the body stream's type parameter).
 */
export type FetchResponse = Pick<
  Response,
  'ok' | 'status' | 'statusText' | 'headers' | 'url' | 'text' | 'json' | 'arrayBuffer'
>;

/** A fetch implementation: global `fetch`, undici's, or a test double. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * What the `fetch` option takes: any {@link FetchLike}, and also a fetch typed with its own copy of the
 * fetch types — the `undici` package's `fetch` fits as it is, no cast.
 *
 * The SDK calls it as `fetch(request, init)`. `request` is a standard `Request` that also converts to
 * its URL (`String(request)`), which is how a fetch that does not recognise our `Request` class (undici's
 * `instanceof` check fails on Node's global one) still reads it: as the URL, with every other part of the
 * request given again in `init`. `init` is typed `never` so that any fetch's own `init` type fits; a
 * custom fetch should read `request`, and pass `init` on unchanged.
 */
export type CustomFetch = (input: Request & string, init?: never) => Promise<Response | FetchResponse>;

/**
 * Options passed to every fetch call, next to the request.
 * @example
 * ```ts
 * import { Agent } from 'undici';
 * new UserManagementClient({ baseUrl, fetchOptions: { dispatcher: new Agent({ connections: 8 }) } });
 * ```
 */
export interface FetchOptions {
  /**
   * Node and undici: the dispatcher that sends the request — an undici `Agent`, `ProxyAgent` or
   * `MockAgent`. Node's global fetch reads it too (pass one from the same undici major version as
   * Node's, or use undici's own `fetch` with it). @default the global dispatcher
   */
  dispatcher?: object | undefined;
  /** Browsers: whether cookies and HTTP auth go with cross-origin requests. @default 'same-origin' */
  credentials?: RequestCredentials | undefined;
  /** Browsers: the HTTP cache mode. @default 'default' */
  cache?: RequestCache | undefined;
  /** Browsers: CORS mode. @default 'cors' */
  mode?: RequestMode | undefined;
  /** Let the request outlive the page (browsers). @default false */
  keepalive?: boolean | undefined;
  /** Browsers: the referrer policy. @default the document's */
  referrerPolicy?: ReferrerPolicy | undefined;
}

/**
 * A Request class that prints as its URL and remembers its body, so it can be re-sent as (url, init).
 * Made per client, not at import: a module must not touch globals when it loads.
 */
function portableRequestClass() {
  return class PortableRequest extends Request {
    readonly bodyInit: BodyInit | null | undefined;
    constructor(input: RequestInfo | URL, init: RequestInit = {}) {
      super(input, init);
      this.bodyInit = init.body;
    }
    override toString(): string {
      return this.url;
    }
  };
}

/** What openapi-fetch needs to send requests: its `fetch`, and the `Request` class to build them with. */
export interface Transport {
  readonly fetch: (input: Request) => Promise<Response>;
  readonly Request: typeof Request;
}

/** The transport of one client: `custom` (or the global fetch) called with `options`. */
export function createTransport(
  custom: CustomFetch | undefined,
  options: FetchOptions | undefined,
): Transport {
  const init = options && Object.keys(options).length > 0 ? (options as RequestInit) : undefined;
  if (custom === undefined) {
    // Looked up per call, so a fetch patched in later (tests, instrumentation) is seen.
    return {
      fetch: init ? (request) => globalThis.fetch(request, init) : (request) => globalThis.fetch(request),
      Request: globalThis.Request,
    };
  }
  const Portable = portableRequestClass();
  return {
    // The request prints as its URL (Portable), and the custom fetch's response is read only through
    // FetchResponse's members: the casts restate what CustomFetch documents.
    fetch: (request) =>
      (custom as unknown as FetchLike)(
        request,
        request instanceof Portable
          ? {
              method: request.method,
              headers: request.headers,
              body: request.bodyInit ?? null,
              signal: request.signal,
              redirect: request.redirect,
              ...init,
            }
          : init,
      ),
    Request: Portable,
  };
}
