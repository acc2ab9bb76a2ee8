import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTimeoutOrAbort, wait } from '../../src/resilience/wait.js';

/** Tracks whether a promise settled, without letting a rejection go unhandled. */
function track(promise: Promise<void>): { settled: () => boolean } {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { settled: () => done };
}

describe('wait', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves after the given ms, not before', async () => {
    const p = wait(1000, undefined);
    const state = track(p);
    await vi.advanceTimersByTimeAsync(999);
    expect(state.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.settled()).toBe(true);
    await expect(p).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves after the given ms with a signal that never aborts, and stops listening to it', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const p = wait(250, controller.signal);
    await vi.advanceTimersByTimeAsync(250);
    await expect(p).resolves.toBeUndefined();
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    // A late abort must not reject an already settled wait or throw.
    controller.abort(new Error('too late'));
    await expect(p).resolves.toBeUndefined();
  });

  it('resolves at once, without a timer, for 0 or a negative wait', async () => {
    await expect(wait(0, undefined)).resolves.toBeUndefined();
    await expect(wait(-5, undefined)).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once with the signal’s reason when it aborts, and leaves no timer behind', async () => {
    const controller = new AbortController();
    const p = wait(60_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(p).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the default AbortError when the signal aborts without a reason', async () => {
    const controller = new AbortController();
    const p = wait(60_000, controller.signal);
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects immediately, without a timer, when the signal has already aborted', async () => {
    const reason = new Error('already gone');
    const p = wait(60_000, AbortSignal.abort(reason));
    expect(vi.getTimerCount()).toBe(0);
    await expect(p).rejects.toBe(reason);
  });

  it('rejects for an already-aborted signal even when there is nothing to wait for', async () => {
    const reason = new Error('already gone');
    await expect(wait(0, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});

describe('onTimeoutOrAbort with nothing left', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends on a microtask, with no timer, once — even under a fake clock nobody advances', async () => {
    for (const ms of [0, -1, -5_000]) {
      const onEnd = vi.fn();
      onTimeoutOrAbort(ms, undefined, onEnd);
      expect(onEnd).not.toHaveBeenCalled(); // never synchronously: the caller finishes its set-up first
      expect(vi.getTimerCount()).toBe(0);
      await Promise.resolve();
      expect(onEnd.mock.calls).toEqual([['timeout']]);
    }
  });

  it('does not end once cancelled, or once its signal aborted first', async () => {
    const cancelled = vi.fn();
    onTimeoutOrAbort(0, undefined, cancelled)();
    const ctl = new AbortController();
    const aborted = vi.fn();
    onTimeoutOrAbort(0, ctl.signal, aborted);
    ctl.abort();
    await Promise.resolve();
    expect(cancelled).not.toHaveBeenCalled();
    expect(aborted.mock.calls).toEqual([['abort']]);
  });
});
