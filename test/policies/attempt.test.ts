import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError } from '../../src/errors.js';
import { attemptPolicy, resolveAttempt } from '../../src/policies/attempt.js';
import type { Send } from '../../src/transport/attempt.js';
import { fakeContext } from './fake.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A send that never answers until its signal aborts. */
const hang: Send = ({ signal }) =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));

describe('attempt policy', () => {
  it('sends the headers of the attempt and parses the JSON body', async () => {
    let sentHeaders: Record<string, string> | undefined;
    const send: Send = ({ headers }) => {
      sentHeaders = headers;
      return Promise.resolve({ data: '{"id":1}', response: new Response(null, { status: 200 }) });
    };
    const ctx = fakeContext({ send, deadlineAt: 120_000, headers: { 'X-A': '1' } });

    await expect(attemptPolicy(() => Date.now())(ctx)).resolves.toMatchObject({ data: { id: 1 } });
    expect(sentHeaders).toEqual({ 'X-A': '1' });
  });

  it('times out after timeoutMs as an attempt timeout', async () => {
    const ctx = fakeContext({ send: hang, timeoutMs: 1_000, deadlineAt: 120_000 });
    const p = attemptPolicy(() => Date.now())(ctx).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const err = (await p) as TimeoutError;

    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.kind).toBe('attempt');
  });

  it('cuts its timer to what is left of the deadline, and says the deadline fired', async () => {
    const ctx = fakeContext({ send: hang, timeoutMs: 30_000, deadlineAt: 400 });
    const p = attemptPolicy(() => Date.now())(ctx).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(400);
    const err = (await p) as TimeoutError;

    expect(err.kind).toBe('deadline');
    expect(err.timeoutMs).toBe(400);
  });

  it('defaults timeoutMs to 30 s', () => {
    expect(resolveAttempt({})).toEqual({ timeoutMs: 30_000 });
    expect(() => resolveAttempt({ timeoutMs: 2 ** 31 })).toThrow(/at most 2\^31−1/);
  });
});
