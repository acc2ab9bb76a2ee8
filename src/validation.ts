// One vocabulary for checking values that come from outside: client options and per-call options
// (ConfigError) and method arguments (InvalidArgumentError) all read "<name> must be <rule>; got <value>."
// Options may come from plain JavaScript, so these check at run time what the types already promise.
import { ConfigError, type UserManagementError } from './errors.js';

/** The error class a check throws: ConfigError for options, InvalidArgumentError for arguments. */
export type ErrorClass = new (message: string) => UserManagementError;

/** A rule for a number: the test and how a message names it. */
export interface NumberRule {
  readonly ok: (n: number) => boolean;
  readonly what: string;
}

const MAX_TIMER_MS = 2_147_483_647;

/** A duration that setTimeout can wait: more than 0 and at most 2^31−1 ms. */
export const DURATION_MS: NumberRule = {
  ok: (n) => n > 0 && n <= MAX_TIMER_MS,
  what: 'a number of ms greater than 0 (at most 2^31−1)',
};
/** A rate or size: not a duration, so neither "ms" nor the setTimeout ceiling applies. */
export const POSITIVE: NumberRule = {
  ok: (n) => n > 0 && Number.isFinite(n),
  what: 'a finite number greater than 0',
};
/** A size in bytes: a whole number ≥ 1. */
export const BYTES: NumberRule = {
  ok: (n) => Number.isSafeInteger(n) && n >= 1,
  what: 'a whole number of bytes ≥ 1 (e.g. 16777216 for 16 MiB)',
};
/** A share strictly between 0 and 1. */
export const FRACTION: NumberRule = {
  ok: (n) => n > 0 && n < 1,
  what: 'a number between 0 and 1 (exclusive), e.g. 0.5',
};

/** A finite number ≥ `min`. */
export function atLeast(min: number): NumberRule {
  return { ok: (n) => n >= min && Number.isFinite(n), what: `a finite number ≥ ${min}` };
}

/** A whole number from `min` to `max` (either bound may be left open). */
export function wholeNumber(min?: number, max?: number): NumberRule {
  const range =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` ≥ ${min}`
        : max !== undefined
          ? ` ≤ ${max}`
          : '';
  return {
    ok: (n) =>
      Number.isInteger(n) && n >= (min ?? Number.MIN_SAFE_INTEGER) && n <= (max ?? Number.MAX_SAFE_INTEGER),
    what: `a whole number${range}`,
  };
}

/**
 * Returns `value` when it is a number that passes `rule`, `fallback` when it is undefined; throws
 * `Err` otherwise. Without a fallback, the value is required.
 */
export function checkNumber(
  name: string,
  value: unknown,
  rule: NumberRule,
  fallback?: number,
  Err: ErrorClass = ConfigError,
): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Err(`${name} is required and must be ${rule.what}.`);
    return fallback;
  }
  if (typeof value !== 'number' || Number.isNaN(value) || !rule.ok(value)) {
    throw new Err(`${name} must be ${rule.what}; got ${describeValue(value, Err !== ConfigError)}.`);
  }
  return value;
}

/**
 * Returns `value` when it is one of `allowed`, `fallback` when it is undefined; throws ConfigError naming
 * what is allowed (`what`, by default the quoted list) otherwise.
 */
export function checkOneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  what = `one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(
    `${name} must be ${what}; got ${typeof value === 'string' ? `"${value.slice(0, 20)}"` : typeof value}.`,
  );
}

/** A non-empty single-line string, or undefined. */
export function checkOptionalString(
  name: string,
  value: unknown,
  Err: ErrorClass = ConfigError,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value)) {
    throw new Err(`${name} must be a non-empty single-line string.`);
  }
  return value;
}

/** A function, or undefined. */
export function checkOptionalFunction<T>(name: string, value: T, Err: ErrorClass = ConfigError): T {
  if (value !== undefined && typeof value !== 'function') throw new Err(`${name} must be a function.`);
  return value;
}

/**
 * How a message names a bad value. Strings are shown (cut short) only for method arguments: an
 * option's value may be a secret read from the environment.
 */
export function describeValue(value: unknown, showStrings: boolean): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return showStrings ? `the string "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"` : 'string';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
