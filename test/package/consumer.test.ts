// Consumer smoke tests: what a user gets from `npm install user-management-sdk`. The package is packed
// with `npm pack`, installed from the tarball into a throwaway project, then required from CommonJS,
// imported from ESM (both making a real call to a loopback API) and typechecked with TypeScript under
// `node16` and `bundler` resolution.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { ROOT } from '../support/build-dist.js';

const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/** The msw the repo tests with, installed next to the tarball (user-management-sdk/testing's optional peer). */
const MSW = `msw@${(JSON.parse(readFileSync(join(ROOT, 'node_modules/msw/package.json'), 'utf8')) as { version: string }).version}`;
/** The query-core the repo tests with (user-management-sdk/tanstack-query's optional peer). */
const QUERY_CORE = `@tanstack/query-core@${(JSON.parse(readFileSync(join(ROOT, 'node_modules/@tanstack/query-core/package.json'), 'utf8')) as { version: string }).version}`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The same program from both module systems: create, get, list, and a handled NotFoundError. */
const program = (load: string, resolve: string) => `${load}
const client = new UserManagementClient({ baseUrl: process.env.API_URL, token: 'consumer-token' });
const created = await client.users.create({ name: 'Grace Hopper', username: 'grace', email: 'grace@example.com' });
const got = await client.users.get(created.id);
const page = await client.users.list({ limit: 5 });
let missing;
try {
  await client.users.get(424242);
} catch (error) {
  missing = { notFound: error instanceof NotFoundError, status: error.status };
}
console.log(JSON.stringify({ resolved: ${resolve}, got, total: page.total, missing }));
`;

const CJS = `'use strict';
(async () => {
${program("const { UserManagementClient, NotFoundError } = require('user-management-sdk');", "require.resolve('user-management-sdk')")}
})().catch((error) => { console.error(error); process.exitCode = 1; });
`;

const ESM = program(
  "import { UserManagementClient, NotFoundError } from 'user-management-sdk';",
  "new URL(import.meta.resolve('user-management-sdk')).pathname",
);

/** A consumer's test code: the SDK over the mock from user-management-sdk/testing, and the shipped spec. */
const mockProgram = (load: string, resolve: string) => `${load}
const mock = createMockApi();
const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });
const created = await client.users.create({ name: 'Grace Hopper', username: 'grace', email: 'grace@example.com' });
const got = await client.users.get(created.id);
let invalid;
try {
  await client.users.create({ name: 'No Email' });
} catch (error) {
  invalid = { unprocessable: error instanceof UnprocessableEntityError, status: error.status, fields: error.fieldErrors.map((f) => f.field) };
}
const spec = readFileSync(${resolve.replace('ID', "'user-management-sdk/openapi.yaml'")}, 'utf8');
console.log(JSON.stringify({ testing: ${resolve.replace('ID', "'user-management-sdk/testing'")}, same: JSON.stringify(got) === JSON.stringify(created), invalid, spec: spec.slice(0, 14) }));
`;

const MOCK_CJS = `'use strict';
(async () => {
${mockProgram(
  "const { UserManagementClient, UnprocessableEntityError } = require('user-management-sdk');\nconst { createMockApi } = require('user-management-sdk/testing');\nconst { readFileSync } = require('node:fs');",
  'require.resolve(ID)',
)}
})().catch((error) => { console.error(error); process.exitCode = 1; });
`;

const MOCK_ESM = mockProgram(
  "import { UserManagementClient, UnprocessableEntityError } from 'user-management-sdk';\nimport { createMockApi } from 'user-management-sdk/testing';\nimport { readFileSync } from 'node:fs';\nimport { fileURLToPath } from 'node:url';",
  'fileURLToPath(import.meta.resolve(ID))',
);

