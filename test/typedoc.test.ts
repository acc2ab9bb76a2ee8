// typedoc (`npm run docs`, warnings are errors) documents every entry point the package exports: the main
// entry and each code subpath (/testing, /tanstack-query, /sync), so no public subpath ships undocumented.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const json = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));

describe('typedoc', () => {
  it('has an entry point for every subpath of package.json exports that ships code', () => {
    const { exports } = json('package.json') as { exports: Record<string, unknown> };
    const { entryPoints } = json('typedoc.json') as { entryPoints: string[] };
    const sources = Object.keys(exports)
      .filter((subpath) => !/\.(ya?ml|json)$/.test(subpath))
      .map((subpath) => (subpath === '.' ? 'src/index.ts' : `src/${subpath.slice(2)}/index.ts`));
    expect(sources).toEqual(
      expect.arrayContaining(['src/index.ts', 'src/testing/index.ts', 'src/tanstack-query/index.ts']),
    );
    for (const source of sources) {
      expect(existsSync(new URL(`../${source}`, import.meta.url)), source).toBe(true);
      expect(entryPoints, source).toContain(source);
    }
  });
});
