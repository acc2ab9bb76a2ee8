// Where requests go and how they are sent: the base URL (option, then environment), the fetch and its
// options, and the headers sent with every request.
import { envValue, ENV_VARS } from '../env.js';
import { ConfigError } from '../errors.js';
import type { CustomFetch, FetchOptions } from '../transport/fetch.js';
import { checkHeaders } from '../validation.js';

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
  /** Headers sent with every request. @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** The connection options, resolved. */
export interface ResolvedConnection {
  /** The base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly origin: string;
  readonly fetch: CustomFetch | undefined;
  readonly fetchOptions: Readonly<FetchOptions> | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

export function resolveConnection(options: ConnectionOptions): ResolvedConnection & { readonly url: URL } {
  const fromEnv = options.baseUrl === undefined ? envValue('baseUrl') : undefined;
  const url = resolveBaseUrl(options.baseUrl ?? fromEnv, fromEnv !== undefined);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigError('fetch must be a function with the signature of globalThis.fetch.');
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
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
    fetchOptions: options.fetchOptions === undefined ? undefined : Object.freeze({ ...options.fetchOptions }),
    headers: checkHeaders('headers', options.headers),
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
