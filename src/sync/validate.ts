// Validation of each mapped record against the spec's NewUser / UserPatch schemas (Ajv, compiled once
// per run), and the default mapping from flat source records to the API's shape.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NewUser, UserPatch } from 'user-management-sdk';
import schemas from './user-schemas.json' with { type: 'json' };
import type { SourceRecord } from './types.js';

/** Validates mapped records; the message lists every failed field. */
export interface RecordValidator {
  /** undefined when `record` is a valid NewUser, else why not. */
  newUser(record: unknown): string | undefined;
  /** undefined when `record` is a valid UserPatch, else why not. */
  patch(record: unknown): string | undefined;
}

export function createValidator(): RecordValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module.
  const add = (addFormats as unknown as { default: (ajv: Ajv, formats: string[]) => Ajv }).default;
  add(ajv, ['email']);
  const compile = (schema: object): ValidateFunction => ajv.compile({ ...schema, $defs: schemas.$defs });
  const check = (validate: ValidateFunction) => (record: unknown) =>
    validate(record)
      ? undefined
      : (validate.errors ?? [])
          .map(
            (e) =>
              `${e.instancePath.slice(1).replaceAll('/', '.') || 'record'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : ''}`,
          )
          .join('; ');
  const newUser = check(compile(schemas.NewUser));
  const patch = check(compile(schemas.UserPatch));
  return { newUser, patch };
}

/** The top-level fields of a NewUser. */
export const USER_FIELDS: readonly string[] = Object.keys(schemas.NewUser.properties);

/**
 * The default `map`: keeps the NewUser fields, nests `address.city`-style columns, drops empty
 * cells (CSV has no "absent"), and ignores other columns.
 */
export function defaultMap(record: SourceRecord): NewUser | UserPatch {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(record)) {
    if (value === '' || value === undefined || value === null) continue;
    const path = column.split('.');
    const top = path[0] ?? '';
    if (!USER_FIELDS.includes(top)) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node =
        typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (node[part] = {});
    }
    node[path[path.length - 1] ?? top] = value;
  }
  return out;
}
