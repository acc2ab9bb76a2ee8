// The public surface is reviewed: `npm run check:api` (API Extractor, non-local) fails when what dist/
// declares differs from the committed report, and passes when they agree. Run on a temp copy of the
// report so the real etc/ is never touched.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';

const run = promisify(execFile);
let dir: string;
let config: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'um-api-report-'));
  await cp(join(ROOT, 'etc'), join(dir, 'etc'), { recursive: true });
  // API Extractor finds the package from its config's folder, so the config lives in the (ignored) temp/.
  await mkdir(join(ROOT, 'temp'), { recursive: true });
  const configDir = await mkdtemp(join(ROOT, 'temp', 'api-report-test-'));
  config = join(configDir, 'api-extractor.json');
  await writeFile(
    config,
    JSON.stringify({
      extends: join(ROOT, 'api-extractor.json'),
      projectFolder: ROOT,
      apiReport: { enabled: true, reportFolder: join(dir, 'etc'), reportTempFolder: join(dir, 'temp') },
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(join(config, '..'), { recursive: true, force: true });
});

async function checkApi(): Promise<{ code: number; output: string }> {
  const bin = join(ROOT, 'node_modules/@microsoft/api-extractor/bin/api-extractor');
  try {
    const { stdout } = await run(process.execPath, [bin, 'run', '--config', config], {
      cwd: ROOT,
    });
    return { code: 0, output: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('check:api', () => {
  it('passes when the committed report matches the build, and fails on an unreviewed change', async () => {
    expect((await checkApi()).code).toBe(0);

    const report = join(dir, 'etc/user-management-sdk.api.md');
    const text = await readFile(report, 'utf8');
    // As if a method had been added to the build without the report being updated in the same commit.
    await writeFile(
      report,
      text.replace(/\r?\n {4}get\(id: number, options\?: RequestOptions\): APIPromise<User>;(?=\r?\n)/, ''),
    );
    const failed = await checkApi();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/You have changed the API signature/);
  });
});