/** The TanStack Query bindings over the mock: a query, an infinite query, a mutation and its cache update. */
const queriesProgram = (load: string, resolve: string) => `${load}
const mock = createMockApi({ data: { users: [{ id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' }] } });
const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });
const queryClient = new QueryClient();
const api = createQueries(client, queryClient);
const user = await queryClient.fetchQuery(api.users.get.queryOptions(1));
const pages = await queryClient.fetchInfiniteQuery(api.users.list.infiniteQueryOptions({ limit: 5 }));
await new MutationObserver(queryClient, api.users.update.mutationOptions()).mutate({ id: 1, body: { name: 'Ada King' } });
console.log(JSON.stringify({ entry: ${resolve}, key: api.users.get.queryKey(1), user: user.name, items: pages.pages[0].data.length, cached: queryClient.getQueryData(api.users.get.queryKey(1)).name, retry: api.users.get.queryOptions(1).retry }));
`;
const QUERIES_CJS = `'use strict';
(async () => {
${queriesProgram("const { UserManagementClient } = require('user-management-sdk');\nconst { createMockApi } = require('user-management-sdk/testing');\nconst { createQueries } = require('user-management-sdk/tanstack-query');\nconst { QueryClient, MutationObserver } = require('@tanstack/query-core');", "require.resolve('user-management-sdk/tanstack-query')")}
})().catch((error) => { console.error(error); process.exitCode = 1; });
`;
const QUERIES_ESM = queriesProgram(
  "import { UserManagementClient } from 'user-management-sdk';\nimport { createMockApi } from 'user-management-sdk/testing';\nimport { createQueries } from 'user-management-sdk/tanstack-query';\nimport { QueryClient, MutationObserver } from '@tanstack/query-core';",
  "new URL(import.meta.resolve('user-management-sdk/tanstack-query')).pathname",
);
/** Typed use of the tanstack-query subpath: the spec's types reach TanStack's. */
const TYPED_QUERIES = `import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { UserManagementClient, type User } from 'user-management-sdk';
import { createQueries, type UpdateUserVariables } from 'user-management-sdk/tanstack-query';

export function bound(): string {
  const queryClient = new QueryClient();
  const api = createQueries(new UserManagementClient({ baseUrl: 'https://api.example.com', token: 't' }), queryClient);
  const data: User | undefined = new QueryObserver(queryClient, api.users.get.queryOptions(1)).getCurrentResult().data;
  const cached: User | undefined = queryClient.getQueryData(api.users.get.queryKey(1));
  const variables: UpdateUserVariables = { id: 1, body: { name: 'Ada' } };
  // @ts-expect-error the id is a number
  api.users.get.queryOptions('1');
  return String(data?.name ?? cached?.email ?? variables.id);
}
`;
/** Typed use of the testing subpath. */
const TYPED_MOCK = `import { UserManagementClient } from 'user-management-sdk';
import { createMockApi, type MockApi, type MockFault } from 'user-management-sdk/testing';

export async function mocked(): Promise<number> {
  const mock: MockApi = createMockApi({ data: { users: [] } });
  const fault: MockFault = { status: 503, retryAfter: 1 };
  mock.fail('getUser', fault, 2);
  // @ts-expect-error a fault's status is a number
  mock.fail('getUser', { status: '503' });
  // @ts-expect-error the spec has no operation getUsr
  mock.fail('getUsr', fault);
  const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });
  return mock.handlers.length + (await client.users.list()).data.length;
}
`;

/** Typed use of the public surface; the @ts-expect-error line proves the types are real, not `any`. */
/**
 * The smallest-bundle style: UserManagementCore from /core and the functions from /funcs, from both module
 * systems; the errors they throw are the main entry's classes, and a client works as a core.
 */
const funcsProgram = (load: string, resolve: string) => `${load}
const core = new UserManagementCore({ baseUrl: process.env.API_URL, token: 'consumer-token' });
const created = await usersCreate(core, { name: 'Hedy Lamarr', username: 'hedy', email: 'hedy@example.com' });
const got = await usersGet(core, created.id);
let missing;
try {
  await usersGet(core, 424242);
} catch (error) {
  missing = { main: error instanceof ApiError, core: error instanceof CoreApiError, notFound: error instanceof NotFoundError, status: error.status };
}
const client = new UserManagementClient({ baseUrl: process.env.API_URL, token: 'consumer-token' });
const viaClient = await usersGet(client, created.id);
console.log(JSON.stringify({ resolved: ${resolve}, got, missing, sameUser: viaClient.id === got.id, clientIsCore: client instanceof UserManagementCore }));
`;

