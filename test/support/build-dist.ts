// Global setup of the `browser` and `package` projects: both test what ships in dist/, so dist/ must
// match the sources. CI runs `npm run build` first, so this is then a cheap mtime check; locally it
// runs tsup once when dist/ is missing or older than anything it is built from.
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What `npm run build` writes and the tests read. */
const OUTPUTS = [
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/browser/index.js',
];
/** What the build reads. */
const INPUTS = ['src', 'generated', 'tsup.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** The reason dist/ needs a rebuild, or undefined when it is up to date. */
export function staleReason(): string | undefined {
  let oldestOutput = Infinity;
  for (const output of OUTPUTS) {
    const stat = statSync(join(ROOT, output), { throwIfNoEntry: false });
    if (!stat) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, stat.mtimeMs);
  }
  const newestInput = Math.max(...INPUTS.map((input) => newestMtime(join(ROOT, input))));
  return newestInput > oldestOutput ? 'sources changed since the last build' : undefined;
}

export default async function setup(): Promise<void> {
  const reason = staleReason();
  if (reason === undefined) return;
  console.log(`[build-dist] ${reason}: running tsup (npm run build)…`);
  try {
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsup'), [], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error: unknown) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `npm run build failed; dist/ is needed by the browser and package tests.\n${stdout}${stderr}`,
      { cause: error },
    );
  }
}
