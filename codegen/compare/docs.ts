// Separates documentation from structure in an OpenAPI document: descriptions, summaries, examples,
// titles, external docs, `info`, `servers`, top-level `tags` and `x-` extensions change no generated
// type and no runtime behaviour, so a spec that differs only there is a patch release.
import { isObject, resolveRef, type Json, type JsonObject, type OpenApiDocument } from '../spec.js';
import { listOperations } from './compare.js';

const DOC_KEYS = new Set([
  'description',
  'summary',
  'example',
  'examples',
  'externalDocs',
  'title',
  'servers',
]);
const ROOT_DOC_KEYS = new Set(['info', 'tags', 'externalDocs', 'servers']);
// Objects whose keys are names chosen by the author, not OpenAPI keywords: a field called `description`
// under `properties` is structure.
const NAME_MAPS = new Set([
  'properties',
  'paths',
  'schemas',
  'responses',
  'parameters',
  'headers',
  'content',
  'securitySchemes',
  'requestBodies',
  'callbacks',
  'links',
  'scopes',
  'mapping',
  'variables',
  'encoding',
  'patternProperties',
]);

function isDocKey(key: string, parentKey: string, depth: number): boolean {
  if (depth === 0) return ROOT_DOC_KEYS.has(key) || key.startsWith('x-');
  if (NAME_MAPS.has(parentKey)) return false;
  return DOC_KEYS.has(key) || key.startsWith('x-');
}

/** The document without its documentation: equal for two specs that differ only in docs. */
export function stripDocs(node: Json | undefined, parentKey = '', depth = 0): Json | undefined {
  if (Array.isArray(node)) return node.map((n) => stripDocs(n, '', depth + 1) ?? null);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (isDocKey(k, parentKey, depth)) continue;
    const stripped = stripDocs(v, k, depth + 1);
    if (stripped !== undefined) out[k] = stripped;
  }
  return out;
}

/** A child of an object or array by key (array indexes as strings), or undefined. */
function child(node: Json | undefined, key: string): Json | undefined {
  if (Array.isArray(node)) return node[Number(key)];
  return isObject(node) ? node[key] : undefined;
}

const keysOf = (node: Json | undefined): string[] =>
  Array.isArray(node) ? node.map((_, i) => String(i)) : isObject(node) ? Object.keys(node) : [];

/** JSON paths (arrays of keys) where two values differ. */
export function diffPaths(
  a: Json | undefined,
  b: Json | undefined,
  path: string[] = [],
  out: string[][] = [],
): string[][] {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  const bothObjects = (isObject(a) && isObject(b)) || (Array.isArray(a) && Array.isArray(b));
  if (!bothObjects) {
    out.push(path);
    return out;
  }
  for (const k of new Set([...keysOf(a), ...keysOf(b)]))
    diffPaths(child(a, k), child(b, k), [...path, k], out);
  return out;
}

/**
 * Documentation that changed where both specs have the thing documented (a new operation's description
 * is part of the addition, not a docs change). Returns `{ subject, keys }`, one per documented thing.
 */
export function docChanges(
  oldSpec: OpenApiDocument,
  newSpec: OpenApiDocument,
): { subject: string; keys: string[] }[] {
  const found: string[][] = [];
  walkDocs(oldSpec, newSpec, [], '', found);
  const bySubject = new Map<string, Set<string>>();
  for (const path of found) {
    const { subject, key } = humanize(newSpec, path);
    let keys = bySubject.get(subject);
    if (!keys) bySubject.set(subject, (keys = new Set()));
    keys.add(key);
  }
  return [...bySubject].map(([subject, keys]) => ({ subject, keys: [...keys] }));
}

function walkDocs(
  a: Json | undefined,
  b: Json | undefined,
  path: string[],
  parentKey: string,
  found: string[][],
): void {
  const arrays = Array.isArray(a);
  if (!(isObject(a) || arrays) || !(isObject(b) || Array.isArray(b))) return;
  for (const k of new Set([...keysOf(a), ...keysOf(b)])) {
    const key = arrays ? '' : parentKey;
    const va = child(a, k);
    const vb = child(b, k);
    if (isDocKey(k, key, path.length)) {
      if (JSON.stringify(va) === JSON.stringify(vb)) continue;
      // `info` and the shared examples: say which part changed.
      if (
        (k === 'info' && path.length === 0) ||
        (k === 'examples' &&
          path.length === 1 &&
          path[0] === 'components' &&
          va !== undefined &&
          vb !== undefined)
      ) {
        for (const name of new Set([...keysOf(va), ...keysOf(vb)])) {
          if (JSON.stringify(child(va, name)) !== JSON.stringify(child(vb, name)))
            found.push([...path, k, name]);
        }
      } else {
        found.push([...path, k]);
      }
    } else if (va !== undefined && vb !== undefined) {
      walkDocs(va, vb, [...path, k], arrays ? '' : k, found);
    }
  }
}

/** A readable name for a documentation path: `listUsers (GET /users)`, `User.email`, `info`. */
export function humanize(doc: OpenApiDocument, path: readonly string[]): { subject: string; key: string } {
  const [top = '', a = '', b = '', ...rest] = path;
  const key = path[path.length - 1] ?? '';
  if (path.length === 1) return { subject: top === 'info' ? 'API info' : top, key };
  if (top === 'info') return { subject: 'API info', key: path.slice(1).join('.') };
  if (top === 'paths') {
    const entry = [...listOperations(doc).values()].find((o) => o.path === a && o.method === b.toUpperCase());
    if (!entry) return { subject: `path \`${a}\``, key: path.slice(2).join('.') };
    const where = rest.slice(0, -1);
    if (where[0] === 'parameters' && where[1] !== undefined) {
      const index = Number(where[1]);
      const own = child(entry.op.node.parameters, String(index));
      const all = [...listOf(entry.op.item.parameters), ...listOf(entry.op.node.parameters)];
      where[1] = paramName(doc, own ?? all[index]) ?? where[1];
    }
    return { subject: `\`${entry.id}\` (${entry.method} ${entry.path})`, key: [...where, key].join('.') };
  }
  if (top === 'components' && a === 'schemas') {
    const fields = [b];
    const tail: string[] = [];
    for (let i = 0; i < rest.length - 1; i++) {
      const part = rest[i] ?? '';
      const next = rest[i + 1];
      if (part === 'properties' && next !== undefined && i + 1 < rest.length - 1) {
        fields.push(next);
        i++;
      } else if (part === 'items') fields.push(`${fields.pop() ?? ''}[]`);
      else tail.push(part);
    }
    return { subject: `\`${fields.join('.')}\``, key: [...tail, key].join('.') };
  }
  if (top === 'components' && a === 'examples') return { subject: `shared example \`${b}\``, key: '' };
  if (top === 'components')
    return {
      subject: `${a
        .replace(/s$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()} \`${b}\``,
      key: rest.length ? rest.join('.') : key,
    };
  return { subject: path.slice(0, -1).join('.'), key };
}

const listOf = (node: Json | undefined): Json[] => (Array.isArray(node) ? node : []);

function paramName(doc: OpenApiDocument, node: Json | undefined): string | undefined {
  let resolved: Json | undefined;
  try {
    resolved = resolveRef(doc, node);
  } catch {
    return undefined;
  }
  return isObject(resolved) && typeof resolved.name === 'string' ? resolved.name : undefined;
}
