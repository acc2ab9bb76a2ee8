// Separates documentation from structure in an OpenAPI document: descriptions, summaries, examples,
// titles, external docs, `info`, `servers`, top-level `tags` and `x-` extensions change no generated
// type and no runtime behaviour, so a spec that differs only there is a patch release.
import { listOperations } from './spec-compare.mjs';

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

function isDocKey(key, parentKey, depth) {
  if (depth === 0) return ROOT_DOC_KEYS.has(key) || key.startsWith('x-');
  if (NAME_MAPS.has(parentKey)) return false;
  return DOC_KEYS.has(key) || key.startsWith('x-');
}

/** The document without its documentation: equal for two specs that differ only in docs. */
export function stripDocs(node, parentKey = '', depth = 0) {
  if (Array.isArray(node)) return node.map((n) => stripDocs(n, '', depth + 1));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node))
    if (!isDocKey(k, parentKey, depth)) out[k] = stripDocs(v, k, depth + 1);
  return out;
}

/** JSON paths (arrays of keys) where two values differ; `filter(key, parentKey, depth)` picks which keys to visit. */
export function diffPaths(a, b, filter = () => true, path = [], parentKey = '', out = []) {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  const bothObjects =
    a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) {
    out.push(path);
    return out;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (filter(k, Array.isArray(a) ? '' : parentKey, path.length))
      diffPaths(a[k], b[k], filter, [...path, k], Array.isArray(a) ? '' : k, out);
  }
  return out;
}

/**
 * Documentation that changed where both specs have the thing documented (a new operation's description
 * is part of the addition, not a docs change). Returns `{ subject, keys }`, one per documented thing.
 */
export function docChanges(oldSpec, newSpec) {
  const found = [];
  walkDocs(oldSpec, newSpec, [], '', found);
  const bySubject = new Map();
  for (const path of found) {
    const { subject, key } = humanize(newSpec, path);
    if (!bySubject.has(subject)) bySubject.set(subject, new Set());
    bySubject.get(subject).add(key);
  }
  return [...bySubject].map(([subject, keys]) => ({ subject, keys: [...keys] }));
}

function walkDocs(a, b, path, parentKey, found) {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const key = Array.isArray(a) ? '' : parentKey;
    if (isDocKey(k, key, path.length)) {
      if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
      // `info` and the shared examples: say which part changed.
      if (
        (k === 'info' && path.length === 0) ||
        (k === 'examples' && path.length === 1 && path[0] === 'components' && a[k] && b[k])
      ) {
        for (const name of new Set([...Object.keys(a[k] ?? {}), ...Object.keys(b[k] ?? {})])) {
          if (JSON.stringify(a[k]?.[name]) !== JSON.stringify(b[k]?.[name])) found.push([...path, k, name]);
        }
      } else {
        found.push([...path, k]);
      }
    } else if (k in a && k in b) {
      walkDocs(a[k], b[k], [...path, k], Array.isArray(a) ? '' : k, found);
    }
  }
}

/** A readable name for a documentation path: `listUsers (GET /users)`, `User.email`, `info`. */
export function humanize(spec, path) {
  const [top, a, b, ...rest] = path;
  const key = path[path.length - 1];
  if (path.length === 1) return { subject: top === 'info' ? 'API info' : top, key };
  if (top === 'info') return { subject: 'API info', key: path.slice(1).join('.') };
  if (top === 'paths') {
    const entry = [...listOperations(spec).values()].find(
      (o) => o.path === a && o.method === String(b).toUpperCase(),
    );
    if (!entry) return { subject: `path \`${a}\``, key: path.slice(2).join('.') };
    const where = rest.slice(0, -1);
    const params = [...(entry.item.parameters ?? []), ...(entry.op.parameters ?? [])];
    if (where[0] === 'parameters' && where[1] !== undefined)
      where[1] = paramName(spec, entry.op.parameters?.[where[1]] ?? params[where[1]]) ?? where[1];
    return { subject: `\`${entry.id}\` (${entry.method} ${entry.path})`, key: [...where, key].join('.') };
  }
  if (top === 'components' && a === 'schemas') {
    const fields = [b];
    const tail = [];
    for (let i = 0; i < rest.length - 1; i++) {
      if (rest[i] === 'properties' && rest[i + 1] !== undefined && i + 1 < rest.length - 1)
        fields.push(rest[++i]);
      else if (rest[i] === 'items') fields[fields.length - 1] += '[]';
      else tail.push(rest[i]);
    }
    return { subject: `\`${fields.join('.')}\``, key: [...tail, key].join('.') };
  }
  if (top === 'components' && a === 'examples') return { subject: `shared example \`${b}\``, key: '' };
  if (top === 'components')
    return {
      subject: `${String(a)
        .replace(/s$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()} \`${b}\``,
      key: rest.length ? [...rest].join('.') : key,
    };
  return { subject: path.slice(0, -1).join('.'), key };
}

function paramName(spec, node) {
  let cur = node;
  for (let i = 0; i < 5 && cur?.$ref; i++)
    cur = cur.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  return cur?.name;
}