const FUNCS_CJS = `'use strict';
(async () => {
${funcsProgram(
  "const { UserManagementCore, ApiError: CoreApiError, NotFoundError } = require('user-management-sdk/core');\nconst { usersCreate, usersGet } = require('user-management-sdk/funcs');\nconst { ApiError, UserManagementClient } = require('user-management-sdk');",
  "[require.resolve('user-management-sdk/core'), require.resolve('user-management-sdk/funcs')]",
)}
})().catch((error) => { console.error(error); process.exitCode = 1; });
`;

const FUNCS_ESM = funcsProgram(
  "import { UserManagementCore, ApiError as CoreApiError, NotFoundError } from 'user-management-sdk/core';\nimport { usersCreate, usersGet } from 'user-management-sdk/funcs';\nimport { ApiError, UserManagementClient } from 'user-management-sdk';",
  "[new URL(import.meta.resolve('user-management-sdk/core')).pathname, new URL(import.meta.resolve('user-management-sdk/funcs')).pathname]",
);

/** The two subpaths' declarations agree with the main entry's: a client is a core, one User type. */
const TYPED_FUNCS = `import { UserManagementCore, NotFoundError } from 'user-management-sdk/core';
import { usersGet, usersList, type APIPromise } from 'user-management-sdk/funcs';
import { UserManagementClient, ApiError, type User, type UserPage } from 'user-management-sdk';

export async function standalone(): Promise<string> {
  const core = new UserManagementCore({ baseUrl: 'https://api.example.com', token: 't' });
  const client = new UserManagementClient({ baseUrl: 'https://api.example.com', token: 't' });
  const user: APIPromise<User> = usersGet(core, 1);
  const page: UserPage = await usersList(client, { limit: 5 });
  // @ts-expect-error the id is a number
  usersGet(core, '1');
  const err: ApiError = new NotFoundError({ status: 404, method: 'GET', url: 'https://api.example.com/users/1', headers: {}, body: undefined });
  return (await user).name + page.data.length + err.status;
}
`;

const TYPED = `import { UserManagementClient, NotFoundError, type User, type UserPage } from 'user-management-sdk';

export async function main(): Promise<string> {
  const client = new UserManagementClient({ baseUrl: 'https://api.example.com', token: () => 'rotating-token', maxRetries: 1 });
  const user: User = await client.users.get(1);
  const email: string = user.email;
  // @ts-expect-error User has no field "emailAddress"
  console.log(user.emailAddress);
  // @ts-expect-error baseUrl must be a string
  new UserManagementClient({ baseUrl: 42 });
  const page: UserPage = await client.users.list({ page: 1, limit: 10, sort: 'name', order: 'asc' });
  try {
    await client.users.delete(page.data[0]?.id ?? 1);
  } catch (error) {
    if (error instanceof NotFoundError) return error.requestId ?? '';
  }
  return email;
}
`;

/** The sync subpath, typed: a wrong option is a type error. */
const TYPED_SYNC = `import { UserManagementClient } from 'user-management-sdk';
import { syncUsers, type SyncReport } from 'user-management-sdk/sync';

export async function sync(): Promise<number> {
  const client = new UserManagementClient({ baseUrl: 'https://api.example.com' });
  const report: SyncReport = await syncUsers(client, 'users.csv', { key: 'username', conflict: 'target-wins', dryRun: true });
  // @ts-expect-error conflict must be a strategy name or a function
  await syncUsers(client, 'users.csv', { conflict: 'newest' });
  return report.totals.created;
}
`;

const tsconfig = (module: string, moduleResolution: string, files: string[]) =>
  JSON.stringify({
    compilerOptions: {
      module,
      moduleResolution,
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      // Check the shipped declarations (and openapi-fetch's) too, but not TypeScript's own lib files.
      skipLibCheck: false,
      skipDefaultLibCheck: true,
    },
    files,
  });

