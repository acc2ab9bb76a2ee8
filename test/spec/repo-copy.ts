// A throwaway copy of the repo for running `codegen/spec-update.ts` end to end: the files the workflow
// reads and writes, node_modules symlinked. The real spec/, src/generated/ and .changeset/ are never touched.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const ALWAYS = [
  'spec',
  'src/generated',
  'codegen',
  'scripts',
  'etc',
  '.spectral.yaml',
  '.prettierrc.json',
  '.changeset',
  'package.json',
  'tsconfig.json',
  'vitest.config.ts',
];
// What the typecheck and the contract tests need on top.
const SOURCES = [
  'src',
  'test/contract',
  'test/support',
  'tsup.config.ts',
  'api-extractor.json',
  'api-extractor.testing.json',
  'api-extractor.tanstack-query.json',
  'api-extractor.sync.json',
  'tsdoc.json',
];
const WATCHED = ['spec', 'src/generated', '.changeset'];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RepoCopy {
  readonly dir: string;
  /** Runs `tsx codegen/spec-update.ts ...args` in the copy. */
  specUpdate(...args: string[]): Promise<RunResult>;
  /** Every file under spec/, src/generated/ and .changeset/: relative path → content. */
  snapshot(): Promise<Record<string, string>>;
  /** The changeset files written since `before` was taken. */
  newChangesets(before: Record<string, string>): Promise<string[]>;
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

export async function copyRepo({ withSources = false }: { withSources?: boolean } = {}): Promise<RepoCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'um-spec-update-test-'));
  for (const entry of [...ALWAYS, ...(withSources ? SOURCES : [])]) {
    await cp(join(repoRoot, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');

  const snapshot = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const top of WATCHED) {
      for (const name of await readdir(join(dir, top), { recursive: true, withFileTypes: true })) {
        if (!name.isFile()) continue;
        const path = join(name.parentPath, name.name);
        out[relative(dir, path)] = await readFile(path, 'utf8');
      }
    }
    return out;
  };

  return {
    dir,
    specUpdate: (...args) => {
      // Not run through npm: no INIT_CWD, so paths resolve from the copy; and not as part of this vitest run.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(
          ([k]) => !k.startsWith('VITEST') && k !== 'INIT_CWD' && k !== 'npm_lifecycle_event',
        ),
      );
      return new Promise((resolve) => {
        execFile(
          process.execPath,
          [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(dir, 'codegen/spec-update.ts'), ...args],
          { cwd: dir, env: { ...env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      });
    },
    snapshot,
    newChangesets: async (before) =>
      Object.keys(await snapshot())
        .filter((p) => p.startsWith('.changeset/') && p.endsWith('.md') && !(p in before))
        .sort(),
    read: (path) => readFile(join(dir, path), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A fixture's absolute path. */
export const fixture = (name: string): string => join(repoRoot, 'spec/fixtures', name);
