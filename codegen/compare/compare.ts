// The TypeScript-level comparison of two OpenAPI 3.0 documents: what a consumer of the generated types
// (and of the SDK on top of them) notices. openapi-diff judges whether the set of valid *messages* grew
// or shrank, and only for bodies; this walks the resolved schemas for what it does not see: a removed
// optional response field, a response field becoming optional, a new enum value in a response, a type
// change, a removed or renamed operation, a new required request field or parameter.
//
// Direction matters: a response type may only narrow (fields added, optional → required, enum values
// removed), a request type may only widen (optional fields added, required → optional, enum values added);
// the schema rules are in schemas.ts. Operations come from the shared reader's walk (codegen/spec.ts).
import {
  isObject,
  walkOperations,
  type Json,
  type JsonObject,
  type OpenApiDocument,
  type SpecOperation,
} from '../spec.js';
import { Changes, type Change } from './changes.js';
import {
  compareSchema,
  deref,
  q,
  resolveDeep,
  sameJson,
  type CompareContext,
  type Direction,
} from './schemas.js';

export { deref, sameJson };
export type { Change };

/** An operation as the comparison keys it. */
export interface ListedOperation {
  /** `METHOD /path/{}`: path parameter names blanked, so renaming one is a parameter change. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /** The operationId (or `METHOD /path` when there is none). */
  readonly id: string;
  readonly op: SpecOperation;
}

/** Operations keyed by `METHOD /path/{}`. */
export function listOperations(doc: OpenApiDocument): Map<string, ListedOperation> {
  const ops = new Map<string, ListedOperation>();
  for (const op of walkOperations(doc, { lenient: true })) {
    const method = op.method.toUpperCase();
    const key = `${method} ${op.path.replace(/\{[^}]*\}/g, '{}')}`;
    ops.set(key, { key, method, path: op.path, id: op.operationId, op });
  }
  return ops;
}

const isSuccess = (status: string): boolean => /^2\d\d$|^2XX$/i.test(status);
const objectOf = (node: Json | undefined, key: string): JsonObject => {
  const v = isObject(node) ? node[key] : undefined;
  return isObject(v) ? v : {};
};
const firstTag = (op: JsonObject): string => {
  const tags = op.tags;
  return Array.isArray(tags) && typeof tags[0] === 'string' ? tags[0] : '';
};

/** Compares two parsed OpenAPI 3.0 documents. Pure: returns the changes, touches nothing. */
export function compareSpecs(oldSpec: OpenApiDocument, newSpec: OpenApiDocument): Change[] {
  const out = new Changes();
  const oldOps = listOperations(oldSpec);
  const newOps = listOperations(newSpec);
  for (const [key, a] of oldOps) {
    if (!newOps.has(key))
      out.add(
        'breaking',
        'operation',
        a.id,
        `operation ${q(a.id)} (${a.method} ${a.path}) was removed`,
        a.id,
      );
  }
  for (const [key, b] of newOps) {
    const a = oldOps.get(key);
    if (!a) {
      out.add('addition', 'operation', b.id, `operation ${q(b.id)} (${b.method} ${b.path}) was added`, b.id);
      continue;
    }
    const ctx: CompareContext = { old: oldSpec, new: newSpec, out, op: b.id, stack: new Set() };
    if (a.id !== b.id)
      out.add(
        'breaking',
        'operation',
        a.id,
        `operation ${q(a.id)} (${b.method} ${b.path}) was renamed to ${q(b.id)}`,
        b.id,
      );
    if (a.op.node.deprecated !== true && b.op.node.deprecated === true)
      out.add('change', 'operation', b.id, `operation ${q(b.id)} is deprecated`, b.id);
    if (firstTag(a.op.node) !== firstTag(b.op.node))
      out.add(
        'change',
        'operation',
        b.id,
        `operation ${q(b.id)} moved to tag ${q(firstTag(b.op.node) || 'default')}`,
        b.id,
      );
    compareParameters(ctx, a, b);
    compareRequestBody(ctx, a.op.node.requestBody, b.op.node.requestBody);
    compareResponses(ctx, objectOf(a.op.node, 'responses'), objectOf(b.op.node, 'responses'));
  }
  const components = (doc: OpenApiDocument, kind: string): JsonObject =>
    objectOf(objectOf(doc, 'components'), kind);
  compareNamed(out, 'schema', components(oldSpec, 'schemas'), components(newSpec, 'schemas'));
  compareNamed(
    out,
    'security scheme',
    components(oldSpec, 'securitySchemes'),
    components(newSpec, 'securitySchemes'),
  );
  return out.list();
}

