// Schema-level comparison for compare.ts: two resolved schemas, in one direction. A response type may
// only narrow (fields added, optional → required, enum values removed), a request type may only widen
// (optional fields added, required → optional, enum values added); anything else is breaking.
import { isObject, resolveRef, type Json, type JsonObject, type OpenApiDocument } from '../spec.js';
import type { Changes, Severity } from './changes.js';

/**
 * Follows a local `$ref` chain through the shared reader, tolerating a target that is missing (a spec
 * being compared is reported on, not rejected); `name` is the last `#/components/schemas/<name>` passed.
 */
export function deref(
  doc: OpenApiDocument,
  node: Json | undefined,
): { node: JsonObject | undefined; name: string | undefined } {
  let name: string | undefined;
  let cur = node;
  const seen = new Set<string>();
  for (let ref = refOf(cur); ref !== undefined && !seen.has(ref); ref = refOf(cur)) {
    seen.add(ref);
    const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
    if (m?.[1] !== undefined) name = decodeURIComponent(m[1]).replace(/~1/g, '/').replace(/~0/g, '~');
    try {
      cur = resolveRef(doc, { $ref: ref });
    } catch {
      cur = undefined;
    }
  }
  return { node: isObject(cur) ? cur : undefined, name };
}

const refOf = (node: Json | undefined): string | undefined =>
  isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;

/** `name` in backticks, unless it holds one already. */
export const q = (s: unknown): string => (String(s).includes('`') ? String(s) : `\`${String(s)}\``);
/** A value for a message: strings quoted, the rest as JSON. */
export const show = (v: Json | undefined): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** The comparison under way: both documents, where to report, and the `$ref` pairs being compared. */
export interface CompareContext {
  readonly old: OpenApiDocument;
  readonly new: OpenApiDocument;
  readonly out: Changes;
  readonly op: string;
  readonly stack: Set<string>;
}

/** Which side of the API a schema is on. */
export type Direction = 'request' | 'response';

const list = (node: JsonObject, key: string): Json[] => {
  const v = node[key];
  return Array.isArray(v) ? v : [];
};
const objectOf = (node: JsonObject, key: string): JsonObject => {
  const v = node[key];
  return isObject(v) ? v : {};
};

/** The JSON type of a schema as TypeScript sees it, or undefined when it says nothing. */
function typeOf(s: JsonObject): string | undefined {
  if (typeof s.type === 'string') return s.type;
  if (s.properties !== undefined || s.additionalProperties !== undefined) return 'object';
  if (s.items !== undefined) return 'array';
  return undefined;
}

/** A schema with its `allOf` parts merged (properties and required lists), as the generated type intersects them. */
function flatten(doc: OpenApiDocument, schema: JsonObject | undefined): JsonObject {
  if (!schema) return {};
  const parts = list(schema, 'allOf');
  if (parts.length === 0) return schema;
  const properties: JsonObject = { ...objectOf(schema, 'properties') };
  const required: Json[] = [...list(schema, 'required')];
  const merged: JsonObject = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'allOf'));
  for (const part of parts) {
    const p = flatten(doc, deref(doc, part).node);
    Object.assign(properties, objectOf(p, 'properties'));
    required.push(...list(p, 'required'));
    if (merged.type === undefined && p.type !== undefined) merged.type = p.type;
  }
  return { ...merged, properties, required };
}

/**
 * Compares two schemas (or `$ref`s to them) as seen from `dir`, reporting to `ctx.out` under `label`
 * (`User.email`, `query parameter \`_sort\``); object properties are reported as `<schema name>.<field>`.
 */
