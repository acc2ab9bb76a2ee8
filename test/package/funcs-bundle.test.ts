// Pay for what you call: an application built on UserManagementCore and one standalone function ships
// that operation's row of the table and nothing of the others — no other operation, no resource class,
// no paging, no `raw`. Bundled here from dist/browser the way an application's bundler would (minified,
// code splitting on; what it loads up front is what the entry imports statically), and compared with the
// same app written with UserManagementClient.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';

const LAZY =
  /\/(?:cockatiel|follow-redirects|oauth2|rate-limit-step|concurrency-step|cockatiel-sampling|otel|cache-step|logging-step|modify)-[^/]+\.js$/;

/**
 * The code an app loads up front — its entry output and what that imports statically, transitively (so
 * not the chunks behind an import(), nor chunks only those share) — with its gzip size, and the names
 * of the lazy chunks.
 */
async function bundle(contents: string): Promise<{ text: string; gzip: number; lazy: string[] }> {
  const result = await build({
    stdin: { contents, resolveDir: join(ROOT, 'dist/browser') },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(ROOT, 'temp/funcs-bundle'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const initial = new Set<string>();
  const visit = (output: string): void => {
    if (initial.has(output)) return;
    initial.add(output);
    for (const imp of outputs[output]!.imports)
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(Object.keys(outputs).find((o) => outputs[o]!.entryPoint === '<stdin>')!);
  const files = result.outputFiles.filter((f) => [...initial].some((o) => f.path.endsWith(o)));
  return {
    lazy: result.outputFiles
      .filter((f) => LAZY.test(f.path))
      .map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)),
    text: files.map((f) => f.text).join('\n'),
    gzip: files.reduce((n, f) => n + gzipSync(f.contents).length, 0),
  };
}

let funcs: Awaited<ReturnType<typeof bundle>>;
let client: Awaited<ReturnType<typeof bundle>>;

beforeAll(async () => {
  funcs = await bundle(
    `import { UserManagementCore } from './core.js';
     import { usersGet } from './funcs.js';
     export const user = usersGet(new UserManagementCore({ baseUrl: 'https://api.example.com' }), 1);`,
  );
  client = await bundle(
    `import { UserManagementClient } from './index.js';
     export const user = new UserManagementClient({ baseUrl: 'https://api.example.com' }).users.get(1);`,
  );
});

describe('a browser app that calls usersGet on a UserManagementCore', () => {
  it('ships the row of getUser and no other operation', () => {
    expect(funcs.text).toContain('/users/{id}');
    expect(funcs.text).toContain('getUser');
    for (const other of ['/groups', 'listUsers', 'createUser', 'addMembership'])
      expect(funcs.text, other).not.toContain(other);
    // The client's app has them all: the operation table and the resource classes.
    for (const all of ['/groups', 'listUsers', 'addMembership']) expect(client.text, all).toContain(all);
  });

  it('ships no paging and no raw client', () => {
    // iterate-pages.ts and paginate.ts (X-Total-Count), and raw.ts's route patterns.
    for (const text of ['not an object', 'x-total-count', '[^/]+']) {
      expect(funcs.text, text).not.toContain(text);
      expect(client.text, text).toContain(text);
    }
  });

  it('loads cockatiel, redirect following and the optional features on demand, as the client does', () => {
    const names = (lazy: string[]) => lazy.map((f) => /^(.*?)-[A-Z0-9]{8}[-.]/.exec(f)?.[1] ?? f).sort();
    expect(names(funcs.lazy)).toContain('cockatiel');
    expect(names(funcs.lazy)).toContain('follow-redirects');
    expect(names(funcs.lazy)).toEqual(names(client.lazy));
    // cockatiel's circuit breaker policy is in none of what the app loads up front.
    expect(funcs.text).not.toContain('Unexpected circuit state');
  });

  it('is smaller than the same app on UserManagementClient', () => {
    expect(funcs.gzip).toBeLessThan(client.gzip);
  });
});
