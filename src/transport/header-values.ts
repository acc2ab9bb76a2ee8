// Header names and values checked before anything is sent. A value fetch cannot encode (a NUL, a
// line break, a character above U+00FF) would otherwise fail inside fetch as a TypeError that looks
// like a network failure; here it becomes a ConfigError / InvalidArgumentError that names the header
// but never repeats its value, which may be a credential.
import type { UserManagementError } from '../errors.js';

/** Headers as a caller may write them: a plain object, a `Headers`, a `Map` or an array of pairs. */
export type HeadersInput =
  | Readonly<Record<string, string>>
  | Headers
  | ReadonlyMap<string, string>
  | readonly (readonly [string, string])[];

type ErrorClass = new (message: string) => UserManagementError;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Why `value` cannot be sent as a header value, or undefined when it can. Fetch (WHATWG) takes
 * Latin-1 bytes without NUL, CR or LF; other control characters are refused too, since no honest
 * header holds them. Linear in the value's length.
 */
export function headerValueProblem(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff) return 'a character outside Latin-1 (above U+00FF)';
    if ((c < 0x20 && c !== 0x09) || c === 0x7f)
      return c === 0 ? 'a NUL character' : c === 0x0a || c === 0x0d ? 'a line break' : 'a control character';
  }
  return undefined;
}

/** Throws `Err` when `value` cannot be a header value; `what` names it ("apiKey", `header "X-Team"`). */
export function checkHeaderValue(what: string, value: string, Err: ErrorClass): void {
  const problem = headerValueProblem(value);
  // The value itself is never repeated: it may be a credential.
  if (problem) throw new Err(`${what} contains ${problem}, which cannot be sent in an HTTP header.`);
}

/**
 * Reads headers in any of the accepted forms into a plain, frozen object, checking every name and
 * value. `what` names the option in messages (`headers`, `options.headers`).
 */
export function normalizeHeaders(
  input: unknown,
  what: string,
  Err: ErrorClass,
): Readonly<Record<string, string>> {
  if (input === undefined) return EMPTY;
  const out: Record<string, string> = {};
  for (const [name, value] of headerEntries(input, what, Err)) {
    if (typeof name !== 'string' || !TOKEN.test(name))
      throw new Err(`${what}: ${describeName(name)} is not a valid header name.`);
    if (typeof value !== 'string')
      throw new Err(`${what}: Header "${name}" must be a single-line string; got ${typeName(value)}.`);
    const problem = headerValueProblem(value);
    // The value is never repeated: it may be a credential.
    if (problem)
      throw new Err(
        `${what}: Header "${name}" must be a single-line string of Latin-1 characters; it contains ${problem}.`,
      );
    out[name] = value;
  }
  return Object.freeze(out);
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

function headerEntries(input: unknown, what: string, Err: ErrorClass): Iterable<readonly unknown[]> {
  const shape = `${what} must be an object of header names to string values (a plain object, a Headers, a Map or an array of [name, value] pairs)`;
  if (typeof input !== 'object' || input === null) throw new Err(`${shape}; got ${typeName(input)}.`);
  if (typeof Headers !== 'undefined' && input instanceof Headers) return input.entries();
  if (input instanceof Map) return input.entries() as Iterable<readonly unknown[]>;
  if (Array.isArray(input)) {
    for (const pair of input as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2) throw new Err(`${shape}; an entry is not a pair.`);
    }
    return input as (readonly unknown[])[];
  }
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) throw new Err(`${shape}; got ${typeName(input)}.`);
  return Object.entries(input);
}

function describeName(name: unknown): string {
  if (typeof name !== 'string') return typeName(name);
  return `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}"`;
}

/** What a value is, for messages: never the value itself. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
      ?.name;
    return typeof ctor === 'string' && ctor !== 'Object' ? `a ${ctor}` : 'an object';
  }
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
