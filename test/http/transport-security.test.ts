import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerValueProblem } from '../../src/transport/header-values.js';
import { isLoopbackHost } from '../../src/transport/transport-security.js';

const host = (url: string): string => new URL(url).hostname;

describe('isLoopbackHost', () => {
  it.each([
    'http://localhost',
    'http://LOCALHOST.',
    'http://api.localhost',
    'http://127.0.0.1',
    'http://127.255.0.9',
    'http://[::1]',
    'http://0x7f.1',
    'http://2130706433',
  ])('treats %s as loopback', (url) => {
    expect(isLoopbackHost(host(url))).toBe(true);
  });

  it.each([
    'http://localhost.example.com',
    'http://128.0.0.1',
    'http://10.0.0.1',
    'http://[::2]',
    'http://[::ffff:8.8.8.8]',
    'http://api.example.com',
    'http://127.0.0.1.nip.io',
  ])('does not treat %s as loopback', (url) => {
    expect(isLoopbackHost(host(url))).toBe(false);
  });

  it('accepts exactly 127.0.0.0/8 among IPv4 addresses', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(isLoopbackHost(host(`http://${ip}`))).toBe(ip.startsWith('127.'));
      }),
    );
  });
});

describe('headerValueProblem', () => {
  it('accepts every Latin-1 string without control characters (tab allowed)', () => {
    const latin1 = fc.string({
      unit: fc
        .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(9))
        .map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(latin1, (value) => {
        expect(headerValueProblem(value)).toBeUndefined();
      }),
    );
  });

  it.each([
    ['a\u0000b', 'a NUL character'],
    ['a\r\nb', 'a line break'],
    ['a\u0007b', 'a control character'],
    ['a\u007fb', 'a control character'],
    ['caf\u00e9 \u2603', 'a character outside Latin-1 (above U+00FF)'],
  ])('names the problem with %j', (value, problem) => {
    expect(headerValueProblem(value)).toBe(problem);
  });
});