export function compareSchema(
  ctx: CompareContext,
  aNode: Json | undefined,
  bNode: Json | undefined,
  dir: Direction,
  label: string,
): void {
  if (aNode == null && bNode == null) return;
  // Recursive schemas end where a `$ref` pair repeats on the way down: it is being compared already.
  const refA = refOf(aNode);
  const refB = refOf(bNode);
  const guard = refA !== undefined || refB !== undefined ? `${refA ?? ''}|${refB ?? ''}|${dir}` : undefined;
  if (guard !== undefined && ctx.stack.has(guard)) return;
  if (guard !== undefined) ctx.stack.add(guard);
  try {
    const ra = deref(ctx.old, aNode);
    const rb = deref(ctx.new, bNode);
    const a = flatten(ctx.old, ra.node);
    const b = flatten(ctx.new, rb.node);
    const add = (severity: Severity, message: string): void => {
      ctx.out.add(severity, dir, label, `${q(label)} ${message}`, ctx.op);
    };
    const ta = typeOf(a);
    const tb = typeOf(b);
    if (ta !== tb) {
      if (ta !== undefined && tb !== undefined) {
        add('breaking', `changed type from ${ta} to ${tb}`);
        return;
      }
      // Narrowing hurts callers that send, widening hurts callers that read.
      if (tb !== undefined) add(dir === 'request' ? 'breaking' : 'change', `is now restricted to ${tb}`);
      else if (ta !== undefined)
        add(dir === 'response' ? 'breaking' : 'addition', `is no longer restricted to ${ta}`);
      return;
    }
    if ((a.nullable === true) !== (b.nullable === true)) {
      const widened = b.nullable === true;
      add(
        widened === (dir === 'response') ? 'breaking' : 'change',
        widened ? 'may now be null' : 'can no longer be null',
      );
    }
    compareEnum(a, b, dir, add);
    compareConstraints(a, b, dir, add);
    for (const kw of ['oneOf', 'anyOf']) {
      const va = list(a, kw);
      const vb = list(b, kw);
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
    if (a.items !== undefined || b.items !== undefined)
      compareSchema(ctx, a.items, b.items, dir, `${label}[]`);
    if (a.properties !== undefined || b.properties !== undefined)
      compareProperties(ctx, a, b, dir, rb.name ?? ra.name ?? label);
  } finally {
    if (guard !== undefined) ctx.stack.delete(guard);
  }
}

function compareEnum(
  a: JsonObject,
  b: JsonObject,
  dir: Direction,
  add: (severity: Severity, message: string) => void,
): void {
  const ea = Array.isArray(a.enum) ? a.enum : undefined;
  const eb = Array.isArray(b.enum) ? b.enum : undefined;
  if (!ea && !eb) return;
  if (!ea) {
    add(dir === 'request' ? 'breaking' : 'change', `is now limited to ${(eb ?? []).map(show).join(', ')}`);
    return;
  }
  if (!eb) {
    add(dir === 'response' ? 'breaking' : 'addition', `is no longer limited to ${ea.map(show).join(', ')}`);
    return;
  }
  const sa = new Set(ea.map((v) => JSON.stringify(v)));
  const sb = new Set(eb.map((v) => JSON.stringify(v)));
  const added = eb.filter((v) => !sa.has(JSON.stringify(v)));
  const removed = ea.filter((v) => !sb.has(JSON.stringify(v)));
  // A new value in a response breaks exhaustive switches and narrowed unions; in a request it is just accepted.
  if (added.length)
    add(dir === 'response' ? 'breaking' : 'addition', `has new enum value(s) ${added.map(show).join(', ')}`);
  if (removed.length)
    add(dir === 'request' ? 'breaking' : 'change', `lost enum value(s) ${removed.map(show).join(', ')}`);
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const OTHER_RULES = ['format', 'pattern', 'multipleOf', 'uniqueItems', 'default', 'readOnly', 'writeOnly'];
const TIGHTENING_RULES = ['format', 'pattern', 'multipleOf', 'uniqueItems'];

/** Whether `b` is a tighter bound than `a` (`above`: a larger lower bound; else a smaller upper bound). */
function tighterBound(a: Json | undefined, b: Json | undefined, above: boolean): boolean {
  if (b === undefined) return false;
  if (a === undefined) return true;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return above ? b > a : b < a;
}

/** Validation keywords: invisible to TypeScript, but a tighter rule on a request rejects calls that worked. */
function compareConstraints(
  a: JsonObject,
  b: JsonObject,
  dir: Direction,
  add: (severity: Severity, message: string) => void,
): void {
  for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS, ...OTHER_RULES]) {
    if (sameJson(a[key], b[key])) continue;
    const tighter = LOWER_BOUNDS.includes(key)
      ? tighterBound(a[key], b[key], true)
      : UPPER_BOUNDS.includes(key)
        ? tighterBound(a[key], b[key], false)
        : TIGHTENING_RULES.includes(key) && b[key] !== undefined && b[key] !== false;
    const what =
      a[key] === undefined
        ? `gained ${key} ${show(b[key])}`
        : b[key] === undefined
          ? `lost ${key} ${show(a[key])}`
          : `${key} changed from ${show(a[key])} to ${show(b[key])}`;
    add(dir === 'request' && tighter ? 'breaking' : 'change', what);
  }
}

