// Shape checks for options objects written in plain JavaScript, where the types promise nothing:
// null, a non-object, or a misspelt key get an error that says what to write instead. Values are named in
// messages the way every other check names them (describeValue, src/validation.ts).
import { describeValue, type ErrorClass } from '../validation.js';

/**
 * Throws `Err` unless `value` is a plain object (or undefined, when `optional`) whose keys are all in
 * `known`; an unknown key is reported with the nearest known one.
 */
export function checkOptionsObject(
  value: unknown,
  what: string,
  known: readonly string[],
  Err: ErrorClass,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Err(`${what} must be an object; got ${describeValue(value, false)}.`);
  }
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = nearest(key, known);
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    throw new Err(
      `${what} has an unknown option "${shown}"${near ? `; did you mean "${near}"?` : `; known options: ${known.join(', ')}.`}`,
    );
  }
}

/** The known name closest to `key` (case-insensitive edit distance), if it is close enough to be a typo. */
export function nearest(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.round(k.length / 2.5)) + 1;
  for (const name of known) {
    const d = editDistance(k, name.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Levenshtein distance, giving up at `limit` (returns `limit`). Hand-written: a dozen lines against
 * option names of a few characters; `a` is cut so a hostile key costs no more than a long name.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length] ?? limit, limit);
}

/** Throws `Err` unless `value` is undefined or a boolean (so `'false'` is never read as true). */
export function checkBoolean(name: string, value: unknown, Err: ErrorClass): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new Err(`${name} must be true or false; got ${describeValue(value, true)}.`);
}

/**
 * A nested options object (`backoff`, `circuitBreaker`, …): undefined, `false` where that switches it
 * off, or a plain object of known keys. A string like 'off' gets told what switches it off instead of
 * being guessed at.
 */
export function checkNestedOptions(
  name: string,
  value: unknown,
  known: readonly string[],
  canBeFalse: boolean,
  Err: ErrorClass,
): void {
  if (value === undefined || (canBeFalse && value === false)) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Err(
      `${name} must be an object${canBeFalse ? ' or false (to switch it off)' : ''}; got ${describeValue(value, true)}.`,
    );
  }
  checkOptionsObject(value, name, known, Err);
}

/** The keys of an options type, checked by the compiler: a new option cannot be forgotten. */
export type AllKeys<T> = { readonly [K in keyof Required<T>]: true };

/** The names of `o`, frozen: what checkOptionsObject accepts. */
export function keysOf<T>(o: AllKeys<T>): readonly string[] {
  return Object.freeze(Object.keys(o));
}
