// Pay for what you use: in the browser build, each optional feature (OAuth2 client credentials, the rate
// limiter, the concurrency cap, the failure-rate breaker, OpenTelemetry, the response cache, info/debug logging,
// and modify()'s read-modify-write loop) is a chunk of its own that
// dist/browser/index.js loads with import() only when the option is set; what only a failure needs is a
// chunk loaded at that failure: cockatiel, which the breaker loads at its first counted failure, and
// redirect following, loaded at the first redirect. Bundled here the way an application's bundler would
// (code splitting on), what the entry loads up front must hold none of them.
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';

const OPTIONAL = [
  'oauth2',
  'rate-limit-step',
  'concurrency-step',
  'cockatiel-sampling',
  'otel',
  'cache-step',
  'logging-step',
  'modify',
];

/** Chunks a call loads only when something goes wrong or a redirect comes back. */
const ON_FAILURE = ['cockatiel', 'follow-redirects'];

let meta: Metafile;
let entry: string;

/** The inputs of an output and of every output it imports statically, transitively. */
function initialInputs(output: string, seen = new Set<string>()): Set<string> {
  const inputs = new Set<string>();
  if (seen.has(output)) return inputs;
  seen.add(output);
  const out = meta.outputs[output]!;
  for (const input of Object.keys(out.inputs)) inputs.add(input);
  for (const imp of out.imports)
    if (imp.kind === 'import-statement' && !imp.external)
      for (const input of initialInputs(imp.path, seen)) inputs.add(input);
  return inputs;
}

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(ROOT, 'dist/browser/index.js')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(ROOT, 'temp/lazy-chunks'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  meta = result.metafile;
  entry = Object.keys(meta.outputs).find((o) =>
    meta.outputs[o]!.entryPoint?.endsWith('dist/browser/index.js'),
  )!;
});

describe('the browser build loads optional features only when configured', () => {
  it('keeps every optional feature, cockatiel and redirect following out of what the entry loads up front', () => {
    const initial = [...initialInputs(entry)];
    expect(initial.length).toBeGreaterThan(1);
    for (const name of [...OPTIONAL, ...ON_FAILURE])
      expect(initial.filter((input) => input.startsWith(`dist/browser/${name}-`))).toEqual([]);
    expect(initial.filter((input) => input.includes('node_modules/cockatiel/'))).toEqual([]);
    expect(initial.some((input) => input.includes('node_modules/openapi-fetch/'))).toBe(true);
  });

  it('has one lazily imported chunk per optional feature, one for the breaker and one for redirects', () => {
    const chunks = Object.values(meta.outputs).flatMap((o) =>
      o.imports.filter((imp) => imp.kind === 'dynamic-import').map((imp) => meta.outputs[imp.path]!),
    );
    const names = chunks.flatMap((c) => Object.keys(c.inputs)).map((input) => input.split('/').pop());
    for (const name of [...OPTIONAL, ...ON_FAILURE])
      expect(names.some((n) => n?.startsWith(`${name}-`))).toBe(true);
  });
});
