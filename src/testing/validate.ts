// Request validation against the spec with Ajv (OpenAPI 3.0 schemas are JSON Schema draft-04/07 plus
// `nullable`, which Ajv supports). Parameters arrive as text, so they are checked with type coercion
// (`_limit=abc` fails, `_limit=5` becomes 5); bodies are checked as sent. Failures become the
// `errors: [{ field, message }]` of the spec's 422 problem details.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, OperationModel, SpecModel } from './model.js';

/** One failed field, as the spec's `FieldError`. */
export interface FieldFailure {
  readonly field: string;
  readonly message: string;
}

/** What a request failed, or nothing. */
export interface RequestCheck {
  /** The parameters, converted to the types the spec declares. */
  readonly params: Record<string, unknown>;
  readonly failures: readonly FieldFailure[];
}

const COMPONENTS = 'spec:components';

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

function fieldOf(error: ErrorObject, prefix = ''): string {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath.split('/').filter(Boolean).join('.');
  const extra =
    typeof params.missingProperty === 'string'
      ? params.missingProperty
      : typeof params.additionalProperty === 'string'
        ? params.additionalProperty
        : '';
  return [prefix, path, extra].filter(Boolean).join('.') || prefix || '(body)';
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not allowed';
  return error.message ?? `fails ${error.keyword}`;
}

function toFailures(errors: readonly ErrorObject[] | null | undefined, prefix?: string): FieldFailure[] {
  const seen = new Set<string>();
  const out: FieldFailure[] = [];
  for (const e of errors ?? []) {
    const failure = { field: fieldOf(e, prefix), message: messageOf(e) };
    const key = `${failure.field}\u0000${failure.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(failure);
  }
  return out;
}

/** Validators for every operation of a spec, compiled on first use and kept per mock. */
export class RequestValidator {
  readonly #body: Ajv;
  readonly #params: Ajv;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(spec: SpecModel) {
    const make = (coerceTypes: boolean): Ajv => {
      const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes });
      addFormats(ajv);
      // One schema holding components.schemas, so the spec's `#/components/schemas/X` refs resolve.
      ajv.addSchema({ $id: COMPONENTS, components: { schemas: spec.schemas } });
      return ajv;
    };
    this.#body = make(false);
    this.#params = make(true);
  }

  #compile(key: string, ajv: Ajv, schema: JsonSchema): ValidateFunction {
    let fn = this.#cache.get(key);
    if (!fn) {
      fn = ajv.compile(rebase(schema));
      this.#cache.set(key, fn);
    }
    return fn;
  }

  /** Checks path and query parameters; returns them converted to their declared types. */
  params(
    operationId: string,
    op: OperationModel,
    path: Readonly<Record<string, unknown>>,
    url: URL,
  ): RequestCheck {
    const params: Record<string, unknown> = {};
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const p of op.parameters) {
      const value = p.in === 'path' ? path[p.name] : url.searchParams.get(p.name);
      if (value !== undefined && value !== null) params[p.name] = value;
      properties[p.name] = p.schema;
      if (p.required) required.push(p.name);
    }
    const validate = this.#compile(`${operationId} params`, this.#params, {
      type: 'object',
      properties,
      required,
    });
    return validate(params) ? { params, failures: [] } : { params, failures: toFailures(validate.errors) };
  }

  /** Checks a request body against the operation's schema. */
  body(operationId: string, op: OperationModel, body: unknown): FieldFailure[] {
    if (!op.requestBody) return [];
    const validate = this.#compile(`${operationId} body`, this.#body, op.requestBody.schema);
    return validate(body) ? [] : toFailures(validate.errors);
  }
}

/** Points `#/components/schemas/X` refs at the components schema Ajv holds. */
function rebase(schema: JsonSchema): JsonSchema {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS}#/components/schemas/`),
  ) as JsonSchema;
}
