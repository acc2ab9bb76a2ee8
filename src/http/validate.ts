// Per-call input checks, driven by the parameter schemas in the operation table: a bad id, page, limit or
// body is an InvalidArgumentError before anything is sent, with the SDK's name for the parameter.
import { InvalidArgumentError } from '../errors.js';
import { checkOptionsObject } from '../options/check-shape.js';
import { checkPlainObject } from '../transport/serialize-body.js';
import { checkNumber, describeValue, wholeNumber } from '../validation.js';
import type { OperationDef, ParamDef } from './operations.js';

type Scalar = string | number | boolean;

/** A short description of a bad value for a message; long strings are cut (the one vocabulary: validation.ts). */
export function describe(value: unknown): string {
  return describeValue(value, true);
}

/** Checks a whole number in [min, max]; the message names the parameter and the range. */
export function checkInteger(name: string, value: unknown, min?: number, max?: number): number {
  // The common case, checked without building the rule (and its description, which only a message needs).
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= (min ?? Number.MIN_SAFE_INTEGER) &&
    value <= (max ?? Number.MAX_SAFE_INTEGER)
  )
    return value;
  if (value === undefined)
    throw new InvalidArgumentError(`${name} must be ${wholeNumber(min, max).what}; got undefined.`);
  return checkNumber(name, value, wholeNumber(min, max), undefined, InvalidArgumentError);
}

/** Checks one value against its parameter's schema; returns it as it is sent. */
export function checkParam(def: ParamDef, value: unknown): Scalar {
  const name = def.sdkName;
  if (def.enum && !def.enum.includes(value as string | number)) {
    throw new InvalidArgumentError(
      `${name} must be one of ${def.enum.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(value)}.`,
    );
  }
  switch (def.type) {
    case 'integer':
      return checkInteger(name, value, def.minimum, def.maximum);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new InvalidArgumentError(`${name} must be a finite number; got ${describe(value)}.`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean')
        throw new InvalidArgumentError(`${name} must be true or false; got ${describe(value)}.`);
      return value;
    case 'string':
      if (typeof value !== 'string')
        throw new InvalidArgumentError(`${name} must be a string; got ${describe(value)}.`);
      return value;
    default:
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      throw new InvalidArgumentError(`${name} must be a string, number or boolean; got ${describe(value)}.`);
  }
}

/** Checks a request body: a plain object when the spec's body schema is an object. */
export function checkBody(op: OperationDef, body: unknown): unknown {
  const spec = op.body;
  if (!spec) return undefined;
  if (body === undefined && !spec.required) return undefined;
  if (spec.object) checkPlainObject(body);
  return body;
}

/** The input of one call, in the SDK's names. */
export interface CallValues {
  readonly path?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}

/** A field of an object the caller passed (anything else has no fields). */
export function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Checks an object of query parameters written in plain JavaScript: an object (or undefined) whose keys
 * are the operation's parameters; a misspelt key is reported with the nearest known one.
 */
export function checkQueryShape(op: OperationDef, query: unknown, label: string): void {
  if (query === undefined) return;
  checkOptionsObject(
    query,
    label,
    (op.queryParams ?? []).map((p) => p.sdkName),
    InvalidArgumentError,
  );
}

/** Checks the input of one call against its operation; returns what to send, in the spec's names. */
export function checkInput(
  op: OperationDef,
  input: CallValues,
  pageSize: number,
  label: string,
): { path: Record<string, Scalar>; query: Record<string, Scalar>; body: unknown } {
  checkQueryShape(op, input.query, label);
  const path: Record<string, Scalar> = {};
  for (const def of op.pathParams ?? []) path[def.name] = checkParam(def, fieldOf(input.path, def.name));
  const query: Record<string, Scalar> = {};
  const paging = op.pagination;
  for (const def of op.queryParams ?? []) {
    let value = fieldOf(input.query, def.sdkName);
    // A paginated list always sends its page and limit: json-server returns everything without `_page`.
    if (value === undefined && paging && def.name === paging.page) value = def.default ?? 1;
    if (value === undefined && paging && def.name === paging.limit) value = def.default ?? pageSize;
    if (value === undefined) {
      if (def.required) throw new InvalidArgumentError(`${def.sdkName} is required.`);
      continue;
    }
    query[def.name] = checkParam(def, value);
  }
  return { path, query, body: checkBody(op, input.body) };
}
