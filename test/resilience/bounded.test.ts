// bounded(): a wait the client does not control, cut to the call's deadline and signal.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bounded } from '../../src/resilience/bounded.js';

const never = (): Promise<string> => new Promise<string>(() => undefined);
const timeout = (): Error => new Error('deadline');
const aborted = (): Error => new Error('aborted');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('bounded', () => {
  it('rejects at once, with no timer, when nothing is left of the deadline (a wait that started late)', async () => {
    for (const left of [0, -1, -5_000]) {
      await expect(bounded(never(), undefined, left, timeout, aborted)).rejects.toThrow('deadline');
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not leave the abandoned promise rejecting unhandled', async () => {
    vi.useRealTimers(); // a real I/O turn, for Node to report an unhandled rejection
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const late = Promise.reject(new Error('token source failed later'));
      await expect(bounded(late, undefined, 0, timeout, aborted)).rejects.toThrow('deadline');
      await new Promise<void>((r) => setImmediate(r));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('times out after what is left, or settles like the promise before that', async () => {
    const slow = bounded(never(), undefined, 1_000, timeout, aborted);
    const settled = vi.fn();
    slow.catch(settled);
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(slow).rejects.toThrow('deadline');
    await expect(bounded(Promise.resolve('t'), undefined, 1_000, timeout, aborted)).resolves.toBe('t');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the abort error when the signal aborts first, or was aborted already', async () => {
    const ctl = new AbortController();
    const call = bounded(never(), ctl.signal, 1_000, timeout, aborted);
    ctl.abort();
    await expect(call).rejects.toThrow('aborted');
    await expect(bounded(never(), ctl.signal, 1_000, timeout, aborted)).rejects.toThrow('aborted');
  });
});
