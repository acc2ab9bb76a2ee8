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
import { lazyStep } from '../load-once.js';
import type { Outcome } from '../transport/attempt.js';
import type { CachePolicyDeps, CacheSettings } from './cache-step.js';
import type { CacheOptions } from './cache-store.js';
import type { CallContext, Next } from './policy.js';

export type { CacheHint } from './policy.js';

export type { CacheOptions } from './cache-store.js';
export type { CachePolicyDeps, CacheResult } from './cache-step.js';

/** Options of the cache policy. */
export interface CachePolicyOptions {
  /**
   * An in-memory cache of GET responses that came with an ETag, revalidated on every use: the next
   * identical GET sends `If-None-Match`, and a `304 Not Modified` is answered from the cache (a fresh copy).
   * Kept per client, keyed by full URL and credentials, bounded by `maxEntries` and `maxBytes` (least
   * recently used out first); a successful write evicts the resource and the lists of its tag (a delete:
   * the lists of every tag). A call's `cache: false` bypasses it.
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
  readonly cache: CacheSettings | false;
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

/**
 * The cache policy over one client's own store. Its code (./cache-step.ts, ./cache-store.ts) is loaded on
 * the client's first call, so clients without `cache` never ship it.
 */
export function cachePolicy(
  settings: CacheSettings,
  deps: CachePolicyDeps,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return lazyStep('response cache', async () =>
    (await import('./cache-step.js')).createCacheStep(settings, deps),
  );
}
