// How a consumer unit-tests their own code with user-management-sdk/testing: a stateful mock of the
// API in-process (no server), seeded with the test's data, with faults on demand. Runs in `npm test`.
import { UserManagementClient } from 'user-management-sdk';
import { createMockApi } from 'user-management-sdk/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onboard } from './onboarding.js';

const mock = createMockApi({
  data: { users: [{ id: 1, name: 'Alan Lovelace', username: 'alovelace', email: 'alan@example.com' }] },
});
const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });

afterEach(() => {
  mock.reset();
  vi.useRealTimers();
});

describe('onboard', () => {
  it('creates the account under a free username', async () => {
    const result = await onboard(client, { fullName: 'Ada Lovelace', email: 'ada@example.com' });
    expect(result).toMatchObject({ ok: true, username: 'alovelace2' });
    // The mock is stateful: the user is really there.
    expect((await client.users.list({ username: 'alovelace2' })).data).toEqual([
      { id: 2, name: 'Ada Lovelace', username: 'alovelace2', email: 'ada@example.com' },
    ]);
  });

  it('reports the fields the API rejects (the mock validates against the spec)', async () => {
    const result = await onboard(client, { fullName: 'Grace Hopper', email: 'not an email' });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      fields: [{ field: 'email', message: 'must match format "email"' }],
    });
  });

  it('rides out a brief outage: the SDK retries the 503s', async () => {
    vi.useFakeTimers();
    mock.fail('createUser', { status: 503, retryAfter: 1 }, 2);
    const pending = onboard(client, { fullName: 'Grace Hopper', email: 'grace@example.com' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await pending).toMatchObject({ ok: true, username: 'ghopper' });
  });
});
