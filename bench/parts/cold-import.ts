// Part 5 — cold import. How long `await import(...)` of the package takes in a fresh Node process:
// each sample is a new process (nothing cached in memory; the OS file cache is warm after the first),
// timed inside it with performance.now() around the import alone, so Node's own start-up is left out.
// The packed package is imported by name from bench/.build (through its `exports`), next to
// openapi-fetch, which it is built on, as the floor.
import { execFileSync } from 'node:child_process';
import { argValue, partMain } from '../lib/child.js';
import { BUILD_DIR } from '../lib/packed-sdk.js';
import { REPO_ROOT } from '../lib/versions.js';

export interface ColdImportResult {
  samples: number;
  /** Milliseconds of each sample, per module. */
  ms: Record<string, number[]>;
}

const SCRIPT = `const t0 = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t0));`;

function importMs(specifier: string, cwd: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, specifier], {
    cwd,
    encoding: 'utf8',
  });
  return Number(out);
}

async function main(args: readonly string[]): Promise<ColdImportResult> {
  const samples = Number(argValue(args, '--samples') ?? 15);
  // The SDK by its package name, as an application imports it; without a packed copy, the repo's dist/.
  const sdk = process.env.BENCH_SDK_MODULE ? { name: 'user-management-sdk', cwd: BUILD_DIR } : undefined;
  const modules = [
    ...(sdk ? [sdk] : [{ name: `${REPO_ROOT}dist/index.js`, cwd: REPO_ROOT }]),
    { name: 'openapi-fetch', cwd: REPO_ROOT },
  ];
  const ms: Record<string, number[]> = Object.fromEntries(modules.map((m) => [m.name, []]));
  importMs('openapi-fetch', REPO_ROOT); // the file cache, once
  for (let i = 0; i < samples; i++) {
    for (const m of i % 2 === 0 ? modules : [...modules].reverse()) ms[m.name]!.push(importMs(m.name, m.cwd));
  }
  return { samples, ms };
}

partMain(main);
