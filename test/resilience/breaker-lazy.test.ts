// The consecutive breaker loads cockatiel at its first counted failure, not its first call, and counts
// the run itself until the chunk is there (src/resilience/breaker.ts). These tests hold the chunk back
// with an injected loader and check that nothing about the breaker changes: the same decisions, events
// and errors as cockatiel's own CircuitBreakerPolicy + ConsecutiveBreaker running every call (the
// oracle), wherever the chunk happens to arrive.
import { circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, BrokenCircuitError } from 'cockatiel';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CircuitOpenError,
  ConnectionError,
  RequestAbortedError,
  TimeoutError,
  UserManagementError,
} from '../../src/errors.js';
import { OriginBreaker, type HasResponse, type LoadCockatiel } from '../../src/resilience/breaker.js';
import * as cockatielParts from '../../src/resilience/cockatiel.js';
import type { CircuitStateChange } from '../../src/resilience/events.js';

const THRESHOLD = 3;
const HALF_OPEN_AFTER_MS = 1_000;
const SETTINGS = {
  failureThreshold: THRESHOLD,
  halfOpenAfterMs: HALF_OPEN_AFTER_MS,
  failureRate: undefined,
  samplingWindowMs: 10_000,
  minimumRps: 5,
};

type Kind = 'ok' | '4xx' | '5xx' | 'connection' | 'attempt-timeout' | 'deadline-timeout' | 'aborted';
const KINDS: readonly Kind[] = [
  'ok',
  '4xx',
  '5xx',
  'connection',
  'attempt-timeout',
  'deadline-timeout',
  'aborted',
];

function outcome(kind: Kind): { result?: HasResponse; error?: Error } {
  switch (kind) {
    case 'ok':
      return { result: { response: new Response(null, { status: 200 }) } };
    case '4xx':
      return { result: { response: new Response(null, { status: 404 }) } };
    case '5xx':
      return { result: { response: new Response(null, { status: 503 }) } };
    case 'connection':
      return { error: new ConnectionError('reset') };
    case 'attempt-timeout':
      return { error: new TimeoutError('slow', { kind: 'attempt', timeoutMs: 1 }) };
    case 'deadline-timeout':
      return { error: new TimeoutError('late', { kind: 'deadline', timeoutMs: 1 }) };
    case 'aborted':
      return { error: new RequestAbortedError('aborted') };
  }
}

/** cockatiel alone, as the breaker used it before: every call through its policy from the first. */
function oracle() {
  const changes: string[] = [];
  const names = ['closed', 'open', 'half-open', 'open'];
  const counted = (err: unknown) =>
    err instanceof TimeoutError ? err.kind === 'attempt' : err instanceof ConnectionError;
  const policy = circuitBreaker(
    handleWhen(counted).orWhenResult((r) => (r as HasResponse).response.status >= 500),
    { halfOpenAfter: HALF_OPEN_AFTER_MS, breaker: new ConsecutiveBreaker(THRESHOLD) },
  );
  let state = 'closed';
  policy.onStateChange((s) => {
    const to = names[s]!;
    if (to !== state) changes.push(`${state}→${to}`);
    state = to;
  });
  return {
    changes,
    isOpen: () => policy.state === CircuitState.Open || policy.state === CircuitState.Isolated,
    execute: (fn: () => Promise<HasResponse>) =>
      policy.execute(fn).catch((err: unknown) => {
        throw err instanceof BrokenCircuitError ? new CircuitOpenError('open', 0) : err;
      }),
  };
}

/** The breaker under test, with cockatiel's chunk held back until `arrive()`. */
function lazy() {
  const changes: string[] = [];
  let release: () => void = () => undefined;
  let asked = 0;
  let arrived = false;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const load: LoadCockatiel = () => {
    asked++;
    return gate.then(() => cockatielParts);
  };
  const breaker = new OriginBreaker(
    'https://api.test',
    SETTINGS,
    (c: CircuitStateChange) => changes.push(`${c.from}→${c.to}`),
    () => Date.now(),
    load,
  );
  return {
    breaker,
    changes,
    asked: () => asked,
    arrived: () => arrived,
    arrive: () => {
      arrived = true;
      release();
    },
  };
}

