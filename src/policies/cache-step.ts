// The response cache's step (client option `cache`; see ./cache.ts for the design and the options). A
// module of its own so that it, and the store behind it, load only for clients that set `cache`.
import type { Outcome } from '../transport/attempt.js';
import { credentialId, entryBytes, freshnessMs, ResponseCache, type CacheEntry } from './cache-store.js';
import type { CallContext, Next } from './policy.js';

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

/** The cache's sizes, as resolved. */
export interface CacheSettings {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/** The cache policy over one client's own {@link ResponseCache}. */
export function createCacheStep(
  settings: CacheSettings,
  deps: CachePolicyDeps,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  const cache = new ResponseCache(settings);
  return async (ctx, next) => {
    const hint = ctx.cache;
    if (WRITES.has(ctx.method)) {
      const outcome = await next();
      if (!outcome.error && outcome.response.ok) {
        const n = cache.evictWrite(pathOf(ctx.url), hint?.tag, ctx.method === 'DELETE');
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
