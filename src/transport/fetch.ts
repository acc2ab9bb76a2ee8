// The fetch every request goes through: the global one, or the application's own (undici's, a test
// double, an instrumented one) with the application's fetch options (an undici dispatcher, credentials…).
//
// openapi-fetch builds a global `Request` and calls fetch(request). A fetch from another copy of the
// fetch implementation — the `undici` package's, whose `instanceof Request` check fails on Node's global
// Request — reads such an object as a URL string (String(request), "[object Request]") and fails. So
// the first call to an application's fetch is a probe: the request's String() throws a sentinel. A
// fetch that takes our Request never calls it and is called as fetch(request) from then on, at no
// extra cost; one that does is called as fetch(url, init) with every part of the request in `init`,
// which any fetch accepts, starting with the probed call itself (nothing was sent yet).

import { PlainRequest } from './plain-request.js';
import { createUndiciFetch } from './undici.js';

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
 * Whether the client's fetch takes each attempt's AbortSignal as `init.signal` beside the Request
 * (the global fetch and `transport: 'undici'`, which the SDK calls itself) rather than on the Request.
 * Every `new Request(…, { signal })` follows the signal (a listener, a WeakRef, a finalizer), and
 * fetch builds its own Request from the one it is given, so a signal on openapi-fetch's Request is
 * followed twice; passed to fetch, once — as bare openapi-fetch, which passes none, pays. An
 * application's fetch keeps getting it on the Request: a wrapper such as `(req) => f(req)` drops `init`.
 */
export function takesSignalInInit(custom: CustomFetch | undefined, transport: 'fetch' | 'undici'): boolean {
  return custom === undefined || transport === 'undici';
}

/**
 * What the `fetch` option takes: any {@link FetchLike}, and also a fetch typed with its own copy of the
 * fetch types — the `undici` package's `fetch` fits as it is, no cast.
 *
 * The SDK calls it as `fetch(request, init)`, `init` holding the `fetchOptions`. A fetch that does not
 * recognise the global `Request` class and reads the request as a URL string (undici's, whose
 * `instanceof` check fails on Node's global one) is noticed on its first call and from then on called
 * as `fetch(url, init)` with every part of the request in `init` — hence the input type, a Request
 * that may also be read as a string. `init` is typed `never` so that any fetch's own `init` type
 * fits: read `input`, and pass `init` on unchanged.
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
 * The fetch of one client: undici.request under `transport: 'undici'` (undici.ts), else `custom` (or the global fetch, looked up at call time so a fetch patched in
 * later is seen) called with `options`. Redirects and the size cap wrap it (guarded-fetch.ts).
 */
export function createBaseFetch(
  custom: CustomFetch | undefined,
  options: FetchOptions | undefined,
  transport: 'fetch' | 'undici' = 'fetch',
): FetchLike {
  if (transport === 'undici') return createUndiciFetch(options?.dispatcher);
  const init = options && Object.keys(options).length > 0 ? (options as RequestInit) : undefined;
  if (custom === undefined) {
    // The attempt's signal comes as `init.signal` (see takesSignalInInit): fetch's own Request follows
    // it directly, rather than following the Request openapi-fetch built, which would follow it too.
    return (request, extra) => {
      // The SDK's own requests come as PlainRequest (see plain-request.ts): one Request, built by fetch.
      if (request instanceof PlainRequest) {
        const own = request.init(extra?.signal);
        return globalThis.fetch(request.url, init ? Object.assign(own, init) : own);
      }
      return globalThis.fetch(request, init ? { ...init, ...extra } : extra);
    };
  }
  // The custom fetch's response is read only through FetchResponse's members: the cast restates what
  // CustomFetch documents.
  const call = custom as unknown as (input: Request | string, init?: RequestInit) => Promise<Response>;
  let mode: 'probe' | 'request' | 'url' = 'probe';
  const viaUrl = async (request: Request): Promise<Response> =>
    call(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === null ? null : await request.arrayBuffer(),
      signal: request.signal,
      redirect: request.redirect,
      ...init,
    });
  // The first calls find out which of the two this fetch is; a throw that is not ours is a real failure.
  const probe = async (request: Request): Promise<Response> => {
    const sentinel = new Error('the fetch read the request as a URL string');
    Object.defineProperty(request, 'toString', {
      configurable: true,
      value: () => {
        throw sentinel;
      },
    });
    try {
      const response = await call(request, init);
      if (mode === 'probe') mode = 'request';
      return response;
    } catch (err) {
      if (err !== sentinel) throw err;
      mode = 'url';
      return await viaUrl(request);
    } finally {
      delete (request as { toString?: unknown }).toString;
    }
  };
  return (request) => {
    if (mode === 'request') return call(request, init);
    if (mode === 'url') return viaUrl(request);
    return probe(request);
  };
}
