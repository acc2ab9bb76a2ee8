// Where requests go and how they are sent: the base URL (option, then environment), the fetch and its
// options, the headers sent with every request, what happens on a redirect, and the response size cap.
import { envValue, ENV_VARS } from '../env.js';
import { ConfigError } from '../errors.js';
import type { CustomFetch, FetchOptions } from '../transport/fetch.js';
import { normalizeHeaders, type HeadersInput } from '../transport/header-values.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../transport/read-body.js';
import { REDIRECT_POLICIES, type RedirectPolicy } from '../transport/redirects.js';
import { BYTES, checkNumber, checkOneOf } from '../validation.js';

/** Where requests go and how they are sent. */
export interface ConnectionOptions {
  /** API root, e.g. `https://api.example.com`. Env: `USER_MGMT_BASE_URL`. Required. */
  baseUrl?: string | undefined;
  /**
   * The fetch to use: the global one, undici's (with its own `Agent` or `ProxyAgent`), or a test double.
   * @default globalThis.fetch
   */
  fetch?: CustomFetch | undefined;
  /** Options passed to every fetch call, such as an undici `dispatcher`. @default none */
  fetchOptions?: FetchOptions | undefined;
  /**
   * How requests are sent:
   * - `'fetch'`: the global `fetch` (or the `fetch` option). Mocks that intercept fetch (MSW, nock)
   *   see every request, which is why it is the default.
   * - `'undici'` (Node only): undici's Dispatcher API (`undici.request`), the engine beneath Node's fetch
   *   without fetch's per-request overhead — faster, but invisible to fetch mocks. Needs the `undici`
   *   package installed; takes `fetchOptions.dispatcher` (an `Agent`, `ProxyAgent`, `MockAgent`), and
   *   cannot be combined with `fetch`. Timeouts, abort, redirects and the size cap work as with fetch.
   *   In browsers and other non-Node runtimes it is a ConfigError.
   * @default 'fetch'
   */
  transport?: Transport | undefined;
  /**
   * Headers sent with every request: a plain object, a `Headers`, a `Map` or an array of pairs.
   * Never sent to another origin (see `redirects`). @default {}
   */
  headers?: HeadersInput | undefined;
  /**
   * What the client does when the API answers with a redirect (301, 302, 303, 307, 308):
   * - `'same-origin'`: follow at most 5 redirects within the API's origin, never from https to http;
   *   a redirect anywhere else rejects with `RedirectError` and nothing is sent there.
   * - `'none'`: every 3xx (but 304) rejects with `RedirectError`.
   * - `'any-origin'`: follow to other origins too, but without any credential (`Authorization`,
   *   `X-API-Key`, cookies, `Idempotency-Key`, every header of `headers` and of the call's `headers`)
   *   and never with a request body; still never from https to http.
   *
   * Under every setting a 301/302/303 answering anything but GET/HEAD rejects with `RedirectError`
   * rather than silently becoming a GET. In browsers, which follow redirects themselves and hide the
   * target, see docs/SECURITY.md.
   * @default 'same-origin'
   */
  redirects?: RedirectPolicy | undefined;
  /**
   * Largest response body the client reads, in bytes: a larger `Content-Length`, or a body that grows
   * past it while streaming, rejects with `ResponseTooLargeError` and closes the connection. Bounds the
   * memory a broken or hostile server can make the client use (16 MiB is far above any page this API
   * returns, far below what hurts a process). Error bodies are kept on errors cut to 64 KiB.
   * @default 16777216 (16 MiB)
   */
  maxResponseBytes?: number | undefined;
}

/** How requests are sent; see {@link ConnectionOptions.transport}. */
export type Transport = 'fetch' | 'undici';

const TRANSPORTS: readonly Transport[] = ['fetch', 'undici'];

