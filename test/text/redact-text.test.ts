import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/text/excerpt.js';
import { redactText } from '../../src/text/redact-text.js';

const isSecret = (name: string): boolean => /token|secret|password|api_?key/i.test(name);
const redact = (text: string): string => redactText(text, isSecret);

describe('redactText', () => {
  it.each([
    ['https://user:pw@api.example.com/x', 'https://api.example.com/x'],
    ['GET /users?page=2&token=abc&x=1 failed', 'GET /users?page=2&token=[REDACTED]&x=1 failed'],
    ['see ?api_key=k1#frag and &password=p w', 'see ?api_key=[REDACTED]#frag and &password=[REDACTED] w'],
    ['?%74oken=abc', '?%74oken=[REDACTED]'],
    ['?next=https://u:p@evil.test/?token=t', '?next=https://evil.test/?token=[REDACTED]'],
    ['no query here', 'no query here'],
    ['a == b, c @ d', 'a == b, c @ d'],
  ])('redacts %j as %j', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('returns text without "@" or "=" unchanged (the same string)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('@') && !s.includes('=')),
        (s) => {
          expect(redact(s)).toBe(s);
        },
      ),
    );
  });

  it('never lets the value of a secret parameter through, whatever surrounds it', () => {
    const noise = fc.string({ unit: fc.constantFrom('?', '&', '=', '/', '@', '#', ' ', 'a', 'token') });
    fc.assert(
      fc.property(noise, fc.constantFrom('?', '&'), noise, (before, sep, after) => {
        const text = `${before}${sep}token=SECRETVALUE${after.startsWith('&') || after.startsWith(' ') ? after : ` ${after}`}`;
        expect(redact(text)).not.toContain('SECRETVALUE');
      }),
      { numRuns: 500 },
    );
  });

  it('never lets userinfo through', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-z0-9:._-]{1,12}$/), (before, userinfo) => {
        const out = redact(`${before} https://${userinfo}@host.test/path`);
        expect(out).toContain('https://host.test/path');
        expect(out).not.toContain(`//${userinfo}@`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('excerpt', () => {
  it('is one line of at most max characters (plus an ellipsis), whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (text, max) => {
          const out = excerpt(text, max);
          expect(out.length).toBeLessThanOrEqual(max + 1);
          expect(out).not.toMatch(/[\n\r\u2028\u2029]/);
        },
      ),
    );
  });

  it('keeps short text as it is, with runs of whitespace as one space', () => {
    expect(excerpt('  a \n\t b  ')).toBe('a b');
    expect(excerpt('abcdef', 3)).toBe('abc…');
  });
});
