import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const define = { __SDK_VERSION__: JSON.stringify(version) };

// The browser build swaps src/platform.ts (env, User-Agent, optional require of OpenTelemetry) for
// src/platform.browser.ts, and the undici transport (Node only) for a stub that throws ConfigError, so no
// Node built-in or Node-only code reaches a browser bundle.
const browserPlatform: Plugin = {
  name: 'browser-platform',
  setup(build) {
    build.onResolve({ filter: /\/platform\.js$/ }, () => ({
      path: fileURLToPath(new URL('./src/platform.browser.ts', import.meta.url)),
    }));
    build.onResolve({ filter: /\/undici\.js$/ }, () => ({
      path: fileURLToPath(new URL('./src/transport/undici.browser.ts', import.meta.url)),
    }));
  },
};

export default defineConfig([
  {
    // Node: ESM + CJS with their own declarations. `testing` is the user-management-sdk/testing subpath:
    // msw stays external (an optional peer), Ajv is bundled into it (a devDependency), so neither reaches
    // the main entry or a production install. `tanstack-query` imports only types of the SDK and of
    // @tanstack/query-core (an optional peer), so it bundles nothing of either; it names the SDK's types by
    // the package's own name, kept external, so its declarations refer to the main entry's.
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      'tanstack-query': 'src/tanstack-query/index.ts',
    },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: true,
    clean: true,
    // ESM splits, so what the client loads with import() stays out of the entry: cockatiel (imported
    // by the breaker's chunk) and the optional features load on first use in Node too, not at import.
    splitting: true,
    external: ['user-management-sdk'],
    shims: true,
    treeshake: true,
    define,
  },
  {
    // Node CJS: the same entries, no shared chunks (each entry stands alone; esbuild keeps a lazy
    // module's require() inside its init function, so cockatiel still loads on first use). `testing` is the user-management-sdk/testing subpath:
    // msw stays external (an optional peer), Ajv is bundled into it (a devDependency), so neither reaches
    // the main entry or a production install. `tanstack-query` imports only types of the SDK and of
    // @tanstack/query-core (an optional peer), so it bundles nothing of either; it names the SDK's types by
    // the package's own name, kept external, so its declarations refer to the main entry's.
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      'tanstack-query': 'src/tanstack-query/index.ts',
    },
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: true,
    splitting: false,
    external: ['user-management-sdk'],
    shims: true,
    treeshake: true,
    define,
  },
  {
    // Node-only subpaths: user-management-sdk/sync (ESM + CJS). The SDK itself stays an external
    // self-reference, so sync shares the one copy of the client and its error classes (instanceof works).
    entry: { sync: 'src/sync/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: true,
    treeshake: true,
    external: ['user-management-sdk'],
    shims: true,
    define,
  },
  {
    // The `user-management` CLI (package bin): ESM, imports the SDK and ./sync by name like sync does.
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    sourcemap: true,
    external: ['user-management-sdk', 'user-management-sdk/sync', 'user-management-sdk/testing'],
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
  {
    // What ./sync resolves to outside Node: its functions throw a one-line error (no engine inside).
    entry: { 'sync-node-only': 'src/sync/node-only.ts' },
    format: ['esm'],
    platform: 'neutral',
    target: 'es2022',
    dts: false,
    define,
  },
  {
    // Browsers and other non-Node runtimes: ESM, no Node built-ins.
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    dts: false,
    sourcemap: true,
    // Code splitting here, so that an application pays only for what it uses: each optional feature
    // (OAuth2 client credentials, the rate limiter, the concurrency cap, the failure-rate breaker,
    // OpenTelemetry, the response cache, info/debug logging) is an import() the client runs only when the option is set (src/load-once.ts); cockatiel
    // is an import() at the breaker's first counted failure — its module scope makes an AbortController,
    // which Cloudflare Workers refuse at start-up (src/resilience/breaker.ts) — and redirect following one
    // at the first redirect (src/transport/redirects.ts). Each stays a chunk of its own
    // (`<module>-<hash>.js`, the names package.json "size-limit" and test/package/lazy-chunks.test.ts use)
    // for the application's bundler to split the same way.
    splitting: true,
    treeshake: true,
    define,
    esbuildPlugins: [browserPlatform],
  },
  {
    // The testing and tanstack-query subpaths for browsers, built on their own so that no chunk is shared
    // with the main entry.
    entry: { testing: 'src/testing/index.ts', 'tanstack-query': 'src/tanstack-query/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    dts: false,
    sourcemap: true,
    splitting: false,
    treeshake: true,
    define,
    esbuildPlugins: [browserPlatform],
  },
]);