/** Defaults of the connection options. */
export const CONNECTION_DEFAULTS = Object.freeze({
  /** Requests go through fetch, where applications' fetch mocks see them. */
  transport: 'fetch' as const satisfies Transport,
  /** Redirects are followed only within the API's origin. */
  redirects: 'same-origin' as const satisfies RedirectPolicy,
  /** Largest response body read, in bytes (16 MiB). */
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
});

/** The connection options, resolved. */
export interface ResolvedConnection {
  /** The base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly origin: string;
  readonly fetch: CustomFetch | undefined;
  readonly transport: Transport;
  readonly fetchOptions: Readonly<FetchOptions> | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly redirects: RedirectPolicy;
  readonly maxResponseBytes: number;
}

export function resolveConnection(options: ConnectionOptions): ResolvedConnection & { readonly url: URL } {
  const fromEnv = options.baseUrl === undefined ? envValue('baseUrl') : undefined;
  const url = resolveBaseUrl(options.baseUrl ?? fromEnv, fromEnv !== undefined);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigError('fetch must be a function with the signature of globalThis.fetch.');
  }
  const transport = checkOneOf(
    'transport',
    options.transport,
    TRANSPORTS,
    CONNECTION_DEFAULTS.transport,
    "'fetch' or 'undici' (Node only)",
  );
  if (transport === 'undici' && options.fetch !== undefined) {
    throw new ConfigError(
      "fetch and transport 'undici' cannot be combined: undici.request sends the requests; pass a dispatcher in fetchOptions instead, or drop transport to use your fetch.",
    );
  }
  if (transport === 'fetch' && options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new ConfigError(
      'No global fetch here: pass a `fetch` implementation (Node ≥ 18 and browsers have one).',
    );
  }
  const fo: unknown = options.fetchOptions;
  if (fo !== undefined && (typeof fo !== 'object' || fo === null || Array.isArray(fo))) {
    throw new ConfigError('fetchOptions must be an object of fetch options, e.g. { dispatcher }.');
  }
  return {
    url,
    baseUrl: url.href.replace(/\/+$/, ''),
    origin: url.origin,
    fetch: options.fetch,
    transport,
    fetchOptions: options.fetchOptions === undefined ? undefined : Object.freeze({ ...options.fetchOptions }),
    headers: normalizeHeaders(options.headers, 'headers', ConfigError),
    redirects: checkOneOf('redirects', options.redirects, REDIRECT_POLICIES, CONNECTION_DEFAULTS.redirects),
    maxResponseBytes: checkNumber(
      'maxResponseBytes',
      options.maxResponseBytes,
      BYTES,
      CONNECTION_DEFAULTS.maxResponseBytes,
    ),
  };
}

function resolveBaseUrl(raw: unknown, fromEnv: boolean): URL {
  const name = fromEnv ? `baseUrl (from ${ENV_VARS.baseUrl})` : 'baseUrl';
  if (raw === undefined || raw === '') {
    throw new ConfigError(
      `baseUrl is missing: pass \`baseUrl\` (e.g. "https://api.example.com") or set ${ENV_VARS.baseUrl}.`,
    );
  }
  if (typeof raw !== 'string')
    throw new ConfigError('baseUrl must be a string such as "https://api.example.com".');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} "${safeExcerpt(raw)}" is not an absolute URL; use e.g. "https://api.example.com".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http or https, not "${url.protocol}".`);
  }
  if (url.username || url.password) {
    throw new ConfigError(`${name} must not contain credentials; pass apiKey, token or auth instead.`);
  }
  if (url.search || url.hash) throw new ConfigError(`${name} must not have a query string or fragment.`);
  return url;
}

/** What of a bad URL is safe to repeat in a message: no userinfo (with or without a scheme), no query. */
function safeExcerpt(raw: string): string {
  const noQuery = raw.split(/[?#]/, 1)[0] ?? '';
  const noUserinfo = noQuery.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, '$1');
  return noUserinfo.length > 60 ? `${noUserinfo.slice(0, 60)}…` : noUserinfo;
}
