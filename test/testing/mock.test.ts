// user-management-sdk/testing through its public API: the SDK client over mock.fetch, as a consumer's
// test would use it. No server, no sockets: waiting is driven by fake timers alone.
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RequestAbortedError,
  TimeoutError,
  UnprocessableEntityError,
  UserManagementClient,
  type ClientOptions,
} from '../../src/index.js';
import { createMockApi, DEFAULT_MOCK_BASE_URL, type MockApi } from '../../src/testing/index.js';

const ada = { name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com' };

/** A client over the mock's fetch, counting the requests that reach the mock. */
function clientOf(mock: MockApi, options: Partial<ClientOptions> = {}) {
  const calls: string[] = [];
  const client = new UserManagementClient({
    baseUrl: mock.baseUrl,
    fetch: (request, init) => {
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return mock.fetch(request, init);
    },
    circuitBreaker: false,
    retryBudget: false,
    ...options,
  });
  return { client, calls };
}

const users = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `User ${String(i + 1).padStart(2, '0')}`,
    username: `user${i + 1}`,
    email: `user${i + 1}@example.com`,
  }));

afterEach(() => {
  vi.useRealTimers();
});

describe('createMockApi: json-server semantics through the SDK', () => {
  it('starts from the records in the spec examples (the list and get examples merged by id)', async () => {
    const { client } = clientOf(createMockApi());
    const page = await client.users.list({ limit: 10 });
    expect(page.data.map((u) => u.username)).toEqual(['Bret', 'Antonette', 'Samantha']);
    expect(page.total).toBe(3);
    expect((await client.users.get(1)).company?.name).toBe('Romaguera-Crona');
  });

  it('creates a user with the next id and reads the same user back', async () => {
    const { client } = clientOf(createMockApi());
    const created = await client.users.create(ada);
    expect(created).toEqual({ ...ada, id: 4 });
    expect(await client.users.get(created.id)).toEqual(created);
    expect((await client.users.list()).total).toBe(4);
  });

  it('merges a PATCH, replaces on PUT (fields left out are gone) and 404s after DELETE', async () => {
    const { client } = clientOf(createMockApi());
    const merged = await client.users.update(1, { email: 'leanne@example.org' });
    expect(merged).toMatchObject({ id: 1, name: 'Leanne Graham', email: 'leanne@example.org' });
    expect(merged.company?.name).toBe('Romaguera-Crona');

    const replaced = await client.users.replace(1, { name: 'L', username: 'l', email: 'l@example.org' });
    expect(replaced).toEqual({ id: 1, name: 'L', username: 'l', email: 'l@example.org' });
    expect(await client.users.get(1)).toEqual(replaced);

    await client.users.delete(1);
    const error = await client.users.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).problem).toMatchObject({ status: 404, detail: 'User 1 does not exist.' });
    await expect(client.users.update(1, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.users.delete(1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pages with X-Total-Count and a Link header, and listAll sees every user once', async () => {
    const mock = createMockApi({ data: { users: users(23) } });
    const res = await mock.fetch(`${mock.baseUrl}/users?_page=2&_limit=10`);
    expect(res.headers.get('x-total-count')).toBe('23');
    const link = res.headers.get('link')!;
    for (const [rel, page] of [
      ['first', 1],
      ['prev', 1],
      ['next', 3],
      ['last', 3],
    ] as const)
      expect(link).toContain(`<${mock.baseUrl}/users?_page=${page}&_limit=10>; rel="${rel}"`);
    expect(((await res.json()) as { id: number }[]).map((u) => u.id)).toEqual(
      users(23)
        .slice(10, 20)
        .map((u) => u.id),
    );

    const { client } = clientOf(mock);
    const first = await client.users.list({ page: 1, limit: 10 });
    expect(first).toMatchObject({ total: 23, hasNextPage: true });
    const last = await client.users.list({ page: 3, limit: 10 });
    expect(last).toMatchObject({ total: 23, hasNextPage: false });
    expect(last.data).toHaveLength(3);
    const seen: number[] = [];
    for await (const u of client.users.listAll({ limit: 5 })) seen.push(u.id);
    expect(seen).toEqual(users(23).map((u) => u.id));
  });

  it('sends an empty Link when one page holds every result, as json-server does', async () => {
    const mock = createMockApi();
    const res = await mock.fetch(`${mock.baseUrl}/users?_page=1&_limit=10`);
    expect(res.headers.get('link')).toBe('');
    expect(res.headers.get('x-total-count')).toBe('3');
  });

  it('sorts, searches and filters like json-server', async () => {
    const { client } = clientOf(createMockApi());
    const byName = await client.users.list({ sort: 'name', order: 'desc' });
    expect(byName.data.map((u) => u.name)).toEqual(['Leanne Graham', 'Ervin Howell', 'Clementine Bauch']);
    expect((await client.users.list({ q: 'melissa' })).data.map((u) => u.id)).toEqual([2]);
    expect((await client.users.list({ username: 'Samantha' })).data.map((u) => u.id)).toEqual([3]);
    expect((await client.users.list({ email: 'nobody@example.com' })).data).toEqual([]);
  });

  it('starts from the data a test passes, and reset() puts it back', async () => {
    const mock = createMockApi({ data: { users: users(2) } });
    const { client } = clientOf(mock);
    await client.users.create(ada);
    await client.users.delete(1);
    expect((await client.users.list()).data.map((u) => u.id)).toEqual([2, 3]);
    mock.reset();
    expect((await client.users.list()).data.map((u) => u.id)).toEqual([1, 2]);
  });

  it('keeps each mock’s data to itself', async () => {
    const a = clientOf(createMockApi()).client;
    const b = clientOf(createMockApi()).client;
    await a.users.create(ada);
    expect((await b.users.list()).total).toBe(3);
  });

  it('answers a path the spec lacks with a 404 problem, and another host as an unknown host', async () => {
    const mock = createMockApi({ baseUrl: 'https://api.test/v1/' });
    expect(mock.baseUrl).toBe('https://api.test/v1');
    const res = await mock.fetch('https://api.test/v1/widgets');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ detail: 'No operation of the API matches GET /v1/widgets.' });
    await expect(mock.fetch('https://elsewhere.test/users')).rejects.toThrow(TypeError);
    expect(createMockApi().baseUrl).toBe(DEFAULT_MOCK_BASE_URL);
  });
});

