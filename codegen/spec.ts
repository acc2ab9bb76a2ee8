// The one spec reader: load, version check, `$ref` resolution and the operation walk, shared by
// `npm run generate` and `npm run spec:update`. Everything that reads spec/openapi.yaml goes through here,
// so the generator and the update workflow can never disagree about what the spec says.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The spec cannot be used as it is; `message` says why and what to do. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** A JSON value as YAML/JSON parsing yields it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** An OpenAPI 3.0 document, as far as the tools here read it (everything else is kept untyped). */
export interface OpenApiDocument extends JsonObject {
  openapi: string;
}

/** The HTTP methods an OpenAPI path item can hold, in the order the walk visits them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'] as const;
/** One of {@link HTTP_METHODS}. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Whether a JSON value is an object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of an object, or undefined. */
export function str(node: Json | undefined, key: string): string | undefined {
  if (!isObject(node)) return undefined;
  const v = node[key];
  return typeof v === 'string' ? v : undefined;
}

/** An object field of an object, or undefined. */
export function obj(node: Json | undefined, key: string): JsonObject | undefined {
  if (!isObject(node)) return undefined;
  const v = node[key];
  return isObject(v) ? v : undefined;
}

/** An array field of an object, or an empty array. */
export function arr(node: Json | undefined, key: string): Json[] {
  if (!isObject(node)) return [];
  const v = node[key];
  return Array.isArray(v) ? v : [];
}

/** Checks the version of a parsed document: OpenAPI 3.0.x, nothing else. */
export function assertOpenApi30(doc: unknown, label: string): asserts doc is OpenApiDocument {
  if (!isObject(doc)) {
    throw new SpecError(`${label} is not an OpenAPI document: expected a YAML or JSON object at the top.`);
  }
  const swagger = doc.swagger;
  if (swagger !== undefined) {
    throw new SpecError(
      `${label} is Swagger ${typeof swagger === 'string' || typeof swagger === 'number' ? String(swagger) : JSON.stringify(swagger)} (OpenAPI 2), but this SDK is generated from OpenAPI 3.0.x. ` +
        'Ask the provider for their OpenAPI 3.0 document, or convert it (for example with swagger2openapi) and review the result.',
    );
  }
  const version = doc.openapi;
  if (typeof version !== 'string') {
    throw new SpecError(`${label} has no \`openapi: 3.0.x\` field, so it is not an OpenAPI 3 document.`);
  }
  if (!/^3\.0\.\d+$/.test(version)) {
    throw new SpecError(
      `${label} is OpenAPI ${version}, but this SDK's toolchain (openapi-diff 0.24, the generator settings, Prism, the Spectral rules) ` +
        'expects OpenAPI 3.0.x. Ask the provider for a 3.0 document, or down-convert it (type arrays → nullable, examples, webhooks) before running spec:update.',
    );
  }
}

/** `$ref`s to other files: the spec must be bundled into one document first. */
function externalRefs(node: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) externalRefs(n, found);
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) found.add(v);
      else externalRefs(v, found);
    }
  }
  return found;
}

/** Parses a spec's text (YAML or JSON) and checks it; returns the document. */
export function parseSpec(text: string, label: string): OpenApiDocument {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new SpecError(
      `${label} is neither valid YAML nor JSON: ${err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)}`,
    );
  }
  assertOpenApi30(doc, label);
  const refs = [...externalRefs(doc)];
  if (refs.length) {
    throw new SpecError(
      `${label} refers to other files (${refs.slice(0, 3).join(', ')}${refs.length > 3 ? ', …' : ''}); bundle it into one document first.`,
    );
  }
  return doc;
}

