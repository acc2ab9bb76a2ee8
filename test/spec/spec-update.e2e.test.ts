// `npm run spec:update` with every step, on a temp copy of the repo with src/ and the contract tests: the
// compatible fixture goes through the typecheck and the contract tests. (The roll-back after a failed step
// is in spec-update.test.ts, with a spec the generator rejects: the same code path, without a slow tsc.)
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { copyRepo, fixture } from './repo-copy.js';

describe('spec:update, all steps', () => {
  it(
    'updates to the compatible spec: regenerates, typechecks, passes the contract tests, updates the API report, writes a minor changeset',
    { timeout: 180_000 },
    async ({ onTestFinished }) => {
      const copy = await copyRepo({ withSources: true });
      onTestFinished(() => copy.remove());
      const before = await copy.snapshot();
      const run = await copy.specUpdate(fixture('next-compatible.yaml'));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/✔ typecheck \(npx tsc -p tsconfig\.json --noEmit\) \(\d+\.\d s\)/);
      expect(run.stdout).toMatch(/✔ contract tests \(npx vitest run --project contract\) \(\d+\.\d s\)/);
      expect(await copy.read('spec/openapi.yaml')).toBe(
        await readFile(fixture('next-compatible.yaml'), 'utf8'),
      );
      expect(run.stdout).toMatch(
        /✔ API report \(api-extractor run --local -c api-extractor\.json\) \(\d+\.\d s\)/,
      );
      // The new operation is a method with no hand-written line, in the code and in the API report.
      expect(await copy.read('src/generated/resources/users.ts')).toContain(
        'deactivate(id: number, options?: RequestOptions): APIPromise<User> {',
      );
      expect(await copy.read('etc/user-management-sdk.api.md')).toContain(
        'deactivate(id: number, options?: RequestOptions): APIPromise<User>;',
      );
      // ...and in the mock's public types, whose API report (one per subpath) is rewritten with them.
      expect(await copy.read('etc/user-management-sdk-testing.api.md')).toContain("'deactivateUser'");
      // ...and the TanStack Query bindings get a mutation for it, in their API report too.
      expect(await copy.read('etc/user-management-sdk-tanstack-query.api.md')).toContain(
        'readonly deactivate: MutationBinding<DeactivateUserVariables',
      );
      const [file] = await copy.newChangesets(before);
      const changeset = await copy.read(file!);
      expect(changeset).toMatch(/^---\n"user-management-sdk": minor\n---\n/);
      expect(changeset).toContain('- Added `client.users.deactivate()`');
    },
  );
});
