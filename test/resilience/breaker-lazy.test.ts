// The consecutive-failure breaker loads cockatiel only when it must count a failure: an application whose
// calls succeed never downloads it, and the first failure is counted exactly as if it had run through it.
import { describe, expect, it, vi } from 'vitest';
import { CircuitOpenError, ConnectionError } from '../../src/errors.js';
import { resolveBreaker } from '../../src/policies/breaker.js';
import { OriginBreaker } from '../../src/resilience/breaker.js';
import type { CircuitStateChange } from '../../src/resilience/events.js';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/resilience/cockatiel.js', async (importOriginal) => {
  loads.count++;
  return importOriginal();
});

function breaker(failureThreshold: number, changes: CircuitStateChange[] = [], failureRate?: number) {
  const settings = resolveBreaker({
    circuitBreaker: { failureThreshold, halfOpenAfterMs: 1_000, ...(failureRate ? { failureRate } : {}) },
  });
  if (!settings.circuitBreaker) throw new Error('unreachable');
  return new OriginBreaker('https://api.test', settings.circuitBreaker, (c) => changes.push(c));
}

const answer = (status: number) => () => Promise.resolve({ response: new Response(null, { status }) });

describe('the breaker before its first failure', () => {
  it('runs successful attempts without loading cockatiel, then counts the first failure in it', async () => {
    const changes: CircuitStateChange[] = [];
    const b = breaker(1, changes);
    for (let i = 0; i < 3; i++) expect((await b.execute(answer(200))).response.status).toBe(200);
    expect(await b.execute(answer(404)).then((r) => r.response.status)).toBe(404);
    expect(loads.count).toBe(0);

    // failureThreshold 1: the first failure opens the circuit, and the caller still gets its own error.
    const err = await b.execute(() => Promise.reject(new ConnectionError('reset'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(loads.count).toBe(1);
    expect(b.isOpen()).toBe(true);
    expect(changes).toEqual([{ origin: 'https://api.test', from: 'closed', to: 'open' }]);
    await expect(b.execute(answer(200))).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('counts a first 5xx, and lets a later success reset the run as before', async () => {
    const b = breaker(2);
    expect((await b.execute(answer(503))).response.status).toBe(503);
    await b.execute(answer(200));
    await b.execute(answer(503));
    expect(b.isOpen()).toBe(false);
    await b.execute(answer(503));
    expect(b.isOpen()).toBe(true);
  });

  it('resets the run for a success that was in flight when the first failure loaded cockatiel', async () => {
    const b = breaker(2);
    let finish: (() => void) | undefined;
    const slow = b.execute(
      () =>
        new Promise<{ response: Response }>((resolve) => {
          finish = () => resolve({ response: new Response(null, { status: 200 }) });
        }),
    );
    await b.execute(answer(500));
    finish?.();
    await slow;
    await b.execute(answer(500));
    expect(b.isOpen()).toBe(false);
  });
});