/** Reads and checks a spec file; returns its text and the parsed document. */
export async function loadSpec(path: string, label = path): Promise<{ text: string; doc: OpenApiDocument }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new SpecError(`Cannot read ${label}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { text, doc: parseSpec(text, label) };
}

/** The name a local `$ref` points at (`#/components/schemas/User` → `User`), or undefined. */
export function refName(node: Json | undefined): string | undefined {
  const ref = str(node, '$ref');
  return ref?.slice(ref.lastIndexOf('/') + 1);
}

/** Follows local `$ref`s (RFC 6901 pointers) until a node that is not a reference. */
export function resolveRef(doc: OpenApiDocument, node: Json | undefined): Json | undefined {
  const seen = new Set<string>();
  let cur = node;
  for (let ref = str(cur, '$ref'); ref !== undefined; ref = str(cur, '$ref')) {
    if (seen.has(ref)) throw new SpecError(`The $ref ${ref} refers to itself.`);
    seen.add(ref);
    if (!ref.startsWith('#/'))
      throw new SpecError(`Unresolvable $ref ${ref}: only local references are read.`);
    let target: Json | undefined = doc;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) throw new SpecError(`Unresolvable $ref ${ref}`);
    cur = target;
  }
  return cur;
}

/** One parameter of an operation, `$ref` resolved. */
export interface SpecParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly description: string | undefined;
  /** The schema as written (may be a `$ref`). */
  readonly schema: Json | undefined;
  /** The parameter object itself, `$ref` resolved. */
  readonly node: JsonObject;
}

/** One operation of the spec, as the walk yields it. */
export interface SpecOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** The first tag, or `default`. */
  readonly tag: string;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  /** Path-item parameters then the operation's own, an operation's own overriding by name and place. */
  readonly parameters: readonly SpecParameter[];
  /** The operation node itself (extensions such as `x-sdk-method` are read from it). */
  readonly node: JsonObject;
  /** The path item the operation is in. */
  readonly item: JsonObject;
}

function toParameter(doc: OpenApiDocument, raw: Json, where: string): SpecParameter {
  const p = resolveRef(doc, raw);
  const name = str(p, 'name');
  const place = str(p, 'in');
  if (!isObject(p) || name === undefined || !['path', 'query', 'header', 'cookie'].includes(place ?? '')) {
    throw new SpecError(`${where} has a parameter without a name or a valid \`in\`.`);
  }
  return {
    name,
    in: place as SpecParameter['in'],
    required: p.required === true || place === 'path',
    description: str(p, 'description'),
    schema: p.schema,
    node: p,
  };
}

/**
 * Every operation of the spec in document order. Throws SpecError on one without an operationId, unless
 * `lenient` (the spec comparison reads a provider's document before judging it): then the operation is
 * named `METHOD /path` and parameters without a name or place are skipped.
 */
export function walkOperations(doc: OpenApiDocument, { lenient = false } = {}): SpecOperation[] {
  const out: SpecOperation[] = [];
  const params = (list: Json[], where: string): SpecParameter[] =>
    list.flatMap((p) => {
      try {
        return [toParameter(doc, p, where)];
      } catch (err) {
        if (lenient) return [];
        throw err;
      }
    });
  for (const [path, rawItem] of Object.entries(obj(doc, 'paths') ?? {})) {
    const item = resolveRef(doc, rawItem);
    if (!isObject(item)) continue;
    const shared = params(arr(item, 'parameters'), path);
    for (const method of HTTP_METHODS) {
      const op = obj(item, method);
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const operationId = str(op, 'operationId') ?? (lenient ? where : undefined);
      if (!operationId) throw new SpecError(`${where} has no operationId`);
      const own = params(arr(op, 'parameters'), where);
      const key = (p: SpecParameter): string => `${p.in}:${p.name}`;
      const ownKeys = new Set(own.map(key));
      const tags = arr(op, 'tags').filter((t): t is string => typeof t === 'string');
      out.push({
        operationId,
        method,
        path,
        tag: tags[0] ?? 'default',
        summary: str(op, 'summary'),
        description: str(op, 'description'),
        parameters: [...shared.filter((p) => !ownKeys.has(key(p))), ...own],
        node: op,
        item,
      });
    }
  }
  return out;
}