async function tsc(dir: string, project: string): Promise<void> {
  try {
    await run(process.execPath, [TSC, '-p', project], { cwd: dir });
  } catch (error: unknown) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p ${project} failed:\n${stdout}${stderr}`, { cause: error });
  }
}

describe('the packed tarball, installed in a fresh project', () => {
  let work: string;
  let consumer: string;
  let api: FaultServer;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ums-consumer-'));
    const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: ROOT,
    });
    const tarball = join(work, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);

    consumer = join(work, 'app');
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
    );
    // openapi-fetch and cockatiel come from the npm cache (filled by `npm ci`); the network only if they are not there.
    const install = ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball, MSW, QUERY_CORE];
    try {
      await run(npm, [...install, '--offline'], { cwd: consumer });
    } catch {
      await run(npm, [...install, '--prefer-offline'], { cwd: consumer });
    }

    writeFileSync(join(consumer, 'call.cjs'), CJS);
    writeFileSync(join(consumer, 'call.mjs'), ESM);
    writeFileSync(join(consumer, 'funcs.cjs'), FUNCS_CJS);
    writeFileSync(join(consumer, 'funcs.mjs'), FUNCS_ESM);
    writeFileSync(join(consumer, 'typed-funcs.mts'), TYPED_FUNCS);
    writeFileSync(join(consumer, 'typed-funcs.cts'), TYPED_FUNCS);
    writeFileSync(join(consumer, 'typed-funcs-bundler.ts'), TYPED_FUNCS);
    writeFileSync(join(consumer, 'typed-esm.mts'), TYPED);
    writeFileSync(join(consumer, 'typed-cjs.cts'), TYPED);
    writeFileSync(join(consumer, 'typed-bundler.ts'), TYPED);
    writeFileSync(join(consumer, 'mock.cjs'), MOCK_CJS);
    writeFileSync(join(consumer, 'mock.mjs'), MOCK_ESM);
    writeFileSync(join(consumer, 'typed-mock.mts'), TYPED_MOCK);
    writeFileSync(join(consumer, 'typed-mock-bundler.ts'), TYPED_MOCK);
    writeFileSync(join(consumer, 'typed-sync.mts'), TYPED_SYNC);
    writeFileSync(join(consumer, 'typed-sync-bundler.ts'), TYPED_SYNC);
    writeFileSync(join(consumer, 'queries.cjs'), QUERIES_CJS);
    writeFileSync(join(consumer, 'queries.mjs'), QUERIES_ESM);
    writeFileSync(join(consumer, 'typed-queries.mts'), TYPED_QUERIES);
    writeFileSync(join(consumer, 'typed-queries.cts'), TYPED_QUERIES);
    writeFileSync(join(consumer, 'typed-queries-bundler.ts'), TYPED_QUERIES);
    writeFileSync(
      join(consumer, 'tsconfig.node16.json'),
      tsconfig('node16', 'node16', [
        'typed-esm.mts',
        'typed-cjs.cts',
        'typed-mock.mts',
        'typed-sync.mts',
        'typed-queries.mts',
        'typed-queries.cts',
        'typed-funcs.mts',
        'typed-funcs.cts',
      ]),
    );
    writeFileSync(
      join(consumer, 'tsconfig.bundler.json'),
      tsconfig('esnext', 'bundler', [
        'typed-bundler.ts',
        'typed-mock-bundler.ts',
        'typed-sync-bundler.ts',
        'typed-queries-bundler.ts',
        'typed-funcs-bundler.ts',
      ]),
    );

    api = await startFaultServer();
    api.setDefault({ kind: 'users' });
    env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('USER_MGMT_')));
    env.API_URL = api.url;
  });

  afterAll(async () => {
    await api?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each([
    ['require()s the CommonJS build from a .cjs file', 'call.cjs', 'dist/index.cjs'],
    [
      'imports the Node ESM build (node condition, not the browser build) from a .mjs file',
      'call.mjs',
      'dist/index.js',
    ],
  ])('%s and makes a real call', async (_name, file, entry) => {
    const { stdout } = await run(process.execPath, [file], { cwd: consumer, env });
    const out = JSON.parse(stdout) as {
      resolved: string;
      got: { email: string };
      total: number;
      missing: unknown;
    };
    expect(out.resolved).toBe(join(consumer, 'node_modules/user-management-sdk', entry));
    expect(out.got.email).toBe('grace@example.com');
    expect(out.total).toBeGreaterThanOrEqual(1);
    expect(out.missing).toEqual({ notFound: true, status: 404 });
    // Only the Node build sets a User-Agent; the browser build leaves it to the browser.
    const last = api.requests.at(-1)!;
    expect(last.headers['user-agent']).toMatch(/^user-management-sdk\/\S+ node\/\d+\./);
    expect(last.headers['authorization']).toBe('Bearer consumer-token');
  });

  it.each([
    ['require()s user-management-sdk/testing from CommonJS', 'mock.cjs', 'dist/testing.cjs'],
    ['imports user-management-sdk/testing from ESM', 'mock.mjs', 'dist/testing.js'],
  ])(
    '%s: creates and reads a user with no server, gets a 422, and finds the shipped spec',
    async (_name, file, entry) => {
      const { stdout } = await run(process.execPath, [file], { cwd: consumer, env });
      const out = JSON.parse(stdout) as { testing: string; same: boolean; invalid: unknown; spec: string };
      expect(out.testing).toBe(join(consumer, 'node_modules/user-management-sdk', entry));
      expect(out.same).toBe(true);
      expect(out.invalid).toEqual({ unprocessable: true, status: 422, fields: ['username', 'email'] });
      expect(out.spec).toBe('openapi: 3.0.3');
    },
  );

  it("runs the README's consumer tests (examples/mock.test.ts, examples/tanstack-query.test.ts) with vitest on the installed package, no server", async () => {
    // The repo's vitest, linked in as a consumer's devDependency; the tests are copied as they are.
    symlinkSync(join(ROOT, 'node_modules/vitest'), join(consumer, 'node_modules/vitest'), 'dir');
    for (const file of ['mock.test.ts', 'tanstack-query.test.ts'])
      copyFileSync(join(ROOT, 'examples', file), join(consumer, file));
    // The child is a vitest of its own, not a worker of this one.
    const childEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST')));
    const { stdout } = await run(
      process.execPath,
      [
        join(consumer, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        consumer,
        '--reporter',
        'verbose',
        'mock.test.ts',
        'tanstack-query.test.ts',
      ],
      { cwd: consumer, env: { ...childEnv, NO_COLOR: '1' } },
    );
    expect(stdout).toContain('creates, reads and pages users like the real API');
    expect(stdout).toContain('answers an invalid body with the 422 problem details the spec defines');
    expect(stdout).toContain('reads, pages and writes through TanStack Query, and the cache follows');
    expect(stdout).toMatch(/Tests\s+5 passed \(5\)/);
  });

  it.each([
    ['require()s user-management-sdk/tanstack-query from CommonJS', 'queries.cjs', 'dist/tanstack-query.cjs'],
    ['imports user-management-sdk/tanstack-query from ESM', 'queries.mjs', 'dist/tanstack-query.js'],
  ])('%s: a query, an infinite query and a mutation that updates the cache', async (_name, file, entry) => {
    const { stdout } = await run(process.execPath, [file], { cwd: consumer, env });
    expect(JSON.parse(stdout)).toEqual({
      entry: join(consumer, 'node_modules/user-management-sdk', entry),
      key: ['users', 'getUser', { id: 1 }],
      user: 'Ada',
      items: 1,
      cached: 'Ada King',
      retry: false,
    });
  });

  it('keeps the mock out of the main entry: none of its builds loads msw or Ajv', () => {
    const dist = join(consumer, 'node_modules/user-management-sdk/dist');
    for (const file of ['index.js', 'index.cjs', 'browser/index.js']) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/\bmsw\b|\bajv\b/i);
    }
    expect(readFileSync(join(dist, 'testing.js'), 'utf8')).toMatch(/from ['"]msw['"]/);
  });

  it('typechecks against the shipped declarations with module/moduleResolution node16 (ESM and CJS files)', async () => {
    await tsc(consumer, 'tsconfig.node16.json');
  });

  it('typechecks against the shipped declarations with moduleResolution bundler', async () => {
    await tsc(consumer, 'tsconfig.bundler.json');
  });

  it.each([
    [
      'require()s user-management-sdk/core and /funcs from CommonJS',
      'funcs.cjs',
      ['dist/core.cjs', 'dist/funcs.cjs'],
    ],
    ['imports user-management-sdk/core and /funcs from ESM', 'funcs.mjs', ['dist/core.js', 'dist/funcs.js']],
  ])("%s: real calls, and errors that are the main entry's classes", async (_name, file, entries) => {
    const { stdout } = await run(process.execPath, [file], { cwd: consumer, env });
    const out = JSON.parse(stdout) as {
      resolved: string[];
      got: { email: string };
      missing: unknown;
      sameUser: boolean;
      clientIsCore: boolean;
    };
    expect(out.resolved).toEqual(entries.map((e) => join(consumer, 'node_modules/user-management-sdk', e)));
    expect(out.got.email).toBe('hedy@example.com');
    expect(out.missing).toEqual({ main: true, core: true, notFound: true, status: 404 });
    expect(out.sameUser).toBe(true);
    expect(out.clientIsCore).toBe(true);
    const last = api.requests.at(-1)!;
    expect(last.headers['authorization']).toBe('Bearer consumer-token');
  });

  it('loads user-management-sdk/sync from CommonJS and ESM, sharing the main entry (one copy of the errors)', async () => {
    const script = (load: string) =>
      `${load}\nconsole.log(JSON.stringify({ fn: typeof sync.syncUsers, shared: sync === undefined ? false : true }));`;
    writeFileSync(join(consumer, 'sync.cjs'), script("const sync = require('user-management-sdk/sync');"));
    writeFileSync(join(consumer, 'sync.mjs'), script("import * as sync from 'user-management-sdk/sync';"));
    for (const file of ['sync.cjs', 'sync.mjs']) {
      const { stdout } = await run(process.execPath, [file], { cwd: consumer, env });
      expect(JSON.parse(stdout)).toEqual({ fn: 'function', shared: true });
    }
    const installed = join(consumer, 'node_modules/user-management-sdk/dist');
    // The sync build imports the SDK by name instead of bundling a second copy of the client.
    expect(readFileSync(join(installed, 'sync.js'), 'utf8')).toMatch(/from ["']user-management-sdk["']/);
    expect(readFileSync(join(installed, 'sync.cjs'), 'utf8')).toMatch(
      /require\(["']user-management-sdk["']\)/,
    );
  });

  it('keeps sync out of the browser: no browser build of it, and the non-Node condition is a one-line error', async () => {
    const pkg = JSON.parse(
      readFileSync(join(consumer, 'node_modules/user-management-sdk/package.json'), 'utf8'),
    );
    expect(Object.keys(pkg.exports['./sync'])).toEqual(['node', 'default']);
    expect(pkg.exports['./sync'].default.default).toBe('./dist/sync-node-only.js');
    const browser = join(consumer, 'node_modules/user-management-sdk/dist/browser');
    for (const f of readdirSync(browser).filter((n) => n.endsWith('.js')))
      expect(readFileSync(join(browser, f), 'utf8')).not.toMatch(/dead-letter|syncUsers|csv-parse/);
    // A browser bundle that imports it gets the one-line error module, not the engine.
    const { build } = await import('esbuild');
    const out = await build({
      stdin: { contents: "export { syncUsers } from 'user-management-sdk/sync';", resolveDir: consumer },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const text = out.outputFiles[0]!.text;
    expect(text).toContain('user-management-sdk/sync runs on Node.js only');
    expect(text.length).toBeLessThan(500);
  });

  it('installs the user-management CLI, which prints a dry-run plan and exits 0', async () => {
    copyFileSync(join(ROOT, 'examples/users.csv'), join(consumer, 'users.csv'));
    const bin = join(consumer, 'node_modules/.bin/user-management');
    const { stdout } = await run(bin, ['sync', 'users', 'users.csv', '--dry-run'], {
      cwd: consumer,
      env: { ...env, USER_MGMT_BASE_URL: api.url },
    });
    expect(stdout).toMatch(/^Plan \(dry run, nothing written\):/);
    expect(stdout).toMatch(/create\s+ada@example\.com/);
    expect(stdout).toMatch(/Would sync 10 records/);
    await expect(run(bin, ['sync', 'users'], { cwd: consumer, env })).rejects.toMatchObject({ code: 2 });
  });
});
