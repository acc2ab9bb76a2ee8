// Writes src/sync/user-schemas.json: the spec's NewUser and UserPatch schemas (and what they reference)
// as plain JSON Schema for Ajv, so the sync engine validates each mapped record before sending it.
// `--check` fails when the committed file no longer matches spec/openapi.yaml (run by the unit tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const SCHEMAS = ['NewUser', 'UserPatch'];
const DROP = new Set(['description', 'example', 'examples', 'readOnly']);

/** The schemas, with `#/components/schemas/X` rewritten to `#/$defs/X` and documentation removed. */
export function buildUserSchemas(specText) {
  const components = parse(specText).components.schemas;
  const defs = {};
  const clean = (node) => {
    if (Array.isArray(node)) return node.map(clean);
    if (!node || typeof node !== 'object') return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (DROP.has(k)) continue;
      if (k === '$ref' && typeof v === 'string') {
        const name = v.replace('#/components/schemas/', '');
        if (!(name in defs)) {
          defs[name] = null;
          defs[name] = clean(components[name]);
        }
        out.$ref = `#/$defs/${name}`;
      } else
        out[k] =
          k === 'properties'
            ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, clean(s)]))
            : clean(v);
    }
    return out;
  };
  const result = {};
  for (const name of SCHEMAS) result[name] = clean(components[name]);
  result.$defs = Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(result, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = new URL('../src/sync/user-schemas.json', import.meta.url);
  const text = buildUserSchemas(readFileSync(new URL('../spec/openapi.yaml', import.meta.url), 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('src/sync/user-schemas.json is stale: run node scripts/sync-schemas.mjs');
      process.exit(1);
    }
  } else writeFileSync(target, text);
}
