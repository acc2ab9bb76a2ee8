// One rule for tests that need a runtime the machine may lack (Chromium, workerd, Deno): on a
// developer's machine a missing runtime skips the suite and says why, loudly; under CI (CI=true) it
// fails the run instead, so a broken CI image cannot turn a real test into a silent skip.
import { it } from 'vitest';

/** True on CI, where every runtime test must run. */
export const IS_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Reports a missing runtime: warns and returns false locally; under CI registers a failing test that
 * names what is missing. Call it at the top of the test file; skip the suite when it returns false.
 */
export function requireRuntime(name: string, missing: string | undefined): boolean {
  if (missing === undefined) return true;
  if (IS_CI) {
    it(`${name} is available (required under CI=true)`, () => {
      throw new Error(`[${name}] cannot run under CI: ${missing}`);
    });
  } else {
    console.warn(`[${name}] SKIPPED: ${missing}`);
  }
  return false;
}
