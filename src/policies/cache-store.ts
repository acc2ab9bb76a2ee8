// The bounded in-memory store behind the cache policy (./cache.ts): GET responses that came with an ETag,
// least recently used first out, bounded by entries and by bytes. It keeps the body as JSON text, so
// every answer from it is a fresh parse the caller may change without touching the cache. Hand-written
// (no LRU package): a Map already iterates in insertion order, which is all an LRU needs here.

/** Sizes of the response cache (client option `cache`). */
export interface CacheOptions {
  /**
   * Most responses kept; the least recently used goes first.
   * @default 500
   */
  maxEntries?: number | undefined;
  /**
   * Most bytes kept (bodies and headers, as UTF-8); a response larger than this is not kept.
   * @default 8388608 (8 MiB)
   */
  maxBytes?: number | undefined;
}

/** One kept response. */
export interface CacheEntry {
  /** Credential identity and full URL: what the entry answers. */
  readonly key: string;
  /** The URL without its query: what a write to it (or above it) evicts. */
  readonly path: string;
  /** The spec's tag of the operation, and whether it is a list (a write to the tag evicts its lists). */
  readonly tag: string;
  readonly list: boolean;
  readonly etag: string;
  /** The body as JSON text. */
  readonly text: string;
  readonly status: number;
  readonly statusText: string;
  headers: [string, string][];
  /** Until when (ms since the epoch) it may be used without asking the server (Cache-Control max-age). */
  freshUntil: number;
  readonly bytes: number;
}

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one code point of 4 bytes. A lone surrogate is encoded as U+FFFD (3 bytes).
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The bytes an entry counts against `maxBytes`: its body, headers and key. */
export function entryBytes(key: string, text: string, headers: readonly [string, string][]): number {
  let n = utf8Length(key) + utf8Length(text);
  for (const [name, value] of headers) n += utf8Length(name) + utf8Length(value);
  return n;
}

/** A bounded LRU of responses. One per client; nothing is shared between clients. */
export class ResponseCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(options: { readonly maxEntries: number; readonly maxBytes: number }) {
    this.#maxEntries = options.maxEntries;
    this.#maxBytes = options.maxBytes;
  }

  /** Entries kept now. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes kept now (see {@link entryBytes}). */
  get bytes(): number {
    return this.#bytes;
  }

  /** The entry for `key`, now the most recently used. */
  get(key: string): CacheEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps `entry` (replacing one with its key), then drops the least recently used until within bounds. */
  set(entry: CacheEntry): void {
    this.delete(entry.key);
    if (entry.bytes > this.#maxBytes || this.#maxEntries === 0) return;
    this.#entries.set(entry.key, entry);
    this.#bytes += entry.bytes;
    for (const oldest of this.#entries.values()) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.delete(oldest.key);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /**
   * After a successful write to `path` (operation tag `tag`): drops the resource, anything under it, and
   * the lists of the tag, for every credential. After a delete (`everyList`), the lists of every tag go
   * too: the server removes the records that pointed at the deleted one (json-server's dependents — a
   * deleted user's memberships), and any list may have held them.
   */
  evictWrite(path: string, tag: string | undefined, everyList = false): number {
    let n = 0;
    for (const entry of [...this.#entries.values()]) {
      if (
        entry.path === path ||
        entry.path.startsWith(`${path}/`) ||
        (entry.list && (everyList || (tag !== undefined && entry.tag === tag)))
      ) {
        this.delete(entry.key);
        n++;
      }
    }
    return n;
  }
}

/**
 * How long a response may be used without asking the server again, in ms, from its Cache-Control and Age
 * (RFC 9111 §4.2.1, for a private cache); `undefined` when it must not be kept at all (`no-store`).
 * Without `max-age` it is 0: every use is revalidated with If-None-Match.
 */
export function freshnessMs(cacheControl: string | null, age: string | null): number | undefined {
  if (!cacheControl) return 0;
  let maxAge: number | undefined;
  for (const part of cacheControl.slice(0, 1024).split(',')) {
    const [rawName, rawValue] = part.split('=', 2);
    const name = (rawName ?? '').trim().toLowerCase();
    if (name === 'no-store') return undefined;
    if (name === 'no-cache') return 0;
    if (name === 'max-age') {
      const seconds = Number((rawValue ?? '').trim().replace(/^"|"$/g, ''));
      maxAge = Number.isFinite(seconds) && seconds >= 0 ? seconds : 0;
    }
  }
  if (maxAge === undefined) return 0;
  const ageSeconds = age !== null && /^\d{1,10}$/.test(age.trim()) ? Number(age.trim()) : 0;
  return Math.max(0, maxAge - ageSeconds) * 1000;
}

/** Header names that carry a credential: the cache keys on them (hashed), never shares across them. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-api-key', 'cookie', 'proxy-authorization']);

/**
 * An opaque id for the credentials among `headers` ('' when there are none): the first 128 bits of a
 * SHA-256 of them, so the key tells credentials apart without holding one. `undefined` where the runtime
 * has no Web Crypto digest (an insecure browser page): such a call is then not cached.
 */
export async function credentialId(headers: Readonly<Record<string, string>>): Promise<string | undefined> {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (CREDENTIAL_HEADERS.has(lower)) parts.push(`${lower}:${value}`);
  }
  if (parts.length === 0) return '';
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(parts.sort().join('\n')));
  let hex = '';
  for (const b of new Uint8Array(digest).subarray(0, 16)) hex += b.toString(16).padStart(2, '0');
  return hex;
}
