// The README's code that claims to run does: its "Testing your code against a mock" example is
// examples/mock.test.ts verbatim, and that file runs in `npm test`.
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
});
