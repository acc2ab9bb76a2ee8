// Schema-level comparison for spec-compare.mjs: two resolved schemas, in one direction. A response type may
// only narrow (fields added, optional → required, enum values removed), a request type may only widen
// (optional fields added, required → optional, enum values added); anything else is breaking.

/** Follows a local `$ref` chain; `name` is the last `#/components/schemas/<name>` passed through. */
export function deref(spec, node) {
  let name;
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string' && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    const m = /^#\/components\/schemas\/([^/]+)$/.exec(node.$ref);
    if (m) name = unescapePointer(m[1]);
    node = node.$ref.startsWith('#/')
      ? node.$ref
          .slice(2)
          .split('/')
          .map(unescapePointer)
          .reduce((cur, k) => cur?.[k], spec)
      : undefined;
  }
  return { node: node && typeof node === 'object' ? node : undefined, name };
}

const unescapePointer = (s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
export const q = (s) => (String(s).includes('`') ? String(s) : `\`${s}\``);
export const show = (v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** The JSON type of a schema as TypeScript sees it, or undefined when it says nothing. */
function typeOf(s) {
  if (s.type) return s.type;
  if (s.properties || s.additionalProperties !== undefined) return 'object';
  if (s.items) return 'array';
  return undefined;
}

/** A schema with its `allOf` parts merged (properties and required lists), as the generated type intersects them. */
function flatten(spec, schema) {
  if (!schema?.allOf) return schema ?? {};
  const merged = {
    ...schema,
    allOf: undefined,
    properties: { ...(schema.properties ?? {}) },
    required: [...(schema.required ?? [])],
  };
  for (const part of schema.allOf) {
    const p = flatten(spec, deref(spec, part).node);
    Object.assign(merged.properties, p.properties ?? {});
    merged.required.push(...(p.required ?? []));
    merged.type ??= p.type;
  }
  return merged;
}

/**
 * Compares two schemas (or `$ref`s to them) as seen from `dir`, reporting to `ctx.out` under `label`
 * (`User.email`, `query parameter \`_sort\``); object properties are reported as `<schema name>.<field>`.
 */
export function compareSchema(ctx, aNode, bNode, dir, label) {
  if (!aNode && !bNode) return;
  // Recursive schemas end where a `$ref` pair repeats on the way down: it is being compared already.
  const guard = aNode?.$ref || bNode?.$ref ? `${aNode?.$ref ?? ''}|${bNode?.$ref ?? ''}|${dir}` : undefined;
  if (guard && ctx.stack.has(guard)) return;
  if (guard) ctx.stack.add(guard);
  try {
    const ra = deref(ctx.old, aNode);
    const rb = deref(ctx.new, bNode);
    const a = flatten(ctx.old, ra.node);
    const b = flatten(ctx.new, rb.node);
    const add = (severity, message) => ctx.out.add(severity, dir, label, `${q(label)} ${message}`, ctx.op);
    const ta = typeOf(a);
    const tb = typeOf(b);
    if (ta !== tb) {
      if (ta && tb) return add('breaking', `changed type from ${ta} to ${tb}`);
      // Narrowing hurts callers that send, widening hurts callers that read.
      if (tb) return add(dir === 'request' ? 'breaking' : 'change', `is now restricted to ${tb}`);
      return add(dir === 'response' ? 'breaking' : 'addition', `is no longer restricted to ${ta}`);
    }
    if (!a.nullable !== !b.nullable) {
      const widened = Boolean(b.nullable);
      add(
        widened === (dir === 'response') ? 'breaking' : 'change',
        widened ? 'may now be null' : 'can no longer be null',
      );
    }
    compareEnum(a, b, dir, add);
    compareConstraints(a, b, dir, add);
    for (const kw of ['oneOf', 'anyOf']) {
      const va = a[kw] ?? [];
      const vb = b[kw] ?? [];
      for (let i = 0; i < Math.min(va.length, vb.length); i++)
        compareSchema(ctx, va[i], vb[i], dir, `${label} (${kw} ${i + 1})`);
      if (vb.length > va.length)
        add(
          dir === 'response' ? 'breaking' : 'addition',
          `has ${vb.length - va.length} more ${kw} variant(s)`,
        );
      if (vb.length < va.length)
        add(dir === 'request' ? 'breaking' : 'change', `has ${va.length - vb.length} fewer ${kw} variant(s)`);
    }
    if (a.items || b.items) compareSchema(ctx, a.items, b.items, dir, `${label}[]`);
    if (a.properties || b.properties) compareProperties(ctx, a, b, dir, rb.name ?? ra.name ?? label);
  } finally {
    if (guard) ctx.stack.delete(guard);
  }
}

function compareEnum(a, b, dir, add) {
  if (!a.enum && !b.enum) return;
  if (!a.enum)
    return add(dir === 'request' ? 'breaking' : 'change', `is now limited to ${b.enum.map(show).join(', ')}`);
  if (!b.enum)
    return add(
      dir === 'response' ? 'breaking' : 'addition',
      `is no longer limited to ${a.enum.map(show).join(', ')}`,
    );
  const sa = new Set(a.enum.map((v) => JSON.stringify(v)));
  const sb = new Set(b.enum.map((v) => JSON.stringify(v)));
  const added = b.enum.filter((v) => !sa.has(JSON.stringify(v)));
  const removed = a.enum.filter((v) => !sb.has(JSON.stringify(v)));
  // A new value in a response breaks exhaustive switches and narrowed unions; in a request it is just accepted.
  if (added.length)
    add(dir === 'response' ? 'breaking' : 'addition', `has new enum value(s) ${added.map(show).join(', ')}`);
  if (removed.length)
    add(dir === 'request' ? 'breaking' : 'change', `lost enum value(s) ${removed.map(show).join(', ')}`);
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const OTHER_RULES = ['format', 'pattern', 'multipleOf', 'uniqueItems', 'default', 'readOnly', 'writeOnly'];

/** Validation keywords: invisible to TypeScript, but a tighter rule on a request rejects calls that worked. */
function compareConstraints(a, b, dir, add) {
  for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS, ...OTHER_RULES]) {
    if (sameJson(a[key], b[key])) continue;
    const tighter = LOWER_BOUNDS.includes(key)
      ? b[key] !== undefined && (a[key] === undefined || b[key] > a[key])
      : UPPER_BOUNDS.includes(key)
        ? b[key] !== undefined && (a[key] === undefined || b[key] < a[key])
        : ['format', 'pattern', 'multipleOf', 'uniqueItems'].includes(key) &&
          b[key] !== undefined &&
          b[key] !== false;
    const what =
      a[key] === undefined
        ? `gained ${key} ${show(b[key])}`
        : b[key] === undefined
          ? `lost ${key} ${show(a[key])}`
          : `${key} changed from ${show(a[key])} to ${show(b[key])}`;
    add(dir === 'request' && tighter ? 'breaking' : 'change', what);
  }
}

function compareProperties(ctx, a, b, dir, base) {
  const pa = a.properties ?? {};
  const pb = b.properties ?? {};
  const ra = new Set(a.required ?? []);
  const rb = new Set(b.required ?? []);
  const field = (name) => `${base}.${name}`;
  const add = (severity, name, message) =>
    ctx.out.add(severity, dir, field(name), `${q(field(name))} ${message}`, ctx.op);
  let removed = Object.keys(pa).filter((k) => !(k in pb));
  let added = Object.keys(pb).filter((k) => !(k in pa));
  // A field that disappears while one of the same schema and requiredness appears is reported as a rename.
  for (const old of [...removed]) {
    const twins = added.filter(
      (n) =>
        ra.has(old) === rb.has(n) &&
        sameJson(resolveDeep(ctx.old, pa[old], new Set()), resolveDeep(ctx.new, pb[n], new Set())),
    );
    if (
      twins.length !== 1 ||
      removed.filter((r) =>
        sameJson(resolveDeep(ctx.old, pa[r], new Set()), resolveDeep(ctx.new, pb[twins[0]], new Set())),
      ).length !== 1
    )
      continue;
    add('breaking', old, `was renamed to ${q(twins[0])}`);
    removed = removed.filter((r) => r !== old);
    added = added.filter((n) => n !== twins[0]);
  }
  for (const name of removed) add('breaking', name, 'was removed');
  for (const name of added) {
    if (dir === 'request' && rb.has(name)) add('breaking', name, 'is a new required field');
    else add('addition', name, `was added (${rb.has(name) ? 'required' : 'optional'})`);
  }
  for (const name of Object.keys(pb)) {
    if (!(name in pa)) continue;
    if (ra.has(name) && !rb.has(name))
      add(
        dir === 'response' ? 'breaking' : 'change',
        name,
        dir === 'response' ? 'may now be missing (became optional)' : 'became optional',
      );
    if (!ra.has(name) && rb.has(name))
      add(
        dir === 'request' ? 'breaking' : 'change',
        name,
        dir === 'request' ? 'became required' : 'is now always present (became required)',
      );
    const da = deref(ctx.old, pa[name]).node;
    const db = deref(ctx.new, pb[name]).node;
    if (!da?.deprecated && db?.deprecated) add('change', name, 'is deprecated');
    compareSchema(ctx, pa[name], pb[name], dir, field(name));
  }
}

const SCHEMA_DOC_KEYS = new Set(['description', 'example', 'examples', 'title', 'externalDocs']);

/** A schema with every `$ref` replaced by its target and documentation dropped, for equality checks. */
export function resolveDeep(spec, node, seen, inProperties = false) {
  if (Array.isArray(node)) return node.map((n) => resolveDeep(spec, n, seen));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return { $ref: node.$ref };
    const next = new Set(seen).add(node.$ref);
    return resolveDeep(spec, deref(spec, node).node, next);
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    // Under `properties` the keys are field names, so a field called `description` stays.
    if (inProperties || !SCHEMA_DOC_KEYS.has(k))
      out[k] = resolveDeep(spec, v, seen, !inProperties && k === 'properties');
  }
  return out;
}

export function sameJson(a, b) {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}
