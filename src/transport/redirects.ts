// Redirects, followed by the client itself so it decides what reaches the target. fetch's own
// following ("follow") sends every header but Authorization to any origin, re-sends a 307/308 body
// there, downgrades https to http and turns a redirected POST into a GET — see docs/SECURITY.md.
// In Node (undici), Deno and Workers, `redirect: 'manual'` hands us the 3xx response; browsers give an
// opaque one instead, handled at the end.
import type { FetchLike } from './fetch.js';
import { RedirectError } from '../errors.js';
import { describeCall } from '../describe.js';

/** What the client does with a redirect; see {@link ConnectionOptions.redirects}. */
export type RedirectPolicy = 'same-origin' | 'none' | 'any-origin';

/** The accepted values of `redirects`. */
export const REDIRECT_POLICIES: readonly RedirectPolicy[] = ['same-origin', 'none', 'any-origin'];

/** Redirects followed per request before giving up (fetch's own limit is 20; five is plenty for an API). */
export const MAX_REDIRECTS = 5;

const FOLLOWED = new Set([301, 302, 303, 307, 308]);

/**
 * Headers that may go to another origin under `'any-origin'`: nothing that identifies the caller.
 * Every other header (credentials, cookies, Idempotency-Key, the client's and the call's own headers)
 * is dropped at the first cross-origin hop.
 */
const CROSS_ORIGIN_SAFE = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'user-agent',
  'x-sdk-version',
  'traceparent',
  'tracestate',
]);

export interface RedirectSettings {
  readonly policy: RedirectPolicy;
  /** Lower-case names of headers the caller configured; never sent to another origin. */
  readonly privateHeaders: ReadonlySet<string>;
}

/**
 * Sends `request` and follows its redirects under `settings`; resolves with the first response that
 * is not a followed redirect, or rejects with RedirectError before anything reaches a forbidden target.
 */
export async function fetchWithRedirects(
  fetch: FetchLike,
  request: Request,
  settings: RedirectSettings,
  init?: RequestInit,
): Promise<Response> {
  const first = request.redirect === 'manual' ? request : new Request(request, { redirect: 'manual' });
  // Kept only while a body might have to be sent again (307/308 within the origin).
  const spare = first.body ? first.clone() : undefined;
  const method = first.method;
  let body: ArrayBuffer | undefined;
  let headers: Headers | undefined;
  let current = first;
  for (let hop = 0; ; hop++) {
    // `init` carries the attempt's signal when it is not on the request (see takesSignalInInit).
    const response = await fetch(current, init);
    if (response.type === 'opaqueredirect') return browserRedirect(fetch, first, response, settings, init);
    const location = response.headers.get('location');
    const isRedirect = FOLLOWED.has(response.status) && location !== null;
    const refused =
      settings.policy === 'none' &&
      response.status >= 300 &&
      response.status < 400 &&
      response.status !== 304;
    if (!isRedirect && !refused) return response;
    await response.body?.cancel().catch(() => undefined);
    // Parsed only once a redirect came back: the common answer needs no URL parse.
    const origin = new URL(first.url).origin;

    let target: URL | undefined;
    try {
      target = location === null ? undefined : new URL(location, current.url);
    } catch {
      target = undefined;
    }
    const crossOrigin = target !== undefined && target.origin !== origin;
    const shown = target ? `${target.origin}${target.pathname}` : '';
    const reject = (why: string): RedirectError =>
      new RedirectError(
        {
          status: response.status,
          statusText: response.statusText,
          // The Location header without its query either: it may carry a code or a token.
          headers: { ...headersOf(response), ...(location !== null ? { location: shown } : {}) },
          body: undefined,
          method,
          url: first.url,
          location: shown,
          crossOrigin,
        },
        `${describeCall(method, first.url, false)} → ${response.status} redirect${target ? ` to ${shown}` : ''} not followed: ${why}; nothing was sent there.`,
      );
    if (settings.policy === 'none') throw reject('the client follows no redirects (redirects: "none")');
    if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:'))
      throw reject('the Location is not an http(s) URL');
    if (hop >= MAX_REDIRECTS) throw reject(`more than ${MAX_REDIRECTS} redirects`);
    if (new URL(current.url).protocol === 'https:' && target.protocol === 'http:')
      throw reject('it would leave https for plain http');
    if (crossOrigin && settings.policy === 'same-origin')
      throw reject('it points to another origin (redirects: "same-origin")');
    if (response.status !== 307 && response.status !== 308 && method !== 'GET' && method !== 'HEAD')
      throw reject(`a ${response.status} would turn the ${method} into a GET`);
    if (crossOrigin && spare) throw reject('a request body is never sent to another origin');

    headers ??= new Headers(first.headers);
    if (crossOrigin) dropPrivateHeaders(headers, settings.privateHeaders);
    if (spare && body === undefined) body = await spare.arrayBuffer();
    current = new Request(target.href, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      redirect: 'manual',
      signal: init?.signal ?? first.signal,
    });
  }
}

function dropPrivateHeaders(headers: Headers, privateHeaders: ReadonlySet<string>): void {
  for (const name of [...headers.keys()]) {
    if (!CROSS_ORIGIN_SAFE.has(name) || privateHeaders.has(name)) headers.delete(name);
  }
}

/**
 * Browsers follow redirects themselves and, with `redirect: 'manual'`, show only an opaque response
 * (no status, no Location). Nothing has reached the target yet, so under `'same-origin'` and `'none'`
 * the call stops here. Under `'any-origin'` a request without a body is sent again with the browser's
 * own following (which drops Authorization across origins and lets the target's CORS policy decide
 * on the other headers); a request with a body is refused, since a 307/308 would re-send it.
 */
async function browserRedirect(
  fetch: FetchLike,
  request: Request,
  response: Response,
  settings: RedirectSettings,
  init: RequestInit | undefined,
): Promise<Response> {
  if (settings.policy === 'any-origin' && !request.body) {
    // Built from the parts: `request` may be the SDK's PlainRequest, which `new Request()` cannot copy.
    const again = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: 'follow',
      signal: init?.signal ?? request.signal,
    });
    return fetch(again, init);
  }
  throw new RedirectError(
    {
      status: response.status,
      headers: {},
      body: undefined,
      method: request.method,
      url: request.url,
      location: '',
      // The browser hides the target; an unknown target is treated as a foreign one.
      crossOrigin: true,
    },
    `${describeCall(request.method, request.url, false)} was redirected; this runtime hides the target, so the redirect was not followed (redirects: "${settings.policy}"); nothing was sent there.`,
  );
}

/** Response headers for errors: lower-cased, Set-Cookie redacted. */
export function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    out[key] = key === 'set-cookie' ? '[REDACTED]' : value;
  });
  return out;
}
