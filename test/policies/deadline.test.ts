import { describe, expect, it } from 'vitest';
import {
  DEADLINE_DEFAULTS,
  deadlinePolicy,
  remainingMs,
  resolveDeadline,
} from '../../src/policies/deadline.js';
import { fakeContext, ok } from './fake.js';

describe('deadline policy', () => {
  it('fixes the end of the call from its start before anything below runs', async () => {
    const ctx = fakeContext({ start: 1_000, deadlineMs: 5_000, deadlineAt: Number.POSITIVE_INFINITY });
    let seen = 0;

    await deadlinePolicy()(ctx, () => {
      seen = ctx.deadlineAt;
      return Promise.resolve(ok());
    });

    expect(seen).toBe(6_000);
    expect(remainingMs(ctx, 2_500)).toBe(3_500);
  });

  it('defaults to 120 s and refuses a deadline that is not a positive duration', () => {
    expect(resolveDeadline({})).toEqual({ deadlineMs: DEADLINE_DEFAULTS.deadlineMs });
    expect(DEADLINE_DEFAULTS.deadlineMs).toBe(120_000);
    expect(() => resolveDeadline({ deadlineMs: 0 })).toThrow(
      /deadlineMs must be a number of ms greater than 0/,
    );
  });
});
