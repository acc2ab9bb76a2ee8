// Builds src/ (or a candidate copy) the way tsup does, for bench/lib/sdk.ts to import.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { packageVersion, REPO_ROOT } from './versions.js';

export const BUILD_DIR = join(REPO_ROOT, 'bench/.build');

/** Bundles `entry` (a src/index.ts) into bench/.build/<name>.mjs; bare imports resolve from the repo. */
export async function buildSdk(entry: string, name: string): Promise<string> {
  mkdirSync(BUILD_DIR, { recursive: true });
  const outfile = join(BUILD_DIR, `${name}.mjs`);
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    treeShaking: true,
    logLevel: 'error',
    define: { __SDK_VERSION__: JSON.stringify(packageVersion('.')) },
  });
  return outfile;
}
