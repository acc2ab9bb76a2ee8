// "Under CI (CI=true) a missing Chromium fails the run rather than skipping it": every Chromium suite
// (the React app, the browser build, the testing subpath in the browser, the sync report) run in a child
// vitest with CI=true and CHROMIUM_PATH pointing at nothing must fail, naming what is missing. (Without
// CI they skip with a warning: test/support/runtime-gate.ts.)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';

const SUITES = [
  'test/app/react-app.test.ts',
  'test/browser/browser.test.ts',
  'test/browser/testing.test.ts',
  'test/browser/sync-report.test.ts',
];
const MISSING = '/nonexistent/chromium';

/** Runs the Chromium suites in a child vitest with no Chromium; resolves with its exit code and output. */
function runUnderCiWithoutChromium(): Promise<{ code: number | null; output: string }> {
  // The child must not think it runs inside this vitest worker.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      'app',
      '--project',
      'browser',
      '--reporter',
      'verbose',
      ...SUITES,
    ],
    {
      cwd: ROOT,
      env: { ...env, CHROMIUM_PATH: MISSING, CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('the Chromium suites without Chromium', () => {
  it('fail under CI=true, each naming the missing browser', { timeout: 120_000 }, async () => {
    const { code, output } = await runUnderCiWithoutChromium();
    expect(code, output).toBe(1);
    for (const name of ['react app', 'browser', 'browser (testing subpath)', 'sync report in Chromium'])
      expect(output).toContain(`[${name}] cannot run under CI: no Chromium at ${MISSING}`);
    expect(output).toMatch(/Tests\s+4 failed/);
  });
});
