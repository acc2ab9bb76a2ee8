// Shared set-up of the sync unit tests: temp directories, a fake clock, reading output files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Clock } from '../../src/sync/engine.js';

/** A fresh temp directory per call, removed after the test. */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'um-sync-'));
    dirs.push(d);
    return d;
  };
}

/** A clock whose sleeps return at once and move time forward; `sleeps` lists what was waited. */
export function fakeClock(
  start = Date.UTC(2026, 0, 1),
): Clock & { sleeps: number[]; tick(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    tick(ms) {
      now += ms;
    },
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
  };
}

export function readJsonLines(path: string): any[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

export const person = (n: number, extra: Record<string, unknown> = {}) => ({
  name: `Person ${n}`,
  username: `user${n}`,
  email: `user${n}@example.com`,
  ...extra,
});
