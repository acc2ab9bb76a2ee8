// The fetch every request goes through: the client's own redirect handling, then the body read under
// the size cap. openapi-fetch takes it per request, so per-call settings apply per call.
import { describeCall } from '../describe.js';
import { readsBody } from './body-reading-fetch.js';
import type { FetchLike } from './fetch.js';
import { readCapped } from './read-body.js';
import { fetchWithRedirects, type RedirectPolicy } from './redirects.js';

/** Transport settings of one call (or one client, for `raw`). */
export interface TransportSettings {
  readonly redirects: RedirectPolicy;
  readonly maxResponseBytes: number;
  /** Lower-case names of headers the caller configured; never sent to another origin. */
  readonly privateHeaders: ReadonlySet<string>;
}

/**
 * Wraps `fetch` with redirect handling and the size cap. The result takes `init.signal` (the attempt's
 * signal) and hands it to `fetch` on every hop.
 */
export function createTransport(fetch: FetchLike, settings: TransportSettings): FetchLike {
  const redirects = { policy: settings.redirects, privateHeaders: settings.privateHeaders };
  const limit = settings.maxResponseBytes;
  // `transport: 'undici'` reads the body itself, under the limit it is given, on every hop.
  if (readsBody(fetch))
    return (request, init) => {
      const hop: RequestInit & { maxResponseBytes: number } = {
        signal: init?.signal ?? null,
        maxResponseBytes: limit,
      };
      return fetchWithRedirects(fetch, request, redirects, hop);
    };
  // `init` is at most `{ signal }`: the attempt's signal, when it is not on the request.
  return (request, init) =>
    fetchWithRedirects(fetch, request, redirects, init).then((response) =>
      // The call's description is built only if an error needs it, not on every response.
      readCapped(response, limit, () => describeCall(request.method, request.url, false)),
    );
}

/** The lower-case names of `headers`, for {@link TransportSettings.privateHeaders}. */
export function headerNames(
  ...headers: (Readonly<Record<string, string>> | undefined)[]
): ReadonlySet<string> {
  const names = new Set<string>();
  for (const h of headers) if (h) for (const name of Object.keys(h)) names.add(name.toLowerCase());
  return names;
}
