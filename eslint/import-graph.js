// @ts-check
// Lint rules over the import graph of src/ that eslint-plugin-import-x cannot express:
//   sdk/no-import-cycle  — no cycle between files or between folders, type-only imports included.
//                          import-x/no-cycle skips `import type` edges by design; ours must not: a
//                          type-only edge turns into a run-time import-order bug with one edit.
//   sdk/layer-assigned   — every file under src/ belongs to a layer of the table in eslint.config.js,
//                          so a new folder cannot slip past the layer rule.
// The graph is read with TypeScript's preProcessFile (a scanner: every import, export-from and
// import() specifier), once per lint run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** @type {Map<string, Graph>} */
const graphs = new Map();

/**
 * @typedef {{ files: Map<string, string[]>, fileScc: Map<string, number>, unitScc: Map<string, number>, root: string }} Graph
 */

/** @param {string} dir @returns {string[]} */
function listTs(dir) {
  /** @type {string[]} */
  const out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** @param {string} from @param {string} spec @param {Set<string>} known */
function resolveSpec(from, spec, known) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The unit a file counts in for folder cycles: its top folder under src/ (`src/policies`), or the
 * file itself when it sits directly in src/ (root files are layers of their own, not a folder).
 * src/generated/ is left out of the folder graph (undefined): the generator lays that folder out with
 * resource classes above the core and tables below it, so it is checked file by file — by the layer
 * table and the file-cycle check — instead.
 * @param {string} root @param {string} file
 * @returns {string | undefined}
 */
export function unitOf(root, file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'src' && parts[1] === 'generated') return undefined;
  if (parts[0] === 'src' && parts.length > 2) return `src/${parts[1]}/`;
  if (parts[0] === 'src') return `src/${parts[1]}`;
  return `${parts[0]}/`;
}

/** Tarjan's strongly connected components. @param {Map<string, Set<string>>} edges */
function scc(edges) {
  let index = 0;
  let id = 0;
  /** @type {Map<string, number>} */ const idx = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {Map<string, number>} */ const comp = new Map();
  /** @type {string[]} */ const stack = [];
  const on = new Set();
  /** @param {string} v */
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (low.get(w))));
      } else if (on.has(w)) {
        low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (idx.get(w))));
      }
    }
    if (low.get(v) === idx.get(v)) {
      for (let w = stack.pop(); ; w = stack.pop()) {
        on.delete(w);
        comp.set(/** @type {string} */ (w), id);
        if (w === v) break;
      }
      id++;
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return comp;
}

/** @param {string} root @returns {Graph} */
function graphOf(root) {
  let graph = graphs.get(root);
  if (graph) return graph;
  const all = listTs(join(root, 'src'));
  const known = new Set(all);
  /** @type {Map<string, string[]>} */
  const files = new Map();
  /** @type {Map<string, Set<string>>} */
  const fileEdges = new Map();
  /** @type {Map<string, Set<string>>} */
  const unitEdges = new Map();
  for (const file of all) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => resolveSpec(file, f.fileName, known))
      .filter((t) => t !== undefined);
    files.set(file, targets);
    fileEdges.set(file, new Set(targets));
    const unit = unitOf(root, file);
    if (unit === undefined) continue;
    const set = unitEdges.get(unit) ?? new Set();
    for (const t of targets) {
      const to = unitOf(root, t);
      if (to !== undefined && to !== unit) set.add(to);
    }
    unitEdges.set(unit, set);
  }
  graph = { files, fileScc: scc(fileEdges), unitScc: scc(unitEdges), root };
  graphs.set(root, graph);
  return graph;
}

/** A shortest path from `from` back to `to` inside one component, for the message. */
function pathBack(
  /** @type {(n: string) => string[]} */ next,
  /** @type {string} */ from,
  /** @type {string} */ to,
) {
  /** @type {Map<string, string | undefined>} */
  const prev = new Map([[from, undefined]]);
  const queue = [from];
  while (queue.length > 0) {
    const v = /** @type {string} */ (queue.shift());
    if (v === to) break;
    for (const w of next(v)) {
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  /** @type {string[]} */
  const path = [];
  for (let v = /** @type {string | undefined} */ (to); v !== undefined; v = prev.get(v)) path.unshift(v);
  return path;
}

/** @param {string} file */
function rootOf(file) {
  const i = file.lastIndexOf(`${sep}src${sep}`);
  return i === -1 ? dirname(file) : file.slice(0, i);
}

/** @type {import('eslint').Rule.RuleModule} */
const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle between files or folders, type-only imports included.' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    const root = rootOf(file);
    const graph = graphOf(root);
    if (!graph.files.has(file)) return {};
    const rel = (/** @type {string} */ p) => relative(root, p);
    /** @param {import('estree').Node} node @param {unknown} spec */
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const target = resolveSpec(file, spec, new Set(graph.files.keys()));
      if (!target) return;
      if (graph.fileScc.get(target) === graph.fileScc.get(file)) {
        const back = pathBack((v) => graph.files.get(v) ?? [], target, file);
        context.report({
          node,
          message: `Import cycle (type-only imports count): ${[file, ...back].map(rel).join(' → ')}. Move what both need into a lower layer.`,
        });
        return;
      }
      const from = unitOf(root, file);
      const to = unitOf(root, target);
      if (from === undefined || to === undefined) return;
      if (from !== to && graph.unitScc.get(from) === graph.unitScc.get(to)) {
        context.report({
          node,
          message: `Folder cycle: ${from} imports ${to}, and ${to} leads back to ${from}. Imports between folders point one way.`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

/** @param {readonly (readonly [string, readonly string[]])[]} layers */
export function layerAssigned(layers) {
  /** @type {import('eslint').Rule.RuleModule} */
  const rule = {
    meta: {
      type: 'problem',
      docs: { description: 'Every file under src/ belongs to a layer.' },
      schema: [],
    },
    create(context) {
      const file = context.physicalFilename;
      const rel = relative(rootOf(file), file).split(sep).join('/');
      const matches = layers.some(([, globs]) => globs.some((g) => globMatch(g, rel)));
      return matches
        ? {}
        : {
            Program(node) {
              context.report({
                node,
                message: `${rel} is in no layer: add it (or its folder) to LAYERS in eslint.config.js.`,
              });
            },
          };
    },
  };
  return rule;
}

/** A layer entry is a file or a folder (everything under it). @param {string} entry @param {string} path */
function globMatch(entry, path) {
  return path === entry || path.startsWith(`${entry}/`);
}

export default { rules: { 'no-import-cycle': noImportCycle } };
