// What the benchmarks measure: the package as a consumer installs it. `npm run build`, then `npm pack`,
// then the tarball unpacked into bench/.build/node_modules/user-management-sdk — so the parts import
// `dist/` through the package's own `exports`, and its dependencies resolve from the repo's
// node_modules (one level up), as they would from an application's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './versions.js';

export const BUILD_DIR = join(REPO_ROOT, 'bench/.build');
/** Where the packed package is unpacked; `import('user-management-sdk')` from bench/.build finds it. */
export const PACKED_ROOT = join(BUILD_DIR, 'node_modules/user-management-sdk');

/** Builds (unless `skipBuild`), packs and unpacks the package; returns its Node ESM entry. */
export function packSdk(skipBuild: boolean): string {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!skipBuild)
    execFileSync(npm, ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(BUILD_DIR, { recursive: true, force: true });
  mkdirSync(PACKED_ROOT, { recursive: true });
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', BUILD_DIR], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  execFileSync('tar', ['-xzf', join(BUILD_DIR, filename), '-C', PACKED_ROOT, '--strip-components=1']);
  return join(PACKED_ROOT, 'dist/index.js');
}