function compareNamed(out: Changes, what: string, a: JsonObject, b: JsonObject): void {
  for (const name of Object.keys(a))
    if (!(name in b)) out.add('breaking', 'spec', name, `${what} ${q(name)} was removed`);
  for (const name of Object.keys(b))
    if (!(name in a)) out.add('addition', 'spec', name, `${what} ${q(name)} was added`);
}

/** The parameters of an operation keyed by place and name (header names case-insensitively). */
function parametersOf(entry: ListedOperation): Map<string, { name: string; in: string; node: JsonObject }> {
  const params = new Map<string, { name: string; in: string; node: JsonObject }>();
  for (const p of entry.op.parameters) {
    params.set(`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, {
      name: p.name,
      in: p.in,
      node: p.node,
    });
  }
  return params;
}

function compareParameters(ctx: CompareContext, a: ListedOperation, b: ListedOperation): void {
  const pa = parametersOf(a);
  const pb = parametersOf(b);
  for (const [key, p] of pa) {
    if (!pb.has(key))
      ctx.out.add(
        'breaking',
        'request',
        `${p.in} parameter ${p.name}`,
        `${p.in} parameter ${q(p.name)} was removed`,
        ctx.op,
      );
  }
  for (const [key, p] of pb) {
    const old = pa.get(key);
    const label = `${p.in} parameter ${q(p.name)}`;
    const subject = `${p.in} parameter ${p.name}`;
    if (!old) {
      if (p.node.required === true)
        ctx.out.add('breaking', 'request', subject, `${label} is new and required`, ctx.op);
      else ctx.out.add('addition', 'request', subject, `${label} was added (optional)`, ctx.op);
      continue;
    }
    if (old.node.required !== true && p.node.required === true)
      ctx.out.add('breaking', 'request', subject, `${label} is now required`, ctx.op);
    if (old.node.required === true && p.node.required !== true)
      ctx.out.add('change', 'request', subject, `${label} is now optional`, ctx.op);
    if (old.node.deprecated !== true && p.node.deprecated === true)
      ctx.out.add('change', 'request', subject, `${label} is deprecated`, ctx.op);
    compareSchema(ctx, old.node.schema, p.node.schema, 'request', label);
  }
}

function compareRequestBody(ctx: CompareContext, aNode: Json | undefined, bNode: Json | undefined): void {
  const a = deref(ctx.old, aNode).node;
  const b = deref(ctx.new, bNode).node;
  const subject = `${ctx.op} request body`;
  if (!a && !b) return;
  if (!a) {
    const required = b?.required === true;
    ctx.out.add(
      required ? 'breaking' : 'addition',
      'request',
      subject,
      required ? 'a request body is now required' : 'an optional request body was added',
      ctx.op,
    );
  } else if (!b) {
    ctx.out.add('breaking', 'request', subject, 'the request body was removed', ctx.op);
  } else {
    if (a.required !== true && b.required === true)
      ctx.out.add('breaking', 'request', subject, 'the request body is now required', ctx.op);
    compareContent(ctx, objectOf(a, 'content'), objectOf(b, 'content'), 'request', 'request body', true);
  }
}

function compareContent(
  ctx: CompareContext,
  ca: JsonObject,
  cb: JsonObject,
  dir: Direction,
  label: string,
  isSuccessful: boolean,
): void {
  for (const type of Object.keys(ca)) {
    if (!(type in cb))
      ctx.out.add(
        isSuccessful ? 'breaking' : 'change',
        dir,
        `${ctx.op} ${label}`,
        `${label} no longer comes as ${type}`,
        ctx.op,
      );
  }
  for (const type of Object.keys(cb)) {
    if (!(type in ca))
      ctx.out.add(
        dir === 'request' ? 'addition' : 'change',
        dir,
        `${ctx.op} ${label}`,
        `${label} may now come as ${type}`,
        ctx.op,
      );
    else compareSchema(ctx, objectOf(ca, type).schema, objectOf(cb, type).schema, dir, `${ctx.op} ${label}`);
  }
}

function compareResponses(ctx: CompareContext, ra: JsonObject, rb: JsonObject): void {
  const oldSuccess = Object.keys(ra).filter(isSuccess);
  for (const status of Object.keys(ra)) {
    if (status in rb) continue;
    if (isSuccess(status))
      ctx.out.add('breaking', 'response', `${ctx.op} ${status}`, `no longer answers ${status}`, ctx.op);
    else
      ctx.out.add(
        'change',
        'response',
        `${ctx.op} ${status}`,
        `no longer declares a ${status} response`,
        ctx.op,
      );
  }
  for (const status of Object.keys(rb)) {
    const b = deref(ctx.new, rb[status]).node ?? {};
    if (!(status in ra)) {
      // A new success status changes the type of `data` unless its body is like the existing ones.
      const sameBody = oldSuccess.some((s) =>
        sameJson(bodySchemas(ctx.old, ra[s]), bodySchemas(ctx.new, rb[status])),
      );
      if (isSuccess(status) && !sameBody)
        ctx.out.add(
          'breaking',
          'response',
          `${ctx.op} ${status}`,
          `may now answer ${status}, with another body`,
          ctx.op,
        );
      else ctx.out.add('addition', 'response', `${ctx.op} ${status}`, `may now answer ${status}`, ctx.op);
      continue;
    }
    const a = deref(ctx.old, ra[status]).node ?? {};
    compareHeaders(ctx, status, objectOf(a, 'headers'), objectOf(b, 'headers'));
    compareContent(
      ctx,
      objectOf(a, 'content'),
      objectOf(b, 'content'),
      'response',
      `${status} response`,
      isSuccess(status),
    );
  }
}

function bodySchemas(doc: OpenApiDocument, response: Json | undefined): JsonObject {
  const content = objectOf(deref(doc, response).node, 'content');
  return Object.fromEntries(
    Object.entries(content).map(([type, media]) => [
      type,
      resolveDeep(doc, isObject(media) ? media.schema : undefined, new Set()),
    ]),
  );
}

function compareHeaders(ctx: CompareContext, status: string, ha: JsonObject, hb: JsonObject): void {
  const lower = (h: JsonObject): Map<string, [string, Json]> =>
    new Map(Object.entries(h).map(([k, v]) => [k.toLowerCase(), [k, v]]));
  const la = lower(ha);
  const lb = lower(hb);
  for (const [key, [name]] of la) {
    if (!lb.has(key))
      ctx.out.add(
        'breaking',
        'response',
        `${status} header ${name}`,
        `${status} response header ${q(name)} was removed`,
        ctx.op,
      );
  }
  for (const [key, [name, node]] of lb) {
    const before = la.get(key);
    if (!before) {
      ctx.out.add(
        'addition',
        'response',
        `${status} header ${name}`,
        `${status} response header ${q(name)} was added`,
        ctx.op,
      );
      continue;
    }
    const a = deref(ctx.old, before[1]).node ?? {};
    const b = deref(ctx.new, node).node ?? {};
    if (a.required === true && b.required !== true)
      ctx.out.add(
        'breaking',
        'response',
        `${status} header ${name}`,
        `${status} response header ${q(name)} may now be missing`,
        ctx.op,
      );
    compareSchema(ctx, a.schema, b.schema, 'response', `${status} response header ${q(name)}`);
  }
}
