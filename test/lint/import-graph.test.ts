// The layering lint (eslint/import-graph.js) on small fixture trees: a cycle through type-only imports
// and a cycle between folders are reported, a tree whose imports point one way is not, and a file in no
// layer is named. import-x/no-cycle skips type-only edges by design, so this rule is what catches them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a JavaScript module without declarations (lint tooling, not shipped)
import sdk, { layerAssigned } from '../../eslint/import-graph.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes `files` under a fresh root and lints them with the two rules; returns "file: message" lines. */
async function lint(files: Record<string, string>, layers: [string, string[]][] = []): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'sdk-lint-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: {
          sdk: {
            rules: {
              ...(sdk as { rules: Record<string, unknown> }).rules,
              'layer-assigned': (layerAssigned as (l: unknown) => unknown)(layers),
            },
          } as never,
        },
        rules: {
          'sdk/no-import-cycle': 'error',
          ...(layers.length > 0 ? { 'sdk/layer-assigned': 'error' } : {}),
        },
      },
    ],
  });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}: ${m.message}`));
}

describe('the import-graph lint', () => {
  it('reports a cycle made only of type imports, naming the path', async () => {
    const messages = await lint({
      'src/a.ts': "import type { B } from './b.js';\nexport type A = B | 1;\n",
      'src/b.ts': "import type { A } from './a.js';\nexport type B = A | 2;\n",
    });

    expect(messages).toContainEqual(
      expect.stringMatching(
        /^src\/a\.ts: Import cycle \(type-only imports count\): src\/a\.ts → src\/b\.ts → src\/a\.ts/,
      ),
    );
  });

  it('reports a cycle between folders even when no file imports itself back', async () => {
    const messages = await lint({
      'src/one/a.ts': "import { b } from '../two/b.js';\nexport const a = b;\n",
      'src/two/b.ts': 'export const b = 1;\n',
      'src/two/c.ts': "import { d } from '../one/d.js';\nexport const c = d;\n",
      'src/one/d.ts': 'export const d = 2;\n',
    });

    expect(messages.some((m) => /Folder cycle: src\/one\/ imports src\/two\//.test(m))).toBe(true);
  });

  it('accepts imports that point one way', async () => {
    const messages = await lint({
      'src/top/a.ts':
        "import type { B } from '../low/b.js';\nimport { c } from '../low/c.js';\nexport const a: B = c;\n",
      'src/low/b.ts': "import { c } from './c.js';\nexport type B = typeof c;\n",
      'src/low/c.ts': 'export const c = 1;\n',
    });

    expect(messages).toEqual([]);
  });

  it('names a file that belongs to no layer', async () => {
    const messages = await lint(
      { 'src/known/a.ts': 'export const a = 1;\n', 'src/stray/b.ts': 'export const b = 1;\n' },
      [['known', ['src/known']]],
    );

    expect(messages).toEqual([expect.stringMatching(/^src\/stray\/b\.ts: src\/stray\/b\.ts is in no layer/)]);
  });
});
