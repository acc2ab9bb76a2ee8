// Every operation of the spec through its generated method, against the Prism mock — driven from the
// operation table, not written per operation: a provider's new operation is contract-tested the moment
// `npm run generate` gives it a method. Arguments come from the spec's examples; results are checked
// against the spec's own success schema; `.withResponse()` must carry the status and X-Request-Id.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, inject, it } from 'vitest';
import { parseSpec, resolveRef, walkOperations, type Json } from '../../codegen/spec.js';
import { operations } from '../../src/http/operations.js';
import { UserManagementClient } from '../../src/index.js';

const specText = readFileSync(new URL('../../spec/openapi.yaml', import.meta.url), 'utf8');
const spec = parseSpec(specText, 'spec/openapi.yaml');
const byId = new Map(walkOperations(spec).map((op) => [op.operationId, op]));

/** OpenAPI 3.0 schema objects → JSON Schema (nullable → a null type; example dropped). */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'nullable') continue;
    out[key] =
      key === 'properties' && typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]))
        : key === '$ref' && typeof value === 'string'
          ? `openapi.json${value}`
          : toJsonSchema(value);
  }
  const { nullable, type } = schema as { nullable?: unknown; type?: unknown };
  if (nullable === true && typeof type === 'string') out.type = [type, 'null'];
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({
  $id: 'openapi.json',
  components: { schemas: toJsonSchema((spec as any).components.schemas) },
});

/** The example of a parameter or request body in the spec. */
function exampleOf(node: Json | undefined): unknown {
  const n: any = resolveRef(spec, node);
  if (n?.example !== undefined) return n.example;
  const media = n?.content?.['application/json'];
  if (media?.example !== undefined) return media.example;
  const first: any = resolveRef(spec, Object.values(media?.examples ?? {})[0] as Json | undefined);
  return first?.value;
}

/** The JSON schema of an operation's first success response. */
function successSchema(id: string): object | undefined {
  const op = byId.get(id)!;
  const row = operations[id as keyof typeof operations];
  const response: any = resolveRef(spec, (op.node as any).responses[String(row.successStatus)]);
  return toJsonSchema(response?.content?.['application/json']?.schema) as object | undefined;
}

function client(): UserManagementClient {
  return new UserManagementClient({
    baseUrl: inject('prismUrl'),
    apiKey: 'test-key',
    logLevel: 'off',
    maxRetries: 0,
  });
}

type Method = (...args: unknown[]) => Promise<unknown> & {
  withResponse(): Promise<{ data: unknown; response: Response; requestId: string | undefined }>;
};

/** The arguments of an operation's method, in the generated order: path params, body, query, options. */
function argsFor(id: string): unknown[] {
  const op = byId.get(id)!;
  const row = operations[id as keyof typeof operations];
  const args: unknown[] = row.pathParams.map((p) => {
    const param = op.parameters.find((x) => x.in === 'path' && x.name === p.name)!;
    return (resolveRef(spec, param as unknown as Json) as any).example ?? exampleOf(param.schema) ?? 1;
  });
  if (row.body) args.push(exampleOf((op.node as any).requestBody));
  return args;
}

const rows = Object.entries(operations);

describe('every operation of the spec, through its generated method, against the Prism mock', () => {
  it('covers every operation of the spec', () => {
    expect(rows.map(([id]) => id).sort()).toEqual([...byId.keys()].sort());
  });

  it.each(rows)('%s: the method resolves to what the spec promises', async (id, row) => {
    const c = client() as unknown as Record<string, Record<string, Method>>;
    const method = c[row.sdk.property]?.[row.sdk.method];
    expect(method, `client.${row.sdk.property}.${row.sdk.method}`).toBeTypeOf('function');
    const call = (): ReturnType<Method> => method!.apply(c[row.sdk.property], argsFor(id));

    const result: any = await call();
    const validate = ajv.compile(successSchema(id) ?? {});
    if (row.pagination) {
      expect(Object.keys(result).sort()).toEqual(
        expect.arrayContaining(['data', 'hasNextPage', 'limit', 'page']),
      );
      expect(validate(result.data), ajv.errorsText(validate.errors)).toBe(true);
    } else if (!row.returnsData) {
      expect(result).toBeUndefined();
    } else {
      expect(validate(result), ajv.errorsText(validate.errors)).toBe(true);
    }

    const { response, requestId } = await call().withResponse();
    expect(row.successStatuses).toContain(response.status);
    expect(requestId).toBe(response.headers.get('x-request-id') ?? undefined);
    expect(requestId).toBeTypeOf('string');
  });

  it.each(rows.filter(([, row]) => row.acceptsIdempotencyKey))(
    '%s: sends an Idempotency-Key because the spec declares one',
    async (id, row) => {
      const seen: (string | null)[] = [];
      const c = new UserManagementClient({
        baseUrl: inject('prismUrl'),
        apiKey: 'test-key',
        logLevel: 'off',
        fetch: (req, init) => {
          seen.push(req.headers.get('idempotency-key'));
          return fetch(req, init);
        },
      }) as unknown as Record<string, Record<string, Method>>;
      await c[row.sdk.property]![row.sdk.method]!.apply(c[row.sdk.property], argsFor(id));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});
