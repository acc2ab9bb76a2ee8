import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// Projects: unit (no servers but the loopback fault server tests start themselves); contract
// (a global setup starts a Prism mock on an ephemeral port and kills it on teardown); conformance (a
// global setup starts json-server behind a validating Prism proxy); spec (the spec:update workflow,
// run end to end on temp copies of the repo).
// browser and package test what ships in dist/ (a global setup rebuilds it when stale).
export default defineConfig({
  define: { __SDK_VERSION__: JSON.stringify(version) },
  // examples/ import the package by name, as a consumer would, and so do src/sync and src/cli (one copy
  // of the client and its errors once built); in this repo that name means the sources.
  resolve: {
    alias: [
      {
        find: /^user-management-sdk\/tanstack-query$/,
        replacement: fileURLToPath(new URL('./src/tanstack-query/index.ts', import.meta.url)),
      },
      {
        find: /^user-management-sdk\/testing$/,
        replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      },
      {
        find: /^user-management-sdk\/sync$/,
        replacement: fileURLToPath(new URL('./src/sync/index.ts', import.meta.url)),
      },
      {
        find: /^user-management-sdk$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      thresholds: {
        'src/resilience/**': { lines: 90, branches: 80, functions: 90, statements: 90 },
        // Each policy is unit-tested with a fake next (test/policies/); measured 98 % lines, 97 % branches.
        'src/policies/**': { lines: 95, branches: 90, functions: 95, statements: 95 },
      },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // examples/*.test.ts show consumers testing their own code with user-management-sdk/testing.
          include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: [
            'test/contract/**',
            'test/conformance/**',
            'test/spec/**',
            'test/browser/**',
            'test/package/**',
            'test/sync-e2e/**',
            'test/runtimes/**',
            'test/app/**',
            'node_modules/**',
          ],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          // The same fault matrix, redirect, size-cap and local-failure suites again over
          // transport: 'undici' (see test/support/transport.ts): both transports keep every behaviour.
          name: 'transport-undici',
          include: [
            'test/resilience/fault-matrix.test.ts',
            'test/security/redirects.test.ts',
            'test/security/size-cap.test.ts',
            'test/security/local-failures.test.ts',
          ],
          env: { SDK_TEST_TRANSPORT: 'undici' },
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.contract.test.ts'],
          globalSetup: ['test/contract/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          // One json-server for every file, and files that compare whole collections with the fixture:
          // a file that writes (conditional requests) must not run while another reads.
          fileParallelism: false,
          globalSetup: ['test/conformance/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        // syncUsers and the CLI end to end: json-server with the conditional middleware (Idempotency-Key,
        // If-Match → 412, injected faults) behind Prism's validating proxy. One server: files run one at a time.
        extends: true,
        test: {
          name: 'sync-e2e',
          include: ['test/sync-e2e/**/*.test.ts'],
          globalSetup: ['test/sync-e2e/global-setup.ts'],
          fileParallelism: false,
          // After the other projects: thousands of requests through Prism would load the machine while
          // their timing tests (ratios measured in the same run) are measuring.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'spec',
          include: ['test/spec/**/*.test.ts'],
          // Each case spawns Spectral, openapi-diff and the generator (~8 s of CPU); leave room on a busy machine.
          testTimeout: 120_000,
        },
      },
      {
        // The browser build in headless Chromium against a cross-origin loopback API (skips without
        // /usr/bin/chromium). The global setup rebuilds dist/ when it is missing or stale.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/build-dist.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        // The built package in other runtimes: a Worker in workerd (Miniflare) and a script in Deno, each
        // against a loopback API. A missing runtime skips loudly, and fails under CI=true.
        extends: true,
        test: {
          name: 'runtimes',
          include: ['test/runtimes/**/*.test.ts'],
          globalSetup: ['test/support/build-dist.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        // examples/react-app (React 19 + @tanstack/react-query + user-management-sdk/tanstack-query), built
        // once with Vite and driven in headless Chromium against the mock and against Prism (skips without
        // /usr/bin/chromium; fails under CI=true). The global setup rebuilds dist/ when it is stale.
        extends: true,
        test: {
          name: 'app',
          include: ['test/app/**/*.test.ts'],
          globalSetup: ['test/support/build-dist.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        // Consumer smoke tests: npm pack, install the tarball in a temp project, require/import it and
        // typecheck against it (node16 and bundler resolution).
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/support/build-dist.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
