// The base versions of every key, on disk (see disk-map.ts): per key hash, the user's id, its sync
// time and its field hashes in the NewUser field order, one short line per key. It is the one piece of
// the state that grows with the number of distinct keys, so it lives in a sorted file with a bounded
// in-memory part, and memory stays flat however many keys a state directory holds. With encryption
// at rest the value is AES-256-GCM per line and the key hash is blinded with the encryption key, so the
// file says nothing a dictionary of emails and the salt could recover.
import { isEncryptedLine, type LineCodec } from './crypto.js';
import type { DiskMap } from './disk-map.js';
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
  readonly #map: DiskMap;
  readonly #codec: LineCodec;

  constructor(map: DiskMap, codec: LineCodec) {
    this.#map = map;
    this.#codec = codec;
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: string): BaseEntry | undefined {
    const line = this.#map.get(this.#codec.blind(key));
    if (line === undefined) return undefined;
    const text = this.#codec.decode(line);
    return text === undefined ? undefined : decode(text);
  }

  set(key: string, entry: BaseEntry): void {
    this.#map.set(this.#codec.blind(key), this.#codec.encode(encode(entry)));
  }

  delete(key: string): void {
    this.#map.delete(this.#codec.blind(key));
  }

  /** Whether the stored bases are encrypted (to refuse reading them without the key). */
  isEncrypted(): boolean {
    const first = this.#map.first();
    return first !== undefined && isEncryptedLine(first[1]);
  }

  /** Writes the changes into the file. */
  flush(): void {
    this.#map.flush();
  }

  close(): void {
    this.#map.close();
  }
}

// `id|seconds|h1,h2,…[|s1,s2,…]` in base 36 and USER_FIELDS order; a hash of a field outside
// USER_FIELDS (not possible for validated records) falls back to JSON.
export function encode(entry: BaseEntry): string {
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

export function decode(text: string): BaseEntry {
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
