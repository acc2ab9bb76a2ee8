// Part 4 — browser bundle size. The SDK's bundles are the entries of package.json "size-limit" (what
// `npm run size` enforces in CI), measured by size-limit itself on the built dist/ — the same files the
// packed package holds. Next to them, for scale, openapi-fetch as a browser app ships it: esbuild,
// platform browser, ESM, minified, a tiny app making one GET; gzip level 9.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { partMain } from '../lib/child.js';
import { packageVersion, REPO_ROOT } from '../lib/versions.js';

export interface BundleEntry {
  name: string;
  /** Gzipped bytes. */
  gzip: number;
  /** The size-limit budget, in bytes (SDK entries). */
  limit?: number | undefined;
}

export interface BundleResult {
  sizeLimit: string;
  esbuild: string;
  sdk: BundleEntry[];
  openapiFetch: BundleEntry;
}

const OPENAPI_FETCH_APP = `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.example.com' });
export const getUser = (id) => client.GET('/users/{id}', { params: { path: { id } } });`;

async function main(): Promise<BundleResult> {
  const bin = join(REPO_ROOT, 'node_modules/.bin/size-limit');
  // size-limit exits non-zero when a budget is exceeded; its JSON still says by how much.
  const out = spawnSync(bin, ['--json'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout;
  const measured = JSON.parse(out) as { name: string; size: number; sizeLimit?: number }[];
  const result = await build({
    stdin: { contents: OPENAPI_FETCH_APP, resolveDir: REPO_ROOT, sourcefile: 'app.js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/size-limit/package.json'), 'utf8')) as {
    version: string;
  };
  return {
    sizeLimit: pkg.version,
    esbuild: packageVersion('esbuild'),
    sdk: measured.map((m) => ({ name: m.name, gzip: m.size, limit: m.sizeLimit })),
    openapiFetch: {
      name: 'openapi-fetch (a tiny app making one GET)',
      gzip: gzipSync(code, { level: 9 }).byteLength,
    },
  };
}

partMain(main);
