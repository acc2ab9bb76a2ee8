// The base versions of every key, kept in memory for the run in a compact form: one short string per
// key (id, sync time and the field hashes in the NewUser field order) instead of an object per key
// with a hash map inside. It is the one piece of the state that grows with the number of distinct keys
// (the records themselves are streamed): about 150 bytes a key instead of about 800.
import type { FieldHashes } from './fields.js';
import { USER_FIELDS } from './validate.js';

/** What the state remembers of a key: the user's id and its field hashes at the last sync. */
export interface BaseEntry {
  readonly id: number;
  readonly h: FieldHashes;
  /** The source's field hashes, when they differ from `h` (the API's side won a conflict). */
  readonly s?: FieldHashes;
  readonly at: string;
}

export class BaseStore {
  readonly #map = new Map<string, string>();

  get size(): number {
    return this.#map.size;
  }

  get(key: string): BaseEntry | undefined {
    const text = this.#map.get(key);
    return text === undefined ? undefined : decode(text);
  }

  set(key: string, entry: BaseEntry): void {
    this.#map.set(key, encode(entry));
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  *entries(): Generator<[string, BaseEntry]> {
    for (const [k, text] of this.#map) yield [k, decode(text)];
  }
}

// `id|seconds|h1,h2,…[|s1,s2,…]` in base 36 and USER_FIELDS order; a hash of a field outside
// USER_FIELDS (not possible for validated records) falls back to JSON.
function encode(entry: BaseEntry): string {
  const slots = (h: FieldHashes): string | undefined =>
    Object.keys(h).every((f) => USER_FIELDS.includes(f))
      ? USER_FIELDS.map((f) => h[f] ?? '').join(',')
      : undefined;
  const h = slots(entry.h);
  const s = entry.s === undefined ? '' : slots(entry.s);
  if (h === undefined || s === undefined) return JSON.stringify(entry);
  const seconds = Math.round(Date.parse(entry.at) / 1000).toString(36);
  return `${entry.id.toString(36)}|${seconds}|${h}${entry.s === undefined ? '' : `|${s}`}`;
}

function decode(text: string): BaseEntry {
  if (text.startsWith('{')) return JSON.parse(text) as BaseEntry;
  const [id = '', seconds = '', h = '', s] = text.split('|');
  const hashes = (slots: string): FieldHashes => {
    const out: Record<string, string> = {};
    slots.split(',').forEach((hash, i) => {
      const field = USER_FIELDS[i];
      if (hash !== '' && field !== undefined) out[field] = hash;
    });
    return out;
  };
  return {
    id: Number.parseInt(id, 36),
    h: hashes(h),
    ...(s === undefined ? {} : { s: hashes(s) }),
    at: new Date(Number.parseInt(seconds, 36) * 1000).toISOString(),
  };
}
