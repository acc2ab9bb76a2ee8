// The API's users as one paged scan found them, on disk (see disk-map.ts) so a large API keeps memory
// flat: per user, under the hash of its key value, its id, a hash of each NewUser field and the key
// value itself (for deleteMissing, which walks the users the source did not name). The engine compares
// hashes, then reads the user itself (with its ETag) only when it is about to write. Lines are
// encrypted (and keys blinded) like the state when a key is set; the file lives for one run.
import type { User } from 'user-management-sdk';
import type { LineCodec } from './crypto.js';
import type { DiskMap } from './disk-map.js';
import { USER_FIELDS } from './validate.js';

/** A user as the engine compares it: its id and the hash of any field. */
export interface TargetView {
  readonly id: number;
  hashOf(field: string): string;
}

/** A view of a user object (a lookup result, or a user just read). */
export function viewOf(user: User, hash: (value: unknown) => string): TargetView {
  const record = user as unknown as Record<string, unknown>;
  return { id: user.id, hashOf: (field) => hash(record[field]) };
}

export class ScanIndex {
  readonly #map: DiskMap;
  readonly #hash: (value: unknown) => string;
  readonly #codec: LineCodec;

  constructor(map: DiskMap, hash: (value: unknown) => string, codec: LineCodec) {
    this.#map = map;
    this.#hash = hash;
    this.#codec = codec;
  }

  get size(): number {
    return this.#map.size;
  }

  /** Adds a user under its key value; the first user with a key wins. */
  add(key: string, user: User): void {
    const k = this.#keyOf(key);
    if (this.#map.has(k)) return;
    const record = user as unknown as Record<string, unknown>;
    const hashes = USER_FIELDS.map((f) => this.#hash(record[f])).join(',');
    this.#map.set(k, this.#codec.encode(`${user.id.toString(36)}|${hashes}|${key}`));
  }

  get(key: string): TargetView | undefined {
    const line = this.#map.get(this.#keyOf(key));
    const entry = line === undefined ? undefined : this.#decode(line);
    if (entry === undefined) return undefined;
    const byField = new Map(entry.hashes.split(',').map((h, i) => [USER_FIELDS[i], h]));
    return {
      id: entry.id,
      // A field outside NewUser is never managed (records are validated first); '?' never matches.
      hashOf: (field) => byField.get(field) ?? '?',
    };
  }

  /** Every indexed key value with its user's id (in hash order). */
  *keys(): Generator<{ key: string; id: number }> {
    for (const [, line] of this.#map.entries()) {
      const entry = this.#decode(line);
      if (entry) yield { key: entry.key, id: entry.id };
    }
  }

  #keyOf(key: string): string {
    return this.#codec.blind(this.#hash(key));
  }

  #decode(line: string): { id: number; hashes: string; key: string } | undefined {
    const text = this.#codec.decode(line);
    if (text === undefined) return undefined;
    // The key value comes last and may hold '|'.
    const a = text.indexOf('|');
    const b = text.indexOf('|', a + 1);
    return {
      id: Number.parseInt(text.slice(0, a), 36),
      hashes: text.slice(a + 1, b),
      key: text.slice(b + 1),
    };
  }
}