/** Lets promise chains and a resolved import settle (real macrotask; only Date is faked here). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

type Settled = { status: 'pending' } | { status: 'ok'; value: number } | { status: 'error'; name: string };

function track(p: Promise<HasResponse>): { read: () => Settled } {
  let s: Settled = { status: 'pending' };
  p.then(
    (r) => (s = { status: 'ok', value: r.response.status }),
    (e: unknown) => (s = { status: 'error', name: e instanceof Error ? e.name : String(e) }),
  );
  return { read: () => s };
}

/** A call whose attempt the test settles later; `sent` says whether the breaker let it through. */
function pendingCall(run: (fn: () => Promise<HasResponse>) => Promise<HasResponse>) {
  let finish: (kind: Kind) => void = () => undefined;
  let sent = false;
  const fn = () => {
    sent = true;
    return new Promise<HasResponse>((resolve, reject) => {
      finish = (kind) => {
        const o = outcome(kind);
        if (o.error) reject(o.error);
        else resolve(o.result!);
      };
    });
  };
  const tracked = track(run(fn));
  return { sent: () => sent, finish: (kind: Kind) => finish(kind), read: tracked.read };
}

type Step =
  | { op: 'start'; kind?: Kind }
  | { op: 'finish'; which: number; kind: Kind }
  | { op: 'advance'; ms: number }
  | { op: 'arrive' };

// Failures weigh more, so that runs reach the threshold, the open state and half-open trials often.
const kindArb = fc.constantFrom<Kind>(...KINDS, '5xx', '5xx', 'connection', 'attempt-timeout');

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  // A call settled at once (`kind`), or left out until a `finish`.
  { weight: 6, arbitrary: fc.record({ op: fc.constant('start' as const), kind: kindArb }) },
  { weight: 2, arbitrary: fc.constant<Step>({ op: 'start' }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('finish' as const), which: fc.nat(3), kind: kindArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      ms: fc.constantFrom(1, 400, 1_000, 1_000, 2_500),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Step>({ op: 'arrive' }) },
);

