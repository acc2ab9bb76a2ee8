import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/resilience/retry-after.js';

/** A fixed "now": Wed, 01 Jan 2025 00:00:00 GMT. */
const NOW = Date.UTC(2025, 0, 1, 0, 0, 0);

/** A header getter over a plain object, as the client builds from a Response (names lower-cased). */
function headers(values: Readonly<Record<string, string>>): (name: string) => string | undefined {
  return (name) => values[name];
}

const retryAfter = (value: string): number | undefined =>
  parseRetryAfter(headers({ 'retry-after': value }), NOW);

describe('parseRetryAfter', () => {
  it('returns undefined when the server sent neither header', () => {
    expect(parseRetryAfter(headers({}), NOW)).toBeUndefined();
    expect(parseRetryAfter(() => null, NOW)).toBeUndefined();
  });

  describe('retry-after-ms', () => {
    it('reads whole milliseconds', () => {
      expect(parseRetryAfter(headers({ 'retry-after-ms': '1500' }), NOW)).toBe(1500);
      expect(parseRetryAfter(headers({ 'retry-after-ms': '0' }), NOW)).toBe(0);
    });

    it('rounds fractional milliseconds up, so the client never comes back early', () => {
      expect(parseRetryAfter(headers({ 'retry-after-ms': '1.2' }), NOW)).toBe(2);
      expect(parseRetryAfter(headers({ 'retry-after-ms': '0.001' }), NOW)).toBe(1);
      expect(parseRetryAfter(headers({ 'retry-after-ms': '250.0' }), NOW)).toBe(250);
    });

    it('tolerates surrounding whitespace', () => {
      expect(parseRetryAfter(headers({ 'retry-after-ms': ' 42 ' }), NOW)).toBe(42);
    });

    it('wins over Retry-After when both are present', () => {
      expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '30' }), NOW)).toBe(250);
      expect(
        parseRetryAfter(
          headers({ 'retry-after-ms': '250', 'retry-after': 'Wed, 01 Jan 2025 00:01:00 GMT' }),
          NOW,
        ),
      ).toBe(250);
    });

    it.each(['', 'soon', '-5', '1e3', '.5', '5.', '0x10', 'NaN'])(
      'falls back to Retry-After when retry-after-ms is unreadable (%j)',
      (bad) => {
        expect(parseRetryAfter(headers({ 'retry-after-ms': bad, 'retry-after': '3' }), NOW)).toBe(3000);
        expect(parseRetryAfter(headers({ 'retry-after-ms': bad }), NOW)).toBeUndefined();
      },
    );
  });

  describe('Retry-After as delay-seconds (RFC 9110 §10.2.3)', () => {
    it('converts seconds to milliseconds', () => {
      expect(retryAfter('0')).toBe(0);
      expect(retryAfter('1')).toBe(1000);
      expect(retryAfter('120')).toBe(120_000);
    });

    it('tolerates surrounding whitespace', () => {
      expect(retryAfter('  7\t')).toBe(7000);
    });

    it('converts any non-negative whole number of seconds s to s × 1000 ms', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (s) => {
          expect(retryAfter(`${s}`)).toBe(s * 1000);
        }),
      );
    });
  });

  describe('Retry-After as an HTTP-date, relative to the injected now', () => {
    it('reads the IMF-fixdate form', () => {
      expect(retryAfter('Wed, 01 Jan 2025 00:00:30 GMT')).toBe(30_000);
      expect(retryAfter('Wed, 01 Jan 2025 01:00:00 GMT')).toBe(3_600_000);
    });

    it('reads the obsolete RFC 850 form', () => {
      expect(retryAfter('Wednesday, 01-Jan-25 00:00:45 GMT')).toBe(45_000);
    });

    it('recognises the obsolete asctime form as a date', () => {
      // A date long past, so the answer does not depend on how the zone-less form is placed in time.
      expect(retryAfter('Sun Nov  6 08:49:37 1994')).toBe(0);
    });

    it('measures from the injected now, not the wall clock', () => {
      const at = 'Wed, 01 Jan 2025 00:00:30 GMT';
      expect(parseRetryAfter(headers({ 'retry-after': at }), NOW + 10_000)).toBe(20_000);
    });

    it('returns 0 for a date in the past: come back now', () => {
      expect(retryAfter('Tue, 31 Dec 2024 23:59:00 GMT')).toBe(0);
      expect(retryAfter('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(0);
    });

    it('returns 0 for a date equal to now', () => {
      expect(retryAfter('Wed, 01 Jan 2025 00:00:00 GMT')).toBe(0);
    });

    it('returns d − now for any date d at or after now, written as toUTCString() does', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10 * 365 * 24 * 3600 }),
          fc.integer({ min: 0, max: 999 }),
          (s, earlierMs) => {
            // HTTP-dates carry whole seconds: d is one, and now is anywhere in the second before it or d itself.
            const d = NOW + s * 1000;
            const now = NOW - earlierMs;
            expect(parseRetryAfter(headers({ 'retry-after': new Date(d).toUTCString() }), now)).toBe(d - now);
          },
        ),
      );
    });
  });

  describe('unreadable values', () => {
    it.each([
      '',
      '   ',
      'soon',
      'later please',
      '-5',
      '-0',
      '+5',
      '1.5',
      '1e3',
      '0x10',
      'Infinity',
      'NaN',
      '5 s',
      '12:00',
    ])('returns undefined for %j', (value) => {
      expect(retryAfter(value)).toBeUndefined();
    });

    it('never throws and never returns a negative number or NaN, whatever the headers say', () => {
      fc.assert(
        fc.property(
          fc.option(fc.string()),
          fc.option(fc.string()),
          fc.integer({ min: 0, max: 4_102_444_800_000 }),
          (ms, ra, now) => {
            const got = parseRetryAfter(
              (name) => (name === 'retry-after-ms' ? ms : name === 'retry-after' ? ra : null),
              now,
            );
            if (got !== undefined) {
              expect(Number.isNaN(got)).toBe(false);
              expect(got).toBeGreaterThanOrEqual(0);
            }
          },
        ),
      );
    });

    it('never throws on strings shaped like the valid forms', () => {
      const shaped = fc.oneof(
        fc.stringMatching(/^\s*\d{1,6}(\.\d{0,3})?\s*$/),
        fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
        fc.date({ noInvalidDate: true }).map((d) => d.toString()),
        fc.string({ unit: fc.constantFrom(...'0123456789 ,:-.GMTWedJanSun'.split('')) }),
      );
      fc.assert(
        fc.property(shaped, shaped, (ms, ra) => {
          const got = parseRetryAfter(headers({ 'retry-after-ms': ms, 'retry-after': ra }), NOW);
          expect(got === undefined || got >= 0).toBe(true);
        }),
      );
    });
  });
});