function compareProperties(
  ctx: CompareContext,
  a: JsonObject,
  b: JsonObject,
  dir: Direction,
  base: string,
): void {
  const pa = objectOf(a, 'properties');
  const pb = objectOf(b, 'properties');
  const ra = new Set(list(a, 'required'));
  const rb = new Set(list(b, 'required'));
  const field = (name: string): string => `${base}.${name}`;
  const add = (severity: Severity, name: string, message: string): void => {
    ctx.out.add(severity, dir, field(name), `${q(field(name))} ${message}`, ctx.op);
  };
  const resolvedA = (name: string): Json => resolveDeep(ctx.old, pa[name], new Set());
  const resolvedB = (name: string): Json => resolveDeep(ctx.new, pb[name], new Set());
  let removed = Object.keys(pa).filter((k) => !(k in pb));
  let added = Object.keys(pb).filter((k) => !(k in pa));
  // A field that disappears while one of the same schema and requiredness appears is reported as a rename.
  for (const old of [...removed]) {
    const twins = added.filter((n) => ra.has(old) === rb.has(n) && sameJson(resolvedA(old), resolvedB(n)));
    const twin = twins[0];
    if (twins.length !== 1 || twin === undefined) continue;
    if (removed.filter((r) => sameJson(resolvedA(r), resolvedB(twin))).length !== 1) continue;
    add('breaking', old, `was renamed to ${q(twin)}`);
    removed = removed.filter((r) => r !== old);
    added = added.filter((n) => n !== twin);
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
    if (da?.deprecated !== true && db?.deprecated === true) add('change', name, 'is deprecated');
    compareSchema(ctx, pa[name], pb[name], dir, field(name));
  }
}

const SCHEMA_DOC_KEYS = new Set(['description', 'example', 'examples', 'title', 'externalDocs']);

/** A schema with every `$ref` replaced by its target and documentation dropped, for equality checks. */
export function resolveDeep(
  doc: OpenApiDocument,
  node: Json | undefined,
  seen: ReadonlySet<string>,
  inProperties = false,
): Json {
  if (node === undefined) return null;
  if (Array.isArray(node)) return node.map((n) => resolveDeep(doc, n, seen));
  if (!isObject(node)) return node;
  const ref = refOf(node);
  if (ref !== undefined) {
    if (seen.has(ref)) return { $ref: ref };
    return resolveDeep(doc, deref(doc, node).node, new Set(seen).add(ref));
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    // Under `properties` the keys are field names, so a field called `description` stays.
    if (inProperties || !SCHEMA_DOC_KEYS.has(k))
      out[k] = resolveDeep(doc, v, seen, !inProperties && k === 'properties');
  }
  return out;
}

/** Whether two JSON values are equal, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortKeys(o[k])]),
  );
}
