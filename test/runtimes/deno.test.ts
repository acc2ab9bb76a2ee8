// The Node build (dist/index.js) in Deno (the `deno` npm package), with no permission but network
// access to 127.0.0.1 and reading dist/ and node_modules/: no --allow-env, so the client must not read
// the environment when every option is passed (Deno throws NotCapable on such a read).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';
import type { FaultServer } from '../support/fault-server.js';
import { requireRuntime } from '../support/runtime-gate.js';
import { EXPECTED, SCRIPT, startUsersApi } from './seed.js';

const run = promisify(execFile);
const DENO = process.env.DENO_PATH ?? join(ROOT, 'node_modules/.bin/deno');

async function denoMissing(): Promise<string | undefined> {
  try {
    await run(DENO, ['--version'], { timeout: 30_000 });
    return undefined;
  } catch (error) {
    return `no working deno at ${DENO} (npm install, or set DENO_PATH): ${error instanceof Error ? error.message : String(error)}`;
  }
}

const available = requireRuntime('deno', await denoMissing());

describe.skipIf(!available)('the Node build in Deno', () => {
  let server: FaultServer;
  let dir: string;

  beforeAll(async () => {
    server = await startUsersApi();
    dir = mkdtempSync(join(tmpdir(), 'sdk-deno-'));
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists and gets users from a loopback API, and its breaker loads cockatiel at a 503, without --allow-env', async () => {
    const script = join(dir, 'main.mjs');
    writeFileSync(
      script,
      `import * as sdk from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/index.js')).href)};
const baseUrl = Deno.args[0];
const result = await (async () => {${SCRIPT}})();
console.log(JSON.stringify(result));
`,
    );
    const { stdout } = await run(
      DENO,
      [
        'run',
        '--no-prompt',
        '--node-modules-dir=manual',
        '--allow-net=127.0.0.1',
        `--allow-read=${join(ROOT, 'dist')},${join(ROOT, 'node_modules')}`,
        script,
        server.url,
      ],
      // cwd: the package root, whose package.json and node_modules resolve the SDK's dependencies.
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } },
    );

    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual(EXPECTED);
    // The call that met the open circuit sent nothing.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /users',
      'GET /users/2',
      'GET /users/1',
      'GET /users/1',
    ]);
  });
});
