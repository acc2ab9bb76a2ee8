// Validation of each mapped record against the spec's NewUser / UserPatch schemas (Ajv, compiled once
// per run, from the generated spec model the mock reads too), and the default mapping from flat source
// records to the API's shape. This file is sync's one door to src/generated/.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NewUser, UserPatch } from 'user-management-sdk';
import { specModel } from '../generated/spec-model.js';
import type { SourceRecord } from './types.js';

/** Validates mapped records; the message lists every failed field. */
export interface RecordValidator {
  /** undefined when `record` is a valid NewUser, else why not. */
  newUser(record: unknown): string | undefined;
  /** undefined when `record` is a valid UserPatch, else why not. */
  patch(record: unknown): string | undefined;
}

export function createValidator(): RecordValidator {
  // strict: false, because the spec's schemas carry OpenAPI keywords (example, readOnly) Ajv does not know.
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module.
  const add = (addFormats as unknown as { default: (ajv: Ajv, formats: string[]) => Ajv }).default;
  add(ajv, ['email']);
  ajv.addSchema({ $id: 'spec', components: { schemas: specModel.schemas } });
  const check = (name: 'NewUser' | 'UserPatch') => {
    const validate: ValidateFunction = ajv.compile({ $ref: `spec#/components/schemas/${name}` });
    return (record: unknown): string | undefined =>
      validate(record)
        ? undefined
        : (validate.errors ?? [])
            .map(
              (e) =>
                `${e.instancePath.slice(1).replaceAll('/', '.') || 'record'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : ''}`,
            )
            .join('; ');
  };
  return { newUser: check('NewUser'), patch: check('UserPatch') };
}

/** The top-level fields of a NewUser. */
export const USER_FIELDS: readonly string[] = Object.keys(specModel.schemas.NewUser.properties);

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