describe('the consecutive breaker before and after cockatiel arrives', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for cockatiel at the first counted failure, never while calls succeed or fail uncounted', async () => {
    const sut = lazy();
    for (const kind of ['ok', '4xx', 'aborted', 'deadline-timeout', 'ok'] as const) {
      const call = pendingCall((fn) => sut.breaker.execute(fn));
      call.finish(kind);
      await settle();
      expect(call.read().status).not.toBe('pending');
    }
    expect(sut.asked()).toBe(0);

    const failing = pendingCall((fn) => sut.breaker.execute(fn));
    failing.finish('5xx');
    await settle();
    expect(failing.read()).toEqual({ status: 'ok', value: 503 });
    expect(sut.asked()).toBe(1);
  });

  it('opens at the threshold with the chunk still on its way, and fails fast without sending', async () => {
    const sut = lazy();
    for (let i = 0; i < THRESHOLD; i++) {
      const call = pendingCall((fn) => sut.breaker.execute(fn));
      call.finish('connection');
      await settle();
      expect(call.read()).toEqual({ status: 'error', name: 'ConnectionError' });
    }
    expect(sut.arrived()).toBe(false);
    expect(sut.breaker.isOpen()).toBe(true);
    expect(sut.changes).toEqual(['closed→open']);
    vi.advanceTimersByTime(400);

    const err = await sut.breaker
      .execute(() => Promise.reject(new Error('must not be sent')))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as CircuitOpenError).retryAfterMs).toBe(600);
  });

  it('runs the half-open trial once the chunk is there, and closes on its success', async () => {
    const sut = lazy();
    for (let i = 0; i < THRESHOLD; i++)
      await sut.breaker.execute(() => Promise.resolve({ response: new Response(null, { status: 500 }) }));
    vi.advanceTimersByTime(HALF_OPEN_AFTER_MS);

    const trial = pendingCall((fn) => sut.breaker.execute(fn));
    await settle();
    expect(trial.sent()).toBe(false); // waits for cockatiel, asked for at the first failure
    sut.arrive();
    await settle();
    expect(trial.sent()).toBe(true);
    trial.finish('ok');
    await settle();

    expect(trial.read()).toEqual({ status: 'ok', value: 200 });
    expect(sut.changes).toEqual(['closed→open', 'open→half-open', 'half-open→closed']);
    expect(sut.breaker.isOpen()).toBe(false);
  });

  it('reports a chunk that does not arrive as a UserManagementError at the trial, and keeps counting meanwhile', async () => {
    let asked = 0;
    const breaker = new OriginBreaker(
      'https://api.test',
      SETTINGS,
      () => undefined,
      Date.now,
      () => {
        asked++;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      },
    );
    for (let i = 0; i < THRESHOLD; i++)
      await breaker.execute(() => Promise.resolve({ response: new Response(null, { status: 502 }) }));
    expect(breaker.isOpen()).toBe(true);
    vi.advanceTimersByTime(HALF_OPEN_AFTER_MS);

    const err = await breaker
      .execute(() => Promise.reject(new Error('must not be sent')))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserManagementError);
    expect((err as Error).message).toMatch(/^Could not load the SDK's circuit breaker code: Failed to fetch/);
    expect(asked).toBeGreaterThanOrEqual(2); // each failure asked again after a failed load
  });

  it('counts a call sent before the chunk arrived that fails after it, as cockatiel would have', async () => {
    const sut = lazy();
    const ref = oracle();
    const a = [pendingCall((fn) => sut.breaker.execute(fn)), pendingCall((fn) => sut.breaker.execute(fn))];
    const b = [pendingCall((fn) => ref.execute(fn)), pendingCall((fn) => ref.execute(fn))];
    for (let i = 0; i < THRESHOLD - 1; i++) {
      const s = pendingCall((fn) => sut.breaker.execute(fn));
      const o = pendingCall((fn) => ref.execute(fn));
      s.finish('5xx');
      o.finish('5xx');
      await settle();
    }
    sut.arrive();
    await settle();
    a[0]!.finish('connection');
    b[0]!.finish('connection');
    await settle();

    expect(sut.breaker.isOpen()).toBe(true);
    expect(sut.changes).toEqual(ref.changes);
    a[1]!.finish('ok');
    b[1]!.finish('ok');
    await settle();
    expect(a[1]!.read()).toEqual(b[1]!.read());
    expect(sut.breaker.isOpen()).toBe(ref.isOpen());
  });

  it('makes the same decisions as cockatiel alone for any interleaving of calls, outcomes, time and chunk arrival', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 60 }), async (steps) => {
        vi.setSystemTime(1_000_000);
        const sut = lazy();
        const ref = oracle();
        // `early`: sent before the chunk arrived (see the one limit in breaker.ts).
        const calls: {
          s: ReturnType<typeof pendingCall>;
          o: ReturnType<typeof pendingCall>;
          early: boolean;
        }[] = [];
        for (const step of steps) {
          if (step.op === 'advance') vi.advanceTimersByTime(step.ms);
          else if (step.op === 'arrive') sut.arrive();
          else if (step.op === 'start') {
            const s = pendingCall((fn) => sut.breaker.execute(fn));
            const o = pendingCall((fn) => ref.execute(fn));
            await settle();
            // A half-open trial waits for the chunk (nothing else does): let it arrive, as it will.
            if (o.sent() && !s.sent() && !sut.arrived()) {
              sut.arrive();
              await settle();
            }
            calls.push({ s, o, early: s.sent() && !sut.arrived() });
            if (step.kind && s.sent()) {
              s.finish(step.kind);
              o.finish(step.kind);
              await settle();
            }
          } else {
            const open = calls.filter((c) => c.s.sent() && c.s.read().status === 'pending');
            const call = open[step.which % Math.max(1, open.length)];
            if (!call) continue;
            // The one documented difference: a failure from before the chunk that lands during a
            // half-open trial does not reopen the circuit. Skip such schedules.
            if (call.early && ref.changes.at(-1) === 'open→half-open') return;
            call.s.finish(step.kind);
            call.o.finish(step.kind);
            await settle();
          }
          await settle();
          expect(sut.breaker.isOpen()).toBe(ref.isOpen());
          expect(sut.changes).toEqual(ref.changes);
          for (const c of calls) {
            expect(c.s.sent()).toBe(c.o.sent());
            expect(c.s.read()).toEqual(c.o.read());
          }
        }
        // Settle what is still out, the same way on both sides.
        for (const c of calls.filter((x) => x.s.sent() && x.s.read().status === 'pending')) {
          c.s.finish('ok');
          c.o.finish('ok');
        }
        await settle();
      }),
      { numRuns: 500 },
    );
  });
});
