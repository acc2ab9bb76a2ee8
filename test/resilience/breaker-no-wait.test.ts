// No call waits for cockatiel's chunk: with the chunk held back for good, a default client's first
// failures are counted, retried on time and open the circuit at the threshold, exactly on the fake clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CircuitOpenError, InternalServerError, UserManagementClient } from '../../src/index.js';

vi.mock('../../src/resilience/cockatiel.js', () => new Promise(() => undefined));

const user = { id: 1, name: 'A', username: 'a', email: 'a@b.co' };

afterEach(() => {
  vi.useRealTimers();
});

describe('the breaker never holds a call for its chunk', () => {
  it('retries a 503 after its Retry-After to the millisecond, with cockatiel never arriving', async () => {
    vi.useFakeTimers();
    let n = 0;
    const client = new UserManagementClient({
      baseUrl: 'https://api.example.com',
      logLevel: 'off',
      // Not the breaker's: in Node, telemetry's default looks for @opentelemetry/api with an import() on
      // the first call, which fake timers alone do not let finish.
      telemetry: false,
      fetch: () =>
        Promise.resolve(
          ++n === 1
            ? Response.json({ title: 'Unavailable' }, { status: 503, headers: { 'retry-after': '1' } })
            : Response.json(user),
        ),
    });
    let settled: unknown;
    void client.users.get(1).then((u) => (settled = u));
    await vi.advanceTimersByTimeAsync(999);
    expect(n).toBe(1);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(n).toBe(2);
    expect(settled).toEqual(user);
  });

  it('opens the circuit at the threshold and fails fast, with cockatiel never arriving', async () => {
    let sent = 0;
    const client = new UserManagementClient({
      baseUrl: 'https://api.example.com',
      logLevel: 'off',
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 3, halfOpenAfterMs: 60_000 },
      fetch: () => {
        sent++;
        return Promise.resolve(Response.json({ title: 'Down' }, { status: 500 }));
      },
    });
    for (let i = 0; i < 3; i++) await expect(client.users.get(1)).rejects.toBeInstanceOf(InternalServerError);
    await expect(client.users.get(1)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(sent).toBe(3);
  });
});