describe('createMockApi: groups and their memberships (a nested collection), with no code of their own', () => {
  it('seeds groups and memberships from the spec examples and lists a group’s memberships by groupId', async () => {
    const { client } = clientOf(createMockApi());
    expect((await client.groups.list()).data.map((g) => g.name)).toEqual(['Administrators', 'Engineering']);
    const members = await client.groups.listMemberships(1);
    expect(members.data.map((m) => [m.groupId, m.userId, m.role])).toEqual([
      [1, 1, 'admin'],
      [1, 2, 'member'],
    ]);
    expect(members.total).toBe(2);
  });

  it('adds a membership under the group from the path, removes it, and 404s for a group that does not exist', async () => {
    const { client } = clientOf(createMockApi());
    const added = await client.groups.addMembership(2, { userId: 3, role: 'member' });
    expect(added).toMatchObject({ groupId: 2, userId: 3, role: 'member' });
    expect((await client.groups.listMemberships(2)).data).toEqual([added]);
    await client.groups.removeMembership(added.id);
    expect((await client.groups.listMemberships(2)).data).toEqual([]);
    await expect(client.groups.removeMembership(added.id)).rejects.toBeInstanceOf(NotFoundError);
    const missing = await client.groups.listMemberships(99).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).problem?.detail).toBe('Group 99 does not exist.');
    await expect(
      client.groups.addMembership(1, { userId: 3, role: 'owner' as never }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it('removes the memberships of a deleted user or group, as json-server removes dependents', async () => {
    const { client } = clientOf(createMockApi());
    await client.users.delete(2);
    expect((await client.groups.listMemberships(1)).data.map((m) => m.userId)).toEqual([1]);
    await client.groups.delete(1);
    await expect(client.groups.listMemberships(1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('createMockApi: validation against the spec', () => {
  it('answers an invalid body with the spec’s 422 problem details and stores nothing', async () => {
    const { client } = clientOf(createMockApi());
    const error = await client.users
      .create({ name: 'No Email', username: 'x', email: 'not-an-email', admin: true } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const e = error as UnprocessableEntityError;
    expect(e.status).toBe(422);
    expect(e.headers['content-type']).toBe('application/problem+json');
    expect(e.problem).toMatchObject({ type: 'about:blank', title: 'Unprocessable Entity', status: 422 });
    expect(e.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'must match format "email"' },
        { field: 'admin', message: 'is not allowed' },
      ]),
    );
    expect((await client.users.list()).total).toBe(3);
  });

  it('names missing required fields, and rejects an empty PATCH (minProperties)', async () => {
    const { client } = clientOf(createMockApi());
    const missing = await client.users.create({ name: 'x' } as never).catch((e: unknown) => e);
    expect((missing as UnprocessableEntityError).fieldErrors).toEqual([
      { field: 'username', message: 'is required' },
      { field: 'email', message: 'is required' },
    ]);
    await expect(client.users.update(1, {})).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it('checks query parameters against their schemas (types and bounds)', async () => {
    const mock = createMockApi();
    for (const query of ['_limit=abc', '_limit=1000', '_page=0', '_sort=password', '_order=up']) {
      const res = await mock.fetch(`${mock.baseUrl}/users?${query}`);
      expect(res.status, query).toBe(422);
      const body = (await res.json()) as { errors: { field: string }[] };
      expect(body.errors[0]?.field, query).toBe(query.split('=')[0]);
    }
  });

  it('answers a body that is not JSON with 400', async () => {
    const mock = createMockApi();
    const res = await mock.fetch(`${mock.baseUrl}/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
  });
});

describe('createMockApi: faults for the next calls of an operation', () => {
  it('answers 503 to the next 2 calls, then normally: the client retries through', async () => {
    vi.useFakeTimers();
    const mock = createMockApi();
    const { client, calls } = clientOf(mock);
    mock.fail('getUser', { status: 503 }, 2);
    const user = client.users.get(1);
    await vi.runAllTimersAsync();
    await expect(user).resolves.toMatchObject({ id: 1 });
    expect(calls).toEqual(['GET /users/1', 'GET /users/1', 'GET /users/1']);
    // Other operations were never affected, and the queue is spent.
    await expect(client.users.get(2)).resolves.toMatchObject({ id: 2 });
  });

  it('gives up after the retries with the injected status', async () => {
    vi.useFakeTimers();
    const mock = createMockApi();
    const { client, calls } = clientOf(mock, { maxRetries: 1 });
    mock.fail('listUsers', { status: 500 }, 5);
    const page = client.users.list().catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await page).toBeInstanceOf(InternalServerError);
    expect(calls).toHaveLength(2);
  });

  it('sends Retry-After, and the client waits exactly that long', async () => {
    vi.useFakeTimers();
    const mock = createMockApi();
    const { client, calls } = clientOf(mock);
    mock.fail('getUser', { status: 503, retryAfter: 2 });
    const user = client.users.get(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(user).resolves.toMatchObject({ id: 1 });
    expect(calls).toHaveLength(2);
  });

  it('drops the connection: the SDK sees a ConnectionError once its retries are spent', async () => {
    vi.useFakeTimers();
    const mock = createMockApi();
    const { client, calls } = clientOf(mock);
    mock.fail('getUser', { dropConnection: true }, 3);
    const user = client.users.get(1).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await user;
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain('ECONNRESET');
    expect(calls).toHaveLength(3);
  });

  it('delays an answer; past the client timeout that is a TimeoutError, within it a success', async () => {
    vi.useFakeTimers();
    const mock = createMockApi();
    const { client } = clientOf(mock, { timeoutMs: 1_000, maxRetries: 0 });
    mock.fail('getUser', { delayMs: 5_000 });
    const slow = client.users.get(1).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await slow).toBeInstanceOf(TimeoutError);

    mock.fail('getUser', { delayMs: 500 });
    const ok = client.users.get(1);
    await vi.advanceTimersByTimeAsync(500);
    await expect(ok).resolves.toMatchObject({ id: 1 });
  });

  it('stops waiting when the caller aborts: RequestAbortedError, not the delayed answer', async () => {
    vi.useFakeTimers();
    const mock = createMockApi();
    const { client } = clientOf(mock);
    mock.fail('getUser', { delayMs: 60_000 });
    const controller = new AbortController();
    const user = client.users.get(1, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await user).toBeInstanceOf(RequestAbortedError);
  });

  it('reset() forgets queued faults', async () => {
    const mock = createMockApi();
    mock.fail('getUser', { status: 500 }, 10);
    mock.reset();
    await expect(clientOf(mock).client.users.get(1)).resolves.toMatchObject({ id: 1 });
  });

  it('rejects a fault it cannot apply with a message that says why', () => {
    const mock = createMockApi();
    expect(() => mock.fail('getUsr' as never, { status: 503 })).toThrow(/no operation "getUsr"/);
    expect(() => mock.fail('getUser', { status: 200 })).toThrow(RangeError);
    expect(() => mock.fail('getUser', {})).toThrow(/needs a status/);
    expect(() => mock.fail('getUser', { retryAfter: 1 })).toThrow(/goes with a status/);
    expect(() => mock.fail('getUser', { status: 503, dropConnection: true })).toThrow(TypeError);
    expect(() => mock.fail('getUser', { delayMs: -1 })).toThrow(RangeError);
    expect(() => mock.fail('getUser', { status: 503 }, 0)).toThrow(/times/);
    expect(() => mock.fail('getUser', { status: 503, code: 1 } as never)).toThrow(/unknown fault field/);
  });

  it('rejects malformed options', () => {
    expect(() => createMockApi({ baseUrl: 'not a url' })).toThrow(TypeError);
    expect(() => createMockApi({ baseUrl: 'ftp://x.test' })).toThrow(/http/);
    expect(() => createMockApi({ data: { users: [1] } as never })).toThrow(/data.users/);
  });
});

describe('createMockApi: MSW handlers', () => {
  it('serve the global fetch under setupServer (msw/node), sharing state with mock.fetch', async () => {
    const mock = createMockApi();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = new UserManagementClient({ baseUrl: mock.baseUrl, circuitBreaker: false });
      const created = await client.users.create(ada);
      expect(await client.users.get(created.id)).toEqual(created);
      // The in-process fetch sees the same data.
      expect(await (await mock.fetch(`${mock.baseUrl}/users/${created.id}`)).json()).toEqual(created);
      await expect(client.users.create({ name: 'x' } as never)).rejects.toBeInstanceOf(
        UnprocessableEntityError,
      );
      mock.fail('getUser', { dropConnection: true });
      await expect(client.users.get(1, { maxRetries: 0 })).rejects.toBeInstanceOf(ConnectionError);
    } finally {
      server.close();
    }
  });
});
