import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { checkBoolean, checkNestedOptions, checkOptionsObject } from '../../src/options/check-shape.js';
import { checkOneOf, describeValue } from '../../src/validation.js';

describe('one vocabulary for bad values', () => {
  it('checkOneOf returns an allowed value or the fallback, and names what is allowed otherwise', () => {
    const modes = ['a', 'b'] as const;
    expect(checkOneOf('mode', 'b', modes, 'a')).toBe('b');
    expect(checkOneOf('mode', undefined, modes, 'a')).toBe('a');
    expect(() => checkOneOf('mode', 'c'.repeat(30), modes, 'a')).toThrow(
      new ConfigError(`mode must be one of 'a', 'b'; got "${'c'.repeat(20)}".`),
    );
    expect(() => checkOneOf('mode', 3, modes, 'a', "'a' or 'b'")).toThrow(
      new ConfigError("mode must be 'a' or 'b'; got number."),
    );
  });

  it('the shape checks name a bad value as describeValue does', () => {
    for (const value of [null, [], 7, 'off'])
      expect(() => checkNestedOptions('backoff', value, ['baseMs'], true, ConfigError)).toThrow(
        `got ${describeValue(value, true)}.`,
      );
    expect(() => checkOptionsObject(null, 'opts', [], ConfigError)).toThrow('got null.');
    expect(() => checkOptionsObject('secret', 'opts', [], ConfigError)).toThrow('got string.');
    expect(() => checkBoolean('flag', 'false', ConfigError)).toThrow('got the string "false".');
  });
});
