// A default client loads cockatiel (the breaker's engine, its own chunk in a browser) at its first
// counted failure: calls that succeed, or fail in ways the breaker does not count, never load it.
import { describe, expect, it, vi } from 'vitest';
import { CircuitOpenError, NotFoundError, UserManagementClient } from '../../src/index.js';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/resilience/cockatiel.js', async (importOriginal) => {
  loads.count++;
  return importOriginal();
});

const user = { id: 1, name: 'A', username: 'a', email: 'a@b.co' };

describe('a default client and cockatiel', () => {
  it('never loads cockatiel while calls succeed or get a 4xx, and loads it at the first 5xx', async () => {
    let status = 200;
    const client = new UserManagementClient({
      baseUrl: 'https://api.example.com',
      logLevel: 'off',
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 60_000 },
      fetch: () =>
        Promise.resolve(
          status === 200
            ? Response.json(user)
            : Response.json({ title: 'x' }, { status, headers: { 'retry-after': '0' } }),
        ),
    });
    for (let i = 0; i < 3; i++) await expect(client.users.get(1)).resolves.toEqual(user);
    status = 404;
    await expect(client.users.get(1)).rejects.toBeInstanceOf(NotFoundError);
    expect(loads.count).toBe(0);

    status = 503;
    await expect(client.users.get(1)).rejects.toMatchObject({ status: 503 });
    await expect(client.users.get(1)).rejects.toMatchObject({ status: 503 });
    await expect(client.users.get(1)).rejects.toBeInstanceOf(CircuitOpenError);
    await vi.waitFor(() => expect(loads.count).toBe(1));
  });
});
