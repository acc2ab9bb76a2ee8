// What the client does with a redirect (see redirects.ts, which sends the first hop): follows it within
// the rules of its `redirects` setting, or refuses it with RedirectError before anything reaches the
// target. A chunk of its own, loaded with import() at the first redirect a client meets.
import type { FetchLike } from './fetch.js';
import { RedirectError } from '../errors.js';
import { describeCall } from '../describe.js';
import { headersOf, isRedirectToHandle, MAX_REDIRECTS, type RedirectSettings } from './redirect-rules.js';

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

/**
 * Goes on from `response`, the redirect that `first` (sent with `redirect: 'manual'`) got back: follows
 * it and the redirects after it under `settings`, resolving with the first response that is not one, or
 * rejects with RedirectError. `spare` is a clone of the request kept for re-sending its body.
 */
export async function followRedirects(
  fetch: FetchLike,
  first: Request,
  spare: Request | undefined,
  response: Response,
  settings: RedirectSettings,
  init: RequestInit | undefined,
): Promise<Response> {
  const method = first.method;
  let body: ArrayBuffer | undefined;
  let headers: Headers | undefined;
  let current = first;
  for (let hop = 0; ; hop++) {
    if (hop > 0) {
      response = await fetch(current, init);
      if (!isRedirectToHandle(response, settings.policy)) return response;
    }
    if (response.type === 'opaqueredirect') return browserRedirect(fetch, first, response, settings, init);
    const location = response.headers.get('location');
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
