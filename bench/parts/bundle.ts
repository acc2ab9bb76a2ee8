// Part 4 — bundle size. Each library is bundled the way a browser app would ship it: esbuild,
// platform browser, ESM, minified, tree-shaken, every dependency included; then gzip level 9.
// The SDK is measured twice: its whole entry (src/index.ts, every export kept) and a tiny app that
// imports and uses only UserManagementClient, like the entries of the other libraries.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { partMain } from '../lib/child.js';
import { packageVersion, REPO_ROOT } from '../lib/versions.js';

export interface BundleEntry {
  name: string;
  entry: string;
  minified: number;
  gzip: number;
  /** Minified bytes by source: 'src', 'generated' or a package name. */
  bySource: Record<string, number>;
}

export interface BundleResult {
  esbuild: string;
  entries: BundleEntry[];
}

const ENTRIES: readonly { name: string; entry: string; contents: string }[] = [
  {
    name: 'user-management-sdk (src/index.ts, all exports)',
    entry: 'src/index.ts',
    contents: `export * from './src/index.ts';`,
  },
  {
    name: 'user-management-sdk (app using UserManagementClient)',
    entry: 'tiny app',
    contents: `import { UserManagementClient } from './src/index.ts';
const client = new UserManagementClient({ baseUrl: 'https://api.example.com' });
export const getUser = (id) => client.users.get(id);`,
  },
  {
    name: 'openapi-fetch',
    entry: 'tiny app',
    contents: `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.example.com' });
export const getUser = (id) => client.GET('/users/{id}', { params: { path: { id } } });`,
  },
  {
    name: 'cockatiel (breaker + policies the SDK imports)',
    entry: 'tiny app',
    contents: `import { circuitBreaker, ConsecutiveBreaker, handleWhen, BrokenCircuitError, CircuitState } from 'cockatiel';
export const policy = circuitBreaker(handleWhen(() => true), { halfOpenAfter: 10000, breaker: new ConsecutiveBreaker(5) });
export { BrokenCircuitError, CircuitState };`,
  },
  {
    name: 'openai',
    entry: 'tiny app',
    contents: `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'x', baseURL: 'https://api.example.com', dangerouslyAllowBrowser: true });
export const getUser = (id) => client.get('/users/' + id);`,
  },
  {
    name: 'axios',
    entry: 'tiny app',
    contents: `import axios from 'axios';
const client = axios.create({ baseURL: 'https://api.example.com' });
export const getUser = async (id) => (await client.get('/users/' + id)).data;`,
  },
];

// The same swap as the browser build in tsup.config.ts: src/platform.ts → src/platform.browser.ts.
const BROWSER_PLATFORM = `${REPO_ROOT}src/platform.browser.ts`;
const browserPlatform: Plugin = {
  name: 'browser-platform',
  setup(b) {
    b.onResolve({ filter: /\/platform\.js$/ }, () => ({ path: BROWSER_PLATFORM }));
  },
};

function sourceOf(path: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm?.[1]) return nm[1];
  if (path.startsWith('src/')) return 'src';
  if (path.startsWith('generated/')) return 'generated';
  return path;
}

function bySource(metafile: Metafile): Record<string, number> {
  const out: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = sourceOf(path);
      out[key] = (out[key] ?? 0) + bytesInOutput;
    }
  }
  return Object.fromEntries(
    Object.entries(out)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]),
  );
}

async function main(): Promise<BundleResult> {
  const entries: BundleEntry[] = [];
  for (const { name, entry, contents } of ENTRIES) {
    const result = await build({
      stdin: { contents, resolveDir: REPO_ROOT, sourcefile: 'bench-entry.js', loader: 'ts' },
      absWorkingDir: REPO_ROOT,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      treeShaking: true,
      write: false,
      metafile: true,
      logLevel: 'error',
      plugins: existsSync(BROWSER_PLATFORM) ? [browserPlatform] : [],
      // What tsup inlines at build time (src/version.ts).
      define: { __SDK_VERSION__: JSON.stringify(packageVersion('.')) },
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    entries.push({
      name,
      entry,
      minified: code.byteLength,
      gzip: gzipSync(code, { level: 9 }).byteLength,
      bySource: bySource(result.metafile),
    });
  }
  return { esbuild: packageVersion('esbuild'), entries };
}

partMain(main);
