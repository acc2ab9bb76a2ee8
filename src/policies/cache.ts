// The opt-in revalidating response cache (client option `cache`), as a policy around each attempt.
// A GET the spec says can be revalidated is kept when it came with an ETag; the next identical GET
// (same full URL, same credentials) sends If-None-Match, and a 304 is answered from the kept body —
// a fresh parse each time, so no caller can change what the next one gets. A response the server marked
// fresh (Cache-Control max-age) is answered without asking at all. A successful write drops the resource,
// anything under it and the lists of its tag. RFC 9110 §13.1.2, RFC 9111 §4.3 (a private cache).
//
// It sits right after auth, inside retry: it sees the attempt's own credentials (a refreshed token is
// another key), and turns a 304 into the kept answer before the breaker and retry see it, so a 304 is
// never a failure. It comes before the attempt span and the application's perAttempt policies, so they
// see (and may sign) the If-None-Match it adds, and a fresh hit makes no attempt at all.
import { ConfigError } from '../errors.js';
import { checkNestedOptions, keysOf } from '../options/check-shape.js';
import { checkNumber, wholeNumber } from '../validation.js';
import type { Outcome } from '../transport/attempt.js';
import {
  credentialId,
  entryBytes,
  freshnessMs,
  ResponseCache,
  type CacheEntry,
  type CacheOptions,
} from './cache-store.js';
import type { CallContext, Next } from './policy.js';

export type { CacheHint } from './policy.js';

export type { CacheOptions } from './cache-store.js';

/** Options of the cache policy. */
export interface CachePolicyOptions {
  /**
   * An in-memory cache of GET responses that came with an ETag, revalidated on every use: the next
   * identical GET sends `If-None-Match`, and a `304 Not Modified` is answered from the cache (a fresh copy).
   * Kept per client, keyed by full URL and credentials, bounded by `maxEntries` and `maxBytes` (least
   * recently used out first); a successful write evicts the resource and the lists of its tag. A call's
   * `cache: false` bypasses it.
   * @default false
   * @example
   * ```ts
   * const client = new UserManagementClient({ apiKey, cache: { maxEntries: 1000, maxBytes: 16 * 1024 * 1024 } });
   * ```
   */
  cache?: CacheOptions | false | undefined;
}

/** The cache's sizes, when an object is given. */
const SIZES = Object.freeze({ maxEntries: 500, maxBytes: 8 * 1024 * 1024 });

/** The cache policy's defaults: off. */
export const CACHE_DEFAULTS = Object.freeze({
  /** No response cache. */
  cache: false as const,
});

/** The cache policy's options, resolved. */
export interface ResolvedCacheOptions {
  readonly cache: { readonly maxEntries: number; readonly maxBytes: number } | false;
}

const CACHE_KEYS = keysOf<CacheOptions>({ maxEntries: true, maxBytes: true });

export function resolveCacheOptions(options: CachePolicyOptions): ResolvedCacheOptions {
  const given: unknown = options.cache;
  if (given === undefined || given === false) return { cache: false };
  if (given === true)
    throw new ConfigError('cache must be false or an object { maxEntries?, maxBytes? } (e.g. cache: {}).');
  checkNestedOptions('cache', given, CACHE_KEYS, false, ConfigError);
  const c = given as CacheOptions;
  return {
    cache: Object.freeze({
      maxEntries: checkNumber('cache.maxEntries', c.maxEntries, wholeNumber(0), SIZES.maxEntries),
      maxBytes: checkNumber('cache.maxBytes', c.maxBytes, wholeNumber(0), SIZES.maxBytes),
    }),
  };
}

/** How the cache answered a read: from memory, after a 304, or from the server in full. */
export type CacheResult = 'hit' | 'revalidated' | 'miss';

export interface CachePolicyDeps {
  readonly now: () => number;
  /** Told how each cacheable read was answered (logs, telemetry). */
  readonly onResult?: (result: CacheResult, ctx: CallContext) => void;
  /** Told how many entries a write evicted. */
  readonly onEvict?: (count: number, ctx: CallContext) => void;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The cache policy over one client's own {@link ResponseCache}. */
export function cachePolicy(
  settings: Exclude<ResolvedCacheOptions['cache'], false>,
  deps: CachePolicyDeps,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  const cache = new ResponseCache(settings);
  return async (ctx, next) => {
    const hint = ctx.cache;
    if (WRITES.has(ctx.method)) {
      const outcome = await next();
      if (!outcome.error && outcome.response.ok) {
        const n = cache.evictWrite(pathOf(ctx.url), hint?.tag);
        if (n > 0) deps.onEvict?.(n, ctx);
      }
      return outcome;
    }
    if (ctx.method !== 'GET' || !hint?.store) return next();
    const who = await credentialId(ctx.headers);
    if (who === undefined) return next();
    const key = `${who} ${hint.key}`;
    const entry = cache.get(key);
    if (entry && entry.freshUntil > deps.now()) {
      deps.onResult?.('hit', ctx);
      return answerFrom(entry);
    }
    // fetch marks a request with If-None-Match as uncacheable and then adds `Cache-Control: no-cache` unless
    // one is present (Fetch standard, HTTP-network-or-cache fetch, cache mode "no-store"); an Express
    // server treats that as a forced reload and never answers 304. `max-age=0` says the same thing
    // ("revalidate") without forbidding the 304.
    if (entry) ctx.headers = { ...ctx.headers, 'If-None-Match': entry.etag, 'Cache-Control': 'max-age=0' };
    const outcome = await next();
    const { response } = outcome;
    if (entry && response.status === 304) {
      // RFC 9111 §4.3.4: the 304's headers update the kept ones (a new Date, ETag, Cache-Control).
      const updated = new Headers(entry.headers);
      response.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'content-type') updated.set(name, value);
      });
      entry.headers = [...updated];
      entry.freshUntil = deps.now() + (freshnessMs(updated.get('cache-control'), updated.get('age')) ?? 0);
      deps.onResult?.('revalidated', ctx);
      return answerFrom(entry);
    }
    deps.onResult?.('miss', ctx);
    const etag = response.headers.get('etag');
    const freshMs = freshnessMs(response.headers.get('cache-control'), response.headers.get('age'));
    if (
      outcome.error ||
      response.status !== 200 ||
      !etag ||
      freshMs === undefined ||
      outcome.data === undefined
    ) {
      if (entry) cache.delete(key);
      return outcome;
    }
    const text = JSON.stringify(outcome.data);
    const headers = [...response.headers];
    cache.set({
      key,
      path: pathOf(ctx.url),
      tag: hint.tag,
      list: hint.list,
      etag,
      text,
      status: response.status,
      statusText: response.statusText,
      headers,
      freshUntil: deps.now() + freshMs,
      bytes: entryBytes(key, text, headers),
    } satisfies CacheEntry);
    return outcome;
  };
}

/** The kept response as a new outcome: a fresh parse of the body, the kept (and updated) headers. */
function answerFrom(entry: CacheEntry): Outcome {
  return {
    response: new Response(null, {
      status: entry.status,
      statusText: entry.statusText,
      headers: entry.headers,
    }),
    data: JSON.parse(entry.text) as unknown,
    error: undefined,
  };
}

/** The URL without query or fragment. */
function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
