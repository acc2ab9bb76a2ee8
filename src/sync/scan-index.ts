// The API's users as one paged scan found them, kept for the run in a compact form: per key value,
// the user's id and a hash of each NewUser field (one short string per user), so a large API costs
// about 150 bytes a user instead of the user objects. The engine compares hashes, then reads the
// user itself (with its ETag) only when it is about to write.
import type { User } from 'user-management-sdk';
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
  readonly #map = new Map<string, string>();
  readonly #hash: (value: unknown) => string;

  constructor(hash: (value: unknown) => string) {
    this.#hash = hash;
  }

  get size(): number {
    return this.#map.size;
  }

  /** Adds a user under its key value; the first user with a key wins. */
  add(key: string, user: User): void {
    if (this.#map.has(key)) return;
    const record = user as unknown as Record<string, unknown>;
    this.#map.set(key, `${user.id.toString(36)}|${USER_FIELDS.map((f) => this.#hash(record[f])).join(',')}`);
  }

  get(key: string): TargetView | undefined {
    const text = this.#map.get(key);
    if (text === undefined) return undefined;
    const [id = '', hashes = ''] = text.split('|');
    const byField = new Map(hashes.split(',').map((h, i) => [USER_FIELDS[i], h]));
    return {
      id: Number.parseInt(id, 36),
      // A field outside NewUser is never managed (records are validated first); '?' never matches.
      hashOf: (field) => byField.get(field) ?? '?',
    };
  }

  /** Every indexed key value with its user's id. */
  *keys(): Generator<{ key: string; id: number }> {
    for (const [key, text] of this.#map)
      yield { key, id: Number.parseInt(text.slice(0, text.indexOf('|')), 36) };
  }
}
