// Pay for what you use in Node too: the Node ESM build (dist/index.js) splits like the browser build,
// so cockatiel (the breaker's engine) and the optional features are chunks the client loads with
// import() on first use, not modules an `import 'user-management-sdk'` loads. Read from the built files:
// the entry's static import graph, followed through its own chunks, must name none of them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';

const STATIC = /^(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every file and bare specifier the module at `file` loads statically, transitively. */
function staticGraph(
  file: string,
  files = new Set<string>(),
  bare = new Set<string>(),
): { files: Set<string>; bare: Set<string> } {
  if (files.has(file)) return { files, bare };
  files.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(STATIC)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('.')) staticGraph(join(dirname(file), spec), files, bare);
    else bare.add(spec);
  }
  return { files, bare };
}

describe('the Node ESM build loads cockatiel and optional features on first use', () => {
  const entry = join(ROOT, 'dist/index.js');
  const { files, bare } = staticGraph(entry);

  it('imports neither cockatiel nor an optional feature chunk at import time', () => {
    expect(files.size).toBeGreaterThan(1); // it does split into chunks
    expect([...bare]).not.toContain('cockatiel');
    const names = [...files].map((f) => f.slice(f.lastIndexOf('/') + 1));
    for (const lazy of [
      'cockatiel-',
      'follow-redirects-',
      'oauth2-',
      'otel-',
      'cache-step-',
      'rate-limit-step-',
      'modify-',
    ])
      expect(names.filter((n) => n.startsWith(lazy))).toEqual([]);
  });

  it('reaches cockatiel through an import() of its own chunk', () => {
    const dynamic = [...files].flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(DYNAMIC)].map((m) => m[1]!),
    );
    const chunk = dynamic.find((d) => /\/cockatiel-[A-Z0-9]+\.js$/.test(d));
    expect(chunk).toBeDefined();
    const chunkText = readFileSync(join(ROOT, 'dist', chunk!), 'utf8');
    expect(chunkText).toMatch(/from ['"]cockatiel['"]/);
  });
});

describe("importing the package leaves Node's fetch unloaded", () => {
  // In Node 20 `fetch`, `Response`, `Request`, `Headers`… are lazy globals: the first read loads Node's
  // whole fetch implementation (~16 ms). A module that reads one at load (`class X extends Response`)
  // doubles the package's cold import; the client reads them when it is constructed or calls.
  it.each(['dist/index.js', 'dist/core.js', 'dist/funcs.js'])('%s reads none of them', (entry) => {
    const script = `
      const read = [];
      for (const name of ['fetch', 'Response', 'Request', 'Headers', 'FormData']) {
        const d = Object.getOwnPropertyDescriptor(globalThis, name);
        if (!d || !d.get) continue; // already loaded: nothing to watch
        Object.defineProperty(globalThis, name, {
          configurable: true,
          enumerable: d.enumerable,
          get() { read.push(name); return d.get.call(globalThis); },
          set: d.set,
        });
      }
      await import(${JSON.stringify(join(ROOT, entry))});
      console.log(JSON.stringify(read));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual([]);
  });
});
