import { describe, expect, it, vi } from 'vitest';
import { CircuitOpenError, ConnectionError } from '../../src/errors.js';
import { BREAKER_DEFAULTS, breakerPolicy, resolveBreaker } from '../../src/policies/breaker.js';
import { OriginBreaker } from '../../src/resilience/breaker.js';
import type { CircuitStateChange } from '../../src/resilience/events.js';
import { failed, fakeContext, ok } from './fake.js';

function breaker(changes: CircuitStateChange[] = [], now = () => Date.now()) {
  const settings = resolveBreaker({ circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 1_000 } });
  if (!settings.circuitBreaker) throw new Error('unreachable');
  return new OriginBreaker('https://api.test', settings.circuitBreaker, (c) => changes.push(c), now);
}

describe('breaker policy', () => {
  it('opens after failureThreshold counted failures, then fails at once without calling next', async () => {
    const changes: CircuitStateChange[] = [];
    const policy = breakerPolicy(breaker(changes));
    const ctx = fakeContext();
    await policy(ctx, () => Promise.resolve(failed(503)));
    await policy(ctx, () => Promise.reject(new ConnectionError('reset'))).catch(() => undefined);
    let called = false;

    const err = await policy(ctx, () => {
      called = true;
      return Promise.resolve(ok());
    }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    expect(changes).toEqual([{ origin: 'https://api.test', from: 'closed', to: 'open' }]);
  });

  it('counts a 4xx as proof the server is up', async () => {
    const b = breaker();
    const policy = breakerPolicy(b);
    const ctx = fakeContext();
    await policy(ctx, () => Promise.resolve(failed(503)));
    await policy(ctx, () => Promise.resolve(failed(404)));
    await policy(ctx, () => Promise.resolve(failed(503)));

    expect(b.isOpen()).toBe(false);
  });

  it('lets one trial through after halfOpenAfterMs and closes on its success', async () => {
    vi.useFakeTimers({ now: 0 });
    const changes: CircuitStateChange[] = [];
    const policy = breakerPolicy(breaker(changes));
    const ctx = fakeContext();
    await policy(ctx, () => Promise.resolve(failed(503)));
    await policy(ctx, () => Promise.resolve(failed(503)));
    const open = (await policy(ctx, () => Promise.resolve(ok())).catch(
      (e: unknown) => e,
    )) as CircuitOpenError;
    expect(open.retryAfterMs).toBe(1_000);
    vi.setSystemTime(1_000);

    await expect(policy(ctx, () => Promise.resolve(ok()))).resolves.toBeDefined();
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'closed']);
    vi.useRealTimers();
  });

  it('has complete defaults, and resolves false to off', () => {
    expect(resolveBreaker({}).circuitBreaker).toEqual({
      ...BREAKER_DEFAULTS.circuitBreaker,
      failureRate: undefined,
    });
    expect(resolveBreaker({ circuitBreaker: false }).circuitBreaker).toBe(false);
    expect(() => resolveBreaker({ circuitBreaker: { failureRate: 1 } })).toThrow(/between 0 and 1/);
  });
});
