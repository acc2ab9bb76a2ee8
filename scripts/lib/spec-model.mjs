// The part of the spec that `user-management-sdk/testing` (the MSW mock) reads at run time: each
// operation's method, path, parameters, request body schema and success response with its examples,
// plus components.schemas. Validation keywords are kept; prose (description, example, …) is dropped so
// the mock ships no more of the spec than it uses. Self-contained so the generator can call it as one step.

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];
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

function deref(spec, node) {
  if (!node || typeof node.$ref !== 'string') return node;
  let cur = spec;
  for (const p of node.$ref.replace(/^#\//, '').split('/'))
    cur = cur?.[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (cur === undefined) throw new Error(`Unresolvable $ref ${node.$ref}`);
  return deref(spec, cur);
}

/** A schema with its annotations removed; `$ref`s to components.schemas stay as they are. */
function stripSchema(schema) {
  if (Array.isArray(schema)) return schema.map(stripSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA_MAPS.has(key))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, stripSchema(s)]));
    else if (SCHEMA_VALUES.has(key)) out[key] = typeof value === 'boolean' ? value : stripSchema(value);
    else out[key] = value;
  }
  return out;
}

/** The example values of a media type (`example`, or each of `examples`). */
function exampleValues(spec, media) {
  if (!media) return [];
  if (media.example !== undefined) return [media.example];
  return Object.values(media.examples ?? {})
    .map((e) => deref(spec, e)?.value)
    .filter((v) => v !== undefined);
}

/** operationId → what the mock needs, plus components.schemas. */
export function deriveSpecModel(spec) {
  const operations = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const shared = (item.parameters ?? []).map((p) => deref(spec, p));
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op?.operationId) continue;
      const byKey = new Map();
      for (const p of [...shared, ...(op.parameters ?? []).map((x) => deref(spec, x))])
        byKey.set(`${p.in}:${p.name}`, p);
      const parameters = [...byKey.values()]
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required === true,
          schema: stripSchema(p.schema ?? {}),
        }));
      const body = deref(spec, op.requestBody);
      const bodyMedia = body?.content?.['application/json'];
      const statuses = Object.keys(op.responses ?? {}).sort();
      const successStatus = statuses.find((s) => /^2\d\d$/.test(s));
      const success = deref(spec, op.responses?.[successStatus]);
      const successMedia = success?.content?.['application/json'];
      operations[op.operationId] = {
        method: method.toUpperCase(),
        path,
        tag: op.tags?.[0] ?? 'default',
        parameters,
        ...(bodyMedia
          ? { requestBody: { required: body.required === true, schema: stripSchema(bodyMedia.schema ?? {}) } }
          : {}),
        success: {
          status: Number(successStatus),
          ...(successMedia?.schema ? { schema: stripSchema(successMedia.schema) } : {}),
          examples: exampleValues(spec, successMedia),
        },
        errorStatuses: statuses.filter((s) => /^[45]\d\d$/.test(s)).map(Number),
      };
    }
  }
  const schemas = Object.fromEntries(
    Object.entries(spec.components?.schemas ?? {}).map(([name, s]) => [name, stripSchema(s)]),
  );
  return {
    operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))),
    schemas,
  };
}

/** generated/spec-model.ts for a parsed spec; `header` is the generator's "do not edit" banner. */
export function renderSpecModel(header, spec) {
  return (
    header +
    `/** The operations and schemas of the spec that the mock in \`user-management-sdk/testing\` reads. */\n` +
    `export const specModel = ${JSON.stringify(deriveSpecModel(spec), null, 2)};\n`
  );
}
