// The TypeScript-level comparison of two OpenAPI 3.0 documents: what a consumer of the generated types
// (and of the SDK on top of them) notices. openapi-diff judges whether the set of valid *messages* grew
// or shrank, and only for bodies; this walks the resolved schemas for what it does not see: a removed
// optional response field, a response field becoming optional, a new enum value in a response, a type
// change, a removed or renamed operation, a new required request field or parameter.
//
// Direction matters: a response type may only narrow (fields added, optional → required, enum values
// removed), a request type may only widen (optional fields added, required → optional, enum values added);
// the schema rules are in spec-schemas.mjs.
import { compareSchema, deref, q, resolveDeep, sameJson } from './spec-schemas.mjs';

export { deref, sameJson };

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

/**
 * @typedef {'breaking' | 'addition' | 'change' | 'docs'} Severity
 * @typedef {'operation' | 'request' | 'response' | 'spec'} Area
 * @typedef {{ severity: Severity, area: Area, subject: string, message: string, operations: string[] }} Change
 */

/** Operations keyed by `METHOD /path/{}` (path parameter names blanked, so renaming one is a parameter change). */
export function listOperations(spec) {
  const ops = new Map();
  for (const [path, item] of Object.entries(spec?.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op || typeof op !== 'object') continue;
      const key = `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;
      ops.set(key, {
        key,
        method: method.toUpperCase(),
        path,
        id: op.operationId ?? `${method.toUpperCase()} ${path}`,
        op,
        item,
      });
    }
  }
  return ops;
}

const isSuccess = (status) => /^2\d\d$|^2XX$/i.test(status);

/** Collects changes, merging identical ones found in several operations. */
class Changes {
  #byKey = new Map();
  add(severity, area, subject, message, operation) {
    const key = `${severity}\u0000${area}\u0000${subject}\u0000${message}`;
    let entry = this.#byKey.get(key);
    if (!entry) this.#byKey.set(key, (entry = { severity, area, subject, message, operations: [] }));
    if (operation && !entry.operations.includes(operation)) entry.operations.push(operation);
  }
  list() {
    return [...this.#byKey.values()].map((c) => ({ ...c, operations: [...c.operations].sort() }));
  }
}

/** Compares two parsed OpenAPI 3.0 documents. Pure: returns the changes, touches nothing. */
export function compareSpecs(oldSpec, newSpec) {
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
    const ctx = { old: oldSpec, new: newSpec, out, op: b.id, stack: new Set() };
    if (a.id !== b.id)
      out.add(
        'breaking',
        'operation',
        a.id,
        `operation ${q(a.id)} (${b.method} ${b.path}) was renamed to ${q(b.id)}`,
        b.id,
      );
    if (!a.op.deprecated && b.op.deprecated)
      out.add('change', 'operation', b.id, `operation ${q(b.id)} is deprecated`, b.id);
    if ((a.op.tags?.[0] ?? '') !== (b.op.tags?.[0] ?? ''))
      out.add(
        'change',
        'operation',
        b.id,
        `operation ${q(b.id)} moved to tag ${q(b.op.tags?.[0] ?? 'default')}`,
        b.id,
      );
    compareParameters(ctx, a, b);
    compareRequestBody(ctx, a.op.requestBody, b.op.requestBody);
    compareResponses(ctx, a.op.responses ?? {}, b.op.responses ?? {});
  }
  compareNamed(out, 'schema', oldSpec?.components?.schemas, newSpec?.components?.schemas);
  compareNamed(
    out,
    'security scheme',
    oldSpec?.components?.securitySchemes,
    newSpec?.components?.securitySchemes,
  );
  return out.list();
}

function compareNamed(out, what, a = {}, b = {}) {
  for (const name of Object.keys(a))
    if (!(name in b)) out.add('breaking', 'spec', name, `${what} ${q(name)} was removed`);
  for (const name of Object.keys(b))
    if (!(name in a)) out.add('addition', 'spec', name, `${what} ${q(name)} was added`);
}

function parametersOf(spec, entry) {
  const params = new Map();
  for (const p of [...(entry.item.parameters ?? []), ...(entry.op.parameters ?? [])]) {
    const param = deref(spec, p).node;
    if (!param?.name || !param.in) continue;
    params.set(`${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`, param);
  }
  return params;
}

function compareParameters(ctx, a, b) {
  const pa = parametersOf(ctx.old, a);
  const pb = parametersOf(ctx.new, b);
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
    if (!old) {
      if (p.required)
        ctx.out.add(
          'breaking',
          'request',
          `${p.in} parameter ${p.name}`,
          `${label} is new and required`,
          ctx.op,
        );
      else
        ctx.out.add(
          'addition',
          'request',
          `${p.in} parameter ${p.name}`,
          `${label} was added (optional)`,
          ctx.op,
        );
      continue;
    }
    if (!old.required && p.required)
      ctx.out.add('breaking', 'request', `${p.in} parameter ${p.name}`, `${label} is now required`, ctx.op);
    if (old.required && !p.required)
      ctx.out.add('change', 'request', `${p.in} parameter ${p.name}`, `${label} is now optional`, ctx.op);
    if (!old.deprecated && p.deprecated)
      ctx.out.add('change', 'request', `${p.in} parameter ${p.name}`, `${label} is deprecated`, ctx.op);
    compareSchema(ctx, old.schema, p.schema, 'request', label);
  }
}

function compareRequestBody(ctx, aNode, bNode) {
  const a = deref(ctx.old, aNode).node;
  const b = deref(ctx.new, bNode).node;
  const subject = `${ctx.op} request body`;
  if (!a && !b) return;
  if (!a) {
    ctx.out.add(
      b.required ? 'breaking' : 'addition',
      'request',
      subject,
      b.required ? 'a request body is now required' : 'an optional request body was added',
      ctx.op,
    );
  } else if (!b) {
    ctx.out.add('breaking', 'request', subject, 'the request body was removed', ctx.op);
  } else {
    if (!a.required && b.required)
      ctx.out.add('breaking', 'request', subject, 'the request body is now required', ctx.op);
    compareContent(ctx, a.content ?? {}, b.content ?? {}, 'request', 'request body', true);
  }
}

function compareContent(ctx, ca, cb, dir, label, isSuccessful) {
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
    else compareSchema(ctx, ca[type]?.schema, cb[type]?.schema, dir, `${ctx.op} ${label}`);
  }
}

function compareResponses(ctx, ra, rb) {
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
    compareHeaders(ctx, status, a.headers ?? {}, b.headers ?? {});
    compareContent(
      ctx,
      a.content ?? {},
      b.content ?? {},
      'response',
      `${status} response`,
      isSuccess(status),
    );
  }
}

function bodySchemas(spec, response) {
  const content = deref(spec, response).node?.content ?? {};
  return Object.fromEntries(
    Object.entries(content).map(([type, media]) => [type, resolveDeep(spec, media?.schema, new Set())]),
  );
}

function compareHeaders(ctx, status, ha, hb) {
  const lower = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), [k, v]]));
  const la = lower(ha);
  const lb = lower(hb);
  for (const [key, [name]] of Object.entries(la)) {
    if (!(key in lb))
      ctx.out.add(
        'breaking',
        'response',
        `${status} header ${name}`,
        `${status} response header ${q(name)} was removed`,
        ctx.op,
      );
  }
  for (const [key, [name, node]] of Object.entries(lb)) {
    if (!(key in la)) {
      ctx.out.add(
        'addition',
        'response',
        `${status} header ${name}`,
        `${status} response header ${q(name)} was added`,
        ctx.op,
      );
      continue;
    }
    const a = deref(ctx.old, la[key][1]).node ?? {};
    const b = deref(ctx.new, node).node ?? {};
    if (a.required && !b.required)
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
