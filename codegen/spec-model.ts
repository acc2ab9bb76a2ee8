// The part of the spec that `user-management-sdk/testing` (the MSW mock) reads at run time: each
// operation's method, path, parameters, request body schema and success response with its examples,
// plus components.schemas. Validation keywords are kept; prose (description, example, …) is dropped so
// the mock ships no more of the spec than it uses. Reads the spec through the one reader (codegen/spec.ts).
import {
  isObject,
  obj,
  resolveRef,
  walkOperations,
  type Json,
  type JsonObject,
  type OpenApiDocument,
} from './spec.js';

/** Annotation keywords a validator ignores; everything else in a schema is kept. */
const ANNOTATIONS = new Set([
  'description',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'title',
  'deprecated',
]);
/** Keywords whose value is a map of name → schema (so a property named `description` survives). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
/** Keywords whose value is a schema or a list of schemas. */
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf']);
/** The methods the mock serves. */
const MOCKED = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** A schema with its annotations removed; `$ref`s to components.schemas stay as they are. */
function stripSchema(schema: Json | undefined): Json {
  if (Array.isArray(schema)) return schema.map(stripSchema);
  if (!isObject(schema)) return schema ?? null;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, stripSchema(s)]));
    else if (SCHEMA_VALUES.has(key)) out[key] = typeof value === 'boolean' ? value : stripSchema(value);
    else out[key] = value;
  }
  return out;
}

/** The example values of a media type (`example`, or each of `examples`). */
function exampleValues(doc: OpenApiDocument, media: JsonObject | undefined): Json[] {
  if (!media) return [];
  if (media.example !== undefined) return [media.example];
  return Object.values(obj(media, 'examples') ?? {})
    .map((e) => {
      const resolved = resolveRef(doc, e);
      return isObject(resolved) ? resolved.value : undefined;
    })
    .filter((v): v is Json => v !== undefined);
}

/** operationId → what the mock needs, plus components.schemas (see src/testing/model.ts for the shape). */
export function deriveSpecModel(doc: OpenApiDocument): { operations: JsonObject; schemas: JsonObject } {
  const operations: JsonObject = {};
  for (const op of walkOperations(doc)) {
    if (!MOCKED.has(op.method)) continue;
    const parameters = op.parameters
      .filter((p) => p.in === 'path' || p.in === 'query')
      .map((p) => ({
        name: p.name,
        in: p.in,
        // As the spec writes it: a path parameter is required because the spec says so.
        required: p.required,
        schema: stripSchema(p.schema ?? {}),
      }));
    const body = resolveRef(doc, op.node.requestBody);
    const bodyMedia = obj(obj(body, 'content'), 'application/json');
    const responses = obj(op.node, 'responses') ?? {};
    const statuses = Object.keys(responses).sort();
    const successStatus = statuses.find((s) => /^2\d\d$/.test(s));
    const success = successStatus === undefined ? undefined : resolveRef(doc, responses[successStatus]);
    const successMedia = obj(obj(success, 'content'), 'application/json');
    const header = (name: string): boolean =>
      op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === name);
    const successHeaders = Object.keys(obj(success, 'headers') ?? {}).map((h) => h.toLowerCase());
    operations[op.operationId] = {
      method: op.method.toUpperCase(),
      path: op.path,
      tag: op.tag,
      parameters,
      ...(bodyMedia
        ? {
            requestBody: {
              required: isObject(body) && body.required === true,
              schema: stripSchema(bodyMedia.schema ?? {}),
            },
          }
        : {}),
      success: {
        status: Number(successStatus),
        ...(successMedia?.schema ? { schema: stripSchema(successMedia.schema) } : {}),
        examples: exampleValues(doc, successMedia),
      },
      errorStatuses: statuses.filter((s) => /^[45]\d\d$/.test(s)).map(Number),
      // Conditional requests (RFC 9110 §13): which headers the operation declares.
      conditional: {
        etag: successHeaders.includes('etag'),
        ifMatch: header('if-match'),
        ifNoneMatch: header('if-none-match'),
      },
    };
  }
  const schemas = Object.fromEntries(
    Object.entries(obj(obj(doc, 'components'), 'schemas') ?? {}).map(([name, s]) => [name, stripSchema(s)]),
  );
  return {
    operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))),
    schemas,
  };
}

/** src/generated/spec-model.ts for a parsed spec; `header` is the generator's "do not edit" banner. */
export function renderSpecModel(header: string, doc: OpenApiDocument): string {
  const model = deriveSpecModel(doc);
  const ids = Object.keys(model.operations).map((id) => `  | ${JSON.stringify(id)}`);
  return (
    header +
    `/** The operations and schemas of the spec that the mock in \`user-management-sdk/testing\` reads. */\n` +
    `export const specModel = ${JSON.stringify(model, null, 2)};\n\n` +
    `/** The operationIds of the spec, e.g. \`'getUser'\`. */\n` +
    `export type SpecOperationId =\n${ids.length ? ids.join('\n') : '  never'};\n`
  );
}
