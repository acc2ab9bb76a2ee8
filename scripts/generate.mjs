#!/usr/bin/env node
// Generates generated/ from spec/openapi.yaml: the schema types (openapi-typescript)
// and an operation table the runtime reads (retry safety, idempotency, success status),
// so no path or method is ever copied by hand, and the model the mock in src/testing/ reads
// (scripts/lib/spec-model.mjs).
//
//   node scripts/generate.mjs           write generated/
//   node scripts/generate.mjs --check   regenerate into a temp dir and fail on any drift
//   node scripts/generate.mjs --spec P --out D   (used by spec:update and tests)
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { renderSpecModel } from './lib/spec-model.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

function header(specPath) {
  const rel = relative(root, specPath).split('\\').join('/');
  return `// generated from ${rel} by \`npm run generate\` — do not edit.\n// Change the spec and regenerate instead.\n\n`;
}

function resolveRef(spec, node) {
  if (!node || typeof node.$ref !== 'string') return node;
  const parts = node.$ref.replace(/^#\//, '').split('/');
  let cur = spec;
  for (const p of parts) cur = cur?.[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (cur === undefined) throw new Error(`Unresolvable $ref ${node.$ref}`);
  return resolveRef(spec, cur);
}

/** Derives operationId → method, path, tag, idempotency-key support and success statuses. */
export function deriveOperations(spec) {
  const table = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const shared = (item.parameters ?? []).map((p) => resolveRef(spec, p));
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const params = [...shared, ...(op.parameters ?? []).map((p) => resolveRef(spec, p))];
      const successStatuses = Object.keys(op.responses ?? {})
        .filter((s) => /^2\d\d$/.test(s))
        .map(Number)
        .sort((a, b) => a - b);
      if (successStatuses.length === 0) throw new Error(`${op.operationId} declares no 2xx response`);
      table[op.operationId] = {
        method: method.toUpperCase(),
        path,
        tag: op.tags?.[0] ?? 'default',
        acceptsIdempotencyKey: params.some(
          (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
        ),
        successStatus: successStatuses[0],
        successStatuses,
      };
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

function renderOperations(specPath, ops) {
  const body = JSON.stringify(ops, null, 2).replace(/"(\w+)":/g, '$1:');
  return (
    header(specPath) +
    `/** One entry per operation of the spec, keyed by operationId. */\n` +
    `export const operations = ${body} as const;\n\n` +
    `/** The operationIds of the spec. */\n` +
    `export type OperationId = keyof typeof operations;\n`
  );
}

export async function generate(specPath, outDir) {
  const text = await readFile(specPath, 'utf8');
  const spec = parse(text);
  if (typeof spec?.openapi !== 'string' || !spec.openapi.startsWith('3.0.')) {
    throw new Error(
      `${specPath}: expected an OpenAPI 3.0.x document, found ${spec?.openapi ?? spec?.swagger ?? 'none'}`,
    );
  }
  const ast = await openapiTS(pathToFileURL(specPath), { alphabetize: false, exportType: false });
  const files = {
    'schema.ts': header(specPath) + astToString(ast),
    'operations.ts': renderOperations(specPath, deriveOperations(spec)),
    'spec-model.ts': renderSpecModel(header(specPath), spec),
  };
  await mkdir(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(outDir, name), content);
  return Object.keys(files);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : dflt;
  };
  const specPath = opt('--spec', join(root, 'spec/openapi.yaml'));
  const outDir = opt('--out', join(root, 'generated'));
  if (!args.includes('--check')) {
    const names = await generate(specPath, outDir);
    console.log(
      `generated ${names.map((n) => relative(root, join(outDir, n))).join(', ')} from ${relative(root, specPath)}`,
    );
    return;
  }
  const tmp = await mkdtemp(join(tmpdir(), 'um-generated-'));
  try {
    const names = await generate(specPath, tmp);
    const committed = (await readdir(outDir).catch(() => [])).filter((n) => n.endsWith('.ts'));
    const stale = [];
    for (const n of new Set([...names, ...committed])) {
      const want = await readFile(join(tmp, n), 'utf8').catch(() => null);
      const have = await readFile(join(outDir, n), 'utf8').catch(() => null);
      if (want !== have)
        stale.push(
          `${relative(root, join(outDir, n))} (${have === null ? 'missing' : want === null ? 'not generated by the spec' : 'differs'})`,
        );
    }
    if (stale.length) {
      console.error(
        `generated/ is out of step with ${relative(root, specPath)}:\n  ${stale.join('\n  ')}\nRun \`npm run generate\` and commit the result; never edit generated/ by hand.`,
      );
      process.exitCode = 1;
    } else {
      console.log('generated/ matches the spec.');
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
