// `npm run spec:update` end to end on temp copies of the repo, with --skip-tests (the typecheck and the
// contract tests run in spec-update.e2e.test.ts): lint, classification, bump, changelog text, refusal.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import { describe, it, type TestContext } from 'vitest';
import { parse, stringify } from 'yaml';
import { copyRepo, fixture, type RepoCopy } from './repo-copy.js';

/** A temp copy of the repo, removed when the test finishes. */
async function repo({ onTestFinished }: TestContext): Promise<RepoCopy> {
  const copy = await copyRepo();
  onTestFinished(() => copy.remove());
  return copy;
}

/** The compatible fixture with one edit, written to a temp file outside the copy. */
async function variant({ onTestFinished }: TestContext, edit: (spec: any) => void): Promise<string> {
  const spec = parse(await readFile(fixture('next-compatible.yaml'), 'utf8'));
  edit(spec);
  const dir = await mkdtemp(join(tmpdir(), 'um-spec-variant-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'provider.yaml');
  await writeFile(path, stringify(spec));
  return path;
}

// Each case spawns the script on its own copy, so they run concurrently: most of the time is process
// start-up and waiting on Spectral.
describe.concurrent('spec:update', () => {
  it('takes a compatible spec as minor: replaces the spec, regenerates, writes a changeset naming the new operation and field', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const run = await copy.specUpdate(fixture('next-compatible.yaml'), '--skip-tests');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ Spectral: no warnings or errors');
    expect(run.stdout).toContain('User Management API spec 1.1.0 (was 1.0.0): 2 additions');
    expect(run.stdout).toContain('skipped the typecheck and the contract tests (--skip-tests)');

    expect(await copy.read('spec/openapi.yaml')).toBe(
      await readFile(fixture('next-compatible.yaml'), 'utf8'),
    );
    const operations = await copy.read('src/generated/operations.ts');
    // The operation's own row (what its standalone function imports), and its entry in the table.
    expect(operations).toMatch(
      /deactivateUserOperation = \{\s+method: 'POST',\s+path: '\/users\/\{id\}\/deactivate'/,
    );
    expect(operations).toContain('deactivateUser: deactivateUserOperation,');
    expect(await copy.read('src/generated/funcs/usersDeactivate.ts')).toContain(
      "callOperation(core, 'deactivateUser', deactivateUserOperation,",
    );
    expect(await copy.read('src/generated/schema.ts')).toContain('nickname?: string;');

    const [file, ...more] = await copy.newChangesets(before);
    expect(more).toEqual([]);
    const changeset = parseChangeset(await copy.read(file!));
    expect(changeset.releases).toEqual([{ name: 'user-management-sdk', type: 'minor' }]);
    expect(changeset.summary).toBe(
      [
        "Follow the provider's User Management API spec 1.1.0 (was 1.0.0): 2 additions.",
        '',
        'Added:',
        '',
        '- `User.nickname` was added (optional) — responses of `createUser`, `getUser`, `listUsers`, `replaceUser`, `updateUser`',
        '- Operation `deactivateUser` (POST /users/{id}/deactivate) was added',
        '',
        'SDK methods:',
        '',
        '- Added `client.users.deactivate()`',
        '- Changed `client.users.create()`',
        '- Changed `client.users.get()`',
        '- Changed `client.users.list()`',
        '- Changed `client.users.replace()`',
        '- Changed `client.users.update()`',
      ].join('\n'),
    );
  });

  it('refuses a breaking spec without --allow-breaking: says what breaks, exits 3, changes nothing', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const run = await copy.specUpdate(fixture('next-breaking.yaml'), '--skip-tests');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('3 breaking changes');
    expect(run.stdout).toContain('! Operation `deleteUser` (DELETE /users/{id}) was removed');
    expect(run.stdout).toContain(
      '! `User.username` was renamed to `login` — responses of `createUser`, `getUser`, `listUsers`, `replaceUser`, `updateUser`',
    );
    expect(run.stdout).toContain('! `NewUser.role` is a new required field — requests of `createUser`');
    expect(run.stderr).toContain('Refusing: the new spec has 3 breaking change(s)');
    expect(run.stderr).toContain(
      'Nothing was changed. If the provider really ships this, re-run with --allow-breaking',
    );
    expect(await copy.snapshot()).toEqual(before);
  });

  it('takes a breaking spec with --allow-breaking and writes a major changeset listing the removed operation and changed fields', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const run = await copy.specUpdate(fixture('next-breaking.yaml'), '--allow-breaking', '--skip-tests');
    expect(run.code).toBe(0);
    expect(await copy.read('spec/openapi.yaml')).toBe(await readFile(fixture('next-breaking.yaml'), 'utf8'));
    expect(await copy.read('src/generated/operations.ts')).not.toContain('deleteUser');
    const [file] = await copy.newChangesets(before);
    const changeset = parseChangeset(await copy.read(file!));
    expect(changeset.releases).toEqual([{ name: 'user-management-sdk', type: 'major' }]);
    expect(changeset.summary).toContain(
      "Follow the provider's User Management API spec 2.0.0 (was 1.0.0): 3 breaking changes, 6 documentation changes.",
    );
    expect(changeset.summary).toContain(
      [
        'Breaking changes:',
        '',
        '- Operation `deleteUser` (DELETE /users/{id}) was removed',
        '- `User.username` was renamed to `login` — responses of `createUser`, `getUser`, `listUsers`, `replaceUser`, `updateUser`',
        '- `NewUser.role` is a new required field — requests of `createUser`',
      ].join('\n'),
    );
  });

  it('takes a docs-only spec as patch and names what was reworded', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const run = await copy.specUpdate(fixture('docs-only.yaml'), '--skip-tests');
    expect(run.code).toBe(0);
    const [file] = await copy.newChangesets(before);
    const changeset = parseChangeset(await copy.read(file!));
    expect(changeset.releases).toEqual([{ name: 'user-management-sdk', type: 'patch' }]);
    expect(changeset.summary).toContain('- `listUsers` (GET /users): description changed');
    expect(changeset.summary).toContain('- `User.email`: example changed');
    expect(await copy.read('src/generated/operations.ts')).toBe(before['src/generated/operations.ts']);
  });

  it('reports only with --dry-run: prints the bump and the changeset, changes nothing', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const run = await copy.specUpdate(fixture('next-compatible.yaml'), '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: would replace spec/openapi.yaml');
    expect(run.stdout).toContain('"user-management-sdk": minor');
    expect(await copy.snapshot()).toEqual(before);
  });

  it.for([
    ['swagger2.yaml', 'is Swagger 2.0 (OpenAPI 2), but this SDK is generated from OpenAPI 3.0.x'],
    ['openapi31.yaml', 'is OpenAPI 3.1.0, but this SDK'],
  ] as const)(
    'refuses %s with a clear message, not a crash, and changes nothing',
    async ([name, message], ctx) => {
      const { expect } = ctx;
      const copy = await repo(ctx);
      const before = await copy.snapshot();
      const run = await copy.specUpdate(fixture(name));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(await copy.snapshot()).toEqual(before);
    },
  );

  it('stops on a Spectral finding (zero warnings allowed) and changes nothing', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const run = await copy.specUpdate(
      await variant(ctx, (spec) => delete spec.paths['/users/{id}/deactivate'].post.summary),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Spectral found problems in');
    expect(run.stderr).toContain('um-operation-summary');
    expect(await copy.snapshot()).toEqual(before);
  });

  it('puts the previous spec and src/generated/ back when a later step fails', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    // Spectral accepts a 3xx-only operation; the generator does not (no 2xx response).
    const provider = await variant(
      ctx,
      (spec) => (spec.paths['/users/{id}/deactivate'].post.responses = { '302': { description: 'Moved.' } }),
    );
    const run = await copy.specUpdate(provider, '--skip-tests');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✔ replaced spec/openapi.yaml');
    expect(run.stderr).toContain('deactivateUser declares no 2xx response');
    expect(run.stderr).toContain(
      'Restored the previous spec/openapi.yaml and src/generated/; no changeset was written.',
    );
    expect(await copy.snapshot()).toEqual(before);
  });

  it('takes a spec with a new tag and new operations: methods under the naming rules, named in the changeset', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const provider = await variant(ctx, (spec) => {
      spec.tags.push({ name: 'teams', description: 'Teams of users.' });
      const get = spec.paths['/groups/{id}'].get;
      spec.paths['/teams/{id}'] = {
        parameters: spec.paths['/groups/{id}'].parameters,
        get: { ...get, operationId: 'getTeam', tags: ['teams'], summary: 'Get one team' },
      };
      spec.paths['/users/{id}/todos'] = {
        parameters: spec.paths['/users/{id}'].parameters,
        get: {
          ...spec.paths['/groups/{id}/memberships'].get,
          operationId: 'listUserTodos',
          tags: ['users'],
          summary: 'List the todos of a user',
        },
      };
    });
    const run = await copy.specUpdate(provider, '--skip-tests');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+ Added `client.teams.get()`');
    expect(await copy.read('src/generated/resources/teams.ts')).toContain(
      'get(id: number, options?: RequestOptions): APIPromise<Group> {',
    );
    expect(await copy.read('src/generated/resources/users.ts')).toContain(
      'listTodos(id: number, params?: ListUserTodosParams, options?: RequestOptions): PagePromise<Membership> {',
    );
    expect(await copy.read('src/generated/client.ts')).toContain('readonly teams: Teams;');
    const [file] = await copy.newChangesets(before);
    const changeset = parseChangeset(await copy.read(file!));
    expect(changeset.releases).toEqual([{ name: 'user-management-sdk', type: 'minor' }]);
    expect(changeset.summary).toContain(
      [
        'SDK methods:',
        '',
        '- Added `client.teams.get()`',
        '- Added `client.users.deactivate()`',
        '- Added `client.users.listTodos()`',
      ].join('\n'),
    );
  });

  it('does nothing when the new spec says what the current one says', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const before = await copy.snapshot();
    const run = await copy.specUpdate(join(copy.dir, 'spec/openapi.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('already says the same; nothing to do.');
    expect(await copy.snapshot()).toEqual(before);
  });

  it('explains its usage on bad arguments and exits 2', async (ctx) => {
    const { expect } = ctx;
    const copy = await repo(ctx);
    const run = await copy.specUpdate('--frobnicate', 'a.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --frobnicate.');
    expect(run.stderr).toContain("Usage: npm run spec:update -- <path to the provider's new spec> [options]");
  });
});
