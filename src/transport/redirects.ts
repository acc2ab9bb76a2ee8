// Redirects, followed by the client itself so it decides what reaches the target. fetch's own
// following ("follow") sends every header but Authorization to any origin, re-sends a 307/308 body
// there, downgrades https to http and turns a redirected POST into a GET — see docs/SECURITY.md.
// In Node (undici), Deno and Workers, `redirect: 'manual'` hands us the 3xx response; browsers give an
// opaque one instead.
//
// Only the first hop is here: what follows a redirect (or refuses it) is ./follow-redirects.ts, a chunk
// loaded with import() at the first 3xx that needs it. A call answered without a redirect — nearly
// every call of an API client — never loads it.
import type { FetchLike } from './fetch.js';
import { loadFailed } from '../load-once.js';
import { isRedirectToHandle, type RedirectSettings } from './redirect-rules.js';

export { headersOf, REDIRECT_POLICIES, type RedirectPolicy } from './redirect-rules.js';

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
  // `init` carries the attempt's signal when it is not on the request (see takesSignalInInit).
  const response = await fetch(first, init);
  if (!isRedirectToHandle(response, settings.policy)) return response;
  const follow = await import('./follow-redirects.js').catch((err: unknown) =>
    loadFailed('redirect handling', err),
  );
  return follow.followRedirects(fetch, first, spare, response, settings, init);
}
