// The client's shared clock for attempt timeouts: one timer for every pending timeout, fired on time,
// never keeping the process alive, gone once nothing is pending.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTimeoutClock } from '../../src/resilience/timeout-clock.js';
import { fakeApi } from '../support/fake-api.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('timeout clock', () => {
  it('fires a timeout after its ms, not before, and a cancelled one never', () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createTimeoutClock();
    const fired: string[] = [];
    clock.watch(1_000, () => fired.push('a'));
    const b = clock.watch(1_000, () => fired.push('b'));
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    clock.cancel(b);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual(['a']);
  });

  it('keeps one timer for many pending timeouts, and none once they are over', () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createTimeoutClock();
    const entries = Array.from({ length: 100 }, () => clock.watch(30_000, () => undefined));
    expect(vi.getTimerCount()).toBe(1);
    for (const e of entries) clock.cancel(e);
    // The timer is not cleared per cancel (that is the saving); it stops at its next firing.
    vi.advanceTimersByTime(30_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-arms for a timeout earlier than the one it waits for', () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createTimeoutClock();
    const fired: number[] = [];
    clock.watch(30_000, () => fired.push(30_000));
    clock.watch(100, () => fired.push(100));
    vi.advanceTimersByTime(100);
    expect(fired).toEqual([100]);
    vi.advanceTimersByTime(29_900);
    expect(fired).toEqual([100, 30_000]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fires with fake setTimeout even when Date is real', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = createTimeoutClock();
    let fired = false;
    clock.watch(60_000, () => (fired = true));
    vi.advanceTimersByTime(60_000);
    expect(fired).toBe(true);
  });

  it('follows a swap from fake to real timers (a timer armed on the fake clock is not waited for)', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createTimeoutClock();
    clock.watch(30_000, () => undefined);
    vi.useRealTimers();
    const fired = new Promise<string>((resolve) => clock.watch(5, () => resolve('fired')));
    await expect(fired).resolves.toBe('fired');
  });

  it('never keeps the process alive: its timer is unref’d', () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const clock = createTimeoutClock();
    const entry = clock.watch(60_000, () => undefined);
    expect(timers()).toBe(before);
    clock.cancel(entry);
  });

  it('fires exactly the timeouts a per-timeout timer would, at the same times (property)', () => {
    type Op =
      { kind: 'watch'; ms: number } | { kind: 'cancel'; pick: number } | { kind: 'advance'; ms: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('watch' as const), ms: fc.integer({ min: 1, max: 2_000 }) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 700 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        vi.useFakeTimers({ now: 0 });
        try {
          const clock = createTimeoutClock();
          const fired: [number, number][] = [];
          const expected: [number, number][] = [];
          const model: { id: number; at: number; cancelled: boolean }[] = [];
          const entries: ReturnType<typeof clock.watch>[] = [];
          let t = 0;
          const due = (until: number): void => {
            for (const m of model
              .filter((x) => !x.cancelled && x.at > t && x.at <= until)
              .sort((a, b) => a.at - b.at || a.id - b.id))
              expected.push([m.id, m.at]);
          };
          for (const o of ops) {
            if (o.kind === 'watch') {
              const id = model.length;
              model.push({ id, at: t + o.ms, cancelled: false });
              entries.push(clock.watch(o.ms, () => fired.push([id, Date.now()])));
            } else if (o.kind === 'cancel' && model.length > 0) {
              const i = o.pick % model.length;
              if (model[i]!.at > t) model[i]!.cancelled = true;
              clock.cancel(entries[i]!);
            } else if (o.kind === 'advance') {
              due(t + o.ms);
              vi.advanceTimersByTime(o.ms);
              t += o.ms;
            }
          }
          due(Number.POSITIVE_INFINITY);
          vi.runAllTimers();
          expect(fired.map(([id]) => id).sort()).toEqual(expected.map(([id]) => id).sort());
          for (const [id, at] of fired) expect(at).toBe(model[id]!.at);
          expect(vi.getTimerCount()).toBe(0);
        } finally {
          vi.useRealTimers();
        }
      }),
    );
  });
});

describe('attempt timeouts through the client', () => {
  it('leaves no timer behind: one shared timer while calls run, none once their timeouts are past', async () => {
    vi.useFakeTimers({ now: 0 });
    const { client } = fakeApi(() => Response.json({ id: 1, name: 'Ada', email: 'ada@example.com' }), {
      timeoutMs: 5_000,
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.users.get(i + 1)));
    for (let i = 0; i < 20; i++) await client.users.get(1);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still times out a call whose fetch never answers, at timeoutMs, and aborts the fetch', async () => {
    vi.useFakeTimers({ now: 0 });
    let aborted: unknown;
    const { client } = fakeApi(
      (req) =>
        new Promise<Response>((_, reject) => {
          req.signal.addEventListener('abort', () => {
            aborted = Date.now();
            reject(req.signal.reason as Error);
          });
        }),
      { timeoutMs: 2_000 },
    );
    const call = client.users.get(1).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(aborted).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await call).toMatchObject({ name: 'TimeoutError', kind: 'attempt', timeoutMs: 2_000 });
    expect(aborted).toBe(2_000);
  });
});
