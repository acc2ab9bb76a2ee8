// Done-when: changing a response schema in the spec and regenerating makes a consumer's compile fail
// where it uses the changed field. A temp copy of the repo's sources, a consumer file that reads
// `user.email` from `client.users.get()`, and tsc before and after getUser's 200 becomes a Problem.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generate } from '../../codegen/generate.js';
import { repoRoot } from './repo-copy.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'um-consumer-compile-'));
  for (const entry of ['src', 'spec', 'tsconfig.json', 'package.json'])
    await cp(join(repoRoot, entry), join(dir, entry), { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Only the consumer and what it imports: a tsconfig of its own over the copied sources.
  await writeFile(
    join(dir, 'consumer.ts'),
    [
      "import { UserManagementClient } from './src/index.js';",
      "const client = new UserManagementClient({ baseUrl: 'https://api.example.com' });",
      'export async function emailOf(id: number): Promise<string> {',
      '  const user = await client.users.get(id);',
      '  return user.email.toLowerCase();',
      '}',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'tsconfig.consumer.json'),
    JSON.stringify({ extends: './tsconfig.json', include: ['consumer.ts'] }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tsc(): Promise<{ code: number; output: string }> {
  const bin = join(repoRoot, 'node_modules/typescript/bin/tsc');
  try {
    await run(process.execPath, [bin, '-p', 'tsconfig.consumer.json', '--noEmit'], { cwd: dir });
    return { code: 0, output: '' };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? 1, output: e.stdout ?? '' };
  }
}

describe('a consumer of the generated SDK', () => {
  it('compiles against the spec as it is, and fails where it reads a field the regenerated spec dropped', async () => {
    expect(await tsc()).toEqual({ code: 0, output: '' });

    const specPath = join(dir, 'spec/openapi.yaml');
    const spec = parse(await readFile(specPath, 'utf8'));
    spec.paths['/users/{id}'].get.responses['200'].content['application/json'].schema = {
      $ref: '#/components/schemas/Problem',
    };
    delete spec.paths['/users/{id}'].get.responses['200'].content['application/json'].examples;
    await writeFile(specPath, stringify(spec));
    await generate(specPath, join(dir, 'src/generated'));

    const after = await tsc();
    expect(after.code).not.toBe(0);
    expect(after.output).toMatch(
      /consumer\.ts\(5,\d+\): error TS2339: Property 'email' does not exist on type 'Problem'/,
    );
  });
});
