import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { checkOptionsObject, nearest } from '../../src/options/check-shape.js';
import { CLIENT_OPTION_KEYS } from '../../src/config.js';

describe('nearest', () => {
  it.each([
    ['timeoutMS', 'timeoutMs'],
    ['timeout', 'timeoutMs'],
    ['apikey', 'apiKey'],
    ['maxRetry', 'maxRetries'],
    ['redirect', 'redirects'],
    ['allowInsecureHTTP', 'allowInsecureHttp'],
    ['circuitbreaker', 'circuitBreaker'],
  ])('suggests %s → %s', (typo, option) => {
    expect(nearest(typo, CLIENT_OPTION_KEYS)).toBe(option);
  });

  it('suggests nothing for a name far from every option, however long', () => {
    expect(nearest('banana', CLIENT_OPTION_KEYS)).toBeUndefined();
    expect(nearest('x'.repeat(100_000), CLIENT_OPTION_KEYS)).toBeUndefined();
  });
});

describe('checkOptionsObject', () => {
  it('lists the known options when nothing is near', () => {
    expect(() => checkOptionsObject({ banana: 1 }, 'opts', ['a', 'b'], ConfigError)).toThrow(
      /opts has an unknown option "banana"; known options: a, b\./,
    );
  });

  it('cuts a long unknown key in the message', () => {
    expect(() => checkOptionsObject({ ['k'.repeat(500)]: 1 }, 'opts', ['a'], ConfigError)).toThrow(
      /"k{40}…"/,
    );
  });
});
