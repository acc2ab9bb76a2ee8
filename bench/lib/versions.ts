// Versions of everything the benchmarks compare, read from the installed packages.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function packageVersion(name: string): string {
  const path = name === '.' ? `${REPO_ROOT}package.json` : `${REPO_ROOT}node_modules/${name}/package.json`;
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export const COMPARED_PACKAGES = [
  'openapi-fetch',
  'cockatiel',
  'undici',
  'openai',
  'axios',
  'esbuild',
  'tsx',
] as const;

export interface Environment {
  node: string;
  nodeUndici: string;
  platform: string;
  cpus: string;
  cores: number;
  memory: string;
  sdk: string;
  packages: Record<string, string>;
  date: string;
}

export function environment(): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    nodeUndici: process.versions.undici ?? '?',
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    sdk: packageVersion('.'),
    packages: Object.fromEntries(COMPARED_PACKAGES.map((name) => [name, packageVersion(name)])),
    date: new Date().toISOString().slice(0, 10),
  };
}
