import { setupServer } from 'msw/node';
import { UnprocessableEntityError, UserManagementClient } from 'user-management-sdk';
import { createMockApi } from 'user-management-sdk/testing';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';

// Your data, or leave `data` out to start from the spec's examples.
const mock = createMockApi({
  data: { users: [{ id: 1, name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com' }] },
});
// In-process: no server, nothing patched.
const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });

afterEach(() => {
  mock.reset(); // data back to the start, queued faults gone
  vi.useRealTimers();
});

it('creates, reads and pages users like the real API', async () => {
  const grace = await client.users.create({
    name: 'Grace Hopper',
    username: 'grace',
    email: 'grace@example.com',
  });
  expect(await client.users.get(grace.id)).toEqual(grace);
  expect(await client.users.list({ limit: 1 })).toMatchObject({ total: 2, hasNextPage: true });
});

it('answers an invalid body with the 422 problem details the spec defines', async () => {
  const error = await client.users.create({ name: 'No Email' } as never).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnprocessableEntityError);
  expect((error as UnprocessableEntityError).fieldErrors).toContainEqual({
    field: 'email',
    message: 'is required',
  });
});

it('fails on demand: two 503s with Retry-After, which the SDK waits out', async () => {
  vi.useFakeTimers();
  mock.fail('getUser', { status: 503, retryAfter: 1 }, 2);
  const user = client.users.get(1);
  await vi.advanceTimersByTimeAsync(2_000);
  await expect(user).resolves.toMatchObject({ name: 'Ada Lovelace' });
});

// Code that calls the global fetch itself: serve the same mock through MSW.
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('serves the global fetch too', async () => {
  const res = await fetch(`${mock.baseUrl}/users?_page=1&_limit=10`);
  expect(res.headers.get('x-total-count')).toBe('1');
});
