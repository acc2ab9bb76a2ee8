// The README's code that claims to run does: its "Testing your code against a mock" example is
// examples/mock.test.ts verbatim, its "Using it with TanStack Query" example examples/tanstack-query.test.ts
// (both run in `npm test`), its React component is the one test/app drives in Chromium, and its sketch of
// an app's set-up is typechecked as it is (test/types/readme-tanstack.test-d.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** The first ```ts block after a heading. */
function firstTsBlock(markdown: string, heading: string): string {
  const at = markdown.indexOf(`\n## ${heading}\n`);
  expect(at, `README has a "## ${heading}" section`).toBeGreaterThan(-1);
  const block = /```ts\n([\s\S]*?)```/.exec(markdown.slice(at));
  expect(block, `"## ${heading}" has a ts code block`).not.toBeNull();
  return block![1]!;
}

describe('README', () => {
  it('shows examples/mock.test.ts, as it is, under "Testing your code against a mock"', () => {
    expect(firstTsBlock(read('README.md'), 'Testing your code against a mock')).toBe(
      read('examples/mock.test.ts'),
    );
  });

  it('shows examples/tanstack-query.test.ts, as it is, and a component of examples/react-app under "Using it with TanStack Query"', () => {
    const readme = read('README.md');
    expect(firstTsBlock(readme, 'Using it with TanStack Query')).toBe(
      read('examples/tanstack-query.test.ts'),
    );
    const section = readme.slice(readme.indexOf('\n## Using it with TanStack Query\n'));
    const components = [...section.matchAll(/```tsx\n([\s\S]*?)```/g)].map((m) => m[1]!);
    // The sketch of an app's set-up is typechecked as it is (test/types/readme-tanstack.test-d.ts).
    const sketch = read('test/types/readme-tanstack.test-d.ts');
    expect(sketch).toContain(`// README begin\n${components[0]!}// README end\n`);
    const fromApp = components.filter((block) => block.startsWith('function '));
    expect(fromApp).toHaveLength(1);
    expect(read('examples/react-app/src/App.tsx')).toContain(fromApp[0]);
  });
});
