// Request bodies are serialized once, before the first attempt, so a body JSON cannot represent fails
// as InvalidArgumentError with nothing sent — not inside fetch, where it looked like a network failure,
// was retried and counted by the circuit breaker.
import { InvalidArgumentError } from '../errors.js';
import { typeName } from './header-values.js';

/**
 * Throws InvalidArgumentError unless `value` is a plain object: a `Date` would be sent as a string, a
 * class instance as whatever its `toJSON` says, and no operation takes an array.
 */
export function checkPlainObject(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(`The request body must be a plain object; got ${typeName(value)}.`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new InvalidArgumentError(
      `The request body must be a plain object ({ ... }); got ${typeName(value)}. Copy the fields you mean to send into an object literal.`,
    );
  }
}

/** The JSON text of a request body (a plain object); InvalidArgumentError when JSON cannot hold it. */
export function serializeBody(value: unknown): string {
  checkPlainObject(value);
  try {
    // A plain object always gives a string (only functions and symbols give undefined).
    return JSON.stringify(value);
  } catch (err) {
    // BigInt, a cycle, or a toJSON that throws. The message names the kind, never the data; the
    // cause is left out too, since a toJSON's own error may carry anything.
    throw new InvalidArgumentError(`The request body cannot be sent as JSON: ${reason(err)}.`);
  }
}

function reason(err: unknown): string {
  if (err instanceof TypeError && /BigInt/i.test(err.message)) return 'it holds a BigInt';
  if (err instanceof TypeError && /circular|cyclic/i.test(err.message)) return 'it holds a cycle';
  return 'a value in it threw while being converted (toJSON)';
}
