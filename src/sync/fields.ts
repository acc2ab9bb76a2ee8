// Field-level comparison: canonical JSON per top-level field, salted hashes of it for the stored base,
// and the three-way decision (source, target, base) → create / update / unchanged / conflict.
import { createHmac } from 'node:crypto';
import type { UserPatch } from 'user-management-sdk';

/** Stored per key: the hash of each managed field's value at the last sync. */
export type FieldHashes = Readonly<Record<string, string>>;

/** JSON with object keys sorted, so equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Hashes field values with a per-state-directory salt (HMAC-SHA-256, 64 bits kept), so the state holds
 * no personal data and an email cannot be confirmed by hashing a guess without the salt.
 */
export function createHasher(salt: Buffer): (value: unknown) => string {
  return (value) =>
    value === undefined
      ? '-'
      : createHmac('sha256', salt).update(canonicalJson(value)).digest().subarray(0, 8).toString('base64url');
}

/** The managed fields' hashes of a record (only the fields the mapped record sets). */
export function hashFields(
  hash: (value: unknown) => string,
  fields: readonly string[],
  record: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f] = hash(record[f]);
  return out;
}

/** The fields of `record` named in `fields`. */
export function pick(record: UserPatch, fields: readonly string[]): UserPatch {
  const src = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) if (src[f] !== undefined) out[f] = src[f];
  return out;
}

/**
 * The base of a key: the field hashes of the API's user and of the mapped source record at the last
 * sync. They are equal after a plain sync; they differ after `target-wins` kept the API's values.
 */
export interface BaseHashes {
  readonly target: FieldHashes;
  readonly source: FieldHashes;
}

/** What to do with one record whose user exists. */
export type Decision =
  | { readonly kind: 'unchanged' }
  /** Only the API changed since the base: left alone, and the base is kept so a later source change is a conflict. */
  | { readonly kind: 'drift'; readonly fields: readonly string[] }
  | { readonly kind: 'update'; readonly fields: readonly string[] }
  | {
      readonly kind: 'conflict';
      readonly fields: readonly string[];
      readonly changedInSource: readonly string[];
      readonly changedInTarget: readonly string[];
    };

/**
 * The three-way decision. `base` holds the field hashes at the last sync (or of the version this run
 * read, after a 412). A conflict is a change on both sides since the base, as the issue defines it;
 * a target-only change is left alone (the source said nothing new), a source-only change is sent.
 * The source's base and the API's base differ only after a conflict was resolved for the API.
 */
export function decide(
  mapped: UserPatch,
  target: { hashOf(field: string): string },
  base: BaseHashes | undefined,
  hash: (value: unknown) => string,
): Decision {
  const m = mapped as Record<string, unknown>;
  const managed = Object.keys(m).filter((f) => m[f] !== undefined);
  // Compared by hash: equal canonical JSON gives equal hashes (64 bits: a false "equal" is ~2^-64).
  const fields = managed.filter((f) => hash(m[f]) !== target.hashOf(f));
  if (fields.length === 0) return { kind: 'unchanged' };
  if (base === undefined) return { kind: 'update', fields };
  // A field the base does not know was not managed before: it counts as a source change only.
  const changedInSource = managed.filter((f) => base.source[f] !== hash(m[f]));
  const changedInTarget = managed.filter(
    (f) => base.target[f] !== undefined && base.target[f] !== target.hashOf(f),
  );
  // Nothing new from the source: whatever the API holds now was written (or kept) on purpose.
  if (changedInSource.length === 0) return { kind: 'drift', fields };
  if (changedInTarget.length === 0) return { kind: 'update', fields };
  return { kind: 'conflict', fields, changedInSource, changedInTarget };
}
