// user-management-sdk/tanstack-query through its public API, with a real QueryClient from
// @tanstack/query-core (the core every adapter wraps) and the SDK's own mock: no server, no React.
import {
  CancelledError,
  InfiniteQueryObserver,
  MutationObserver,
  QueryClient,
  QueryObserver,
  hashKey,
  partialMatchKey,
  type QueryKey,
} from '@tanstack/query-core';
import {
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  UserManagementClient,
  type ClientOptions,
} from 'user-management-sdk';
import { createQueries, type SdkQueryOptions } from 'user-management-sdk/tanstack-query';
import { createMockApi, type MockApi } from 'user-management-sdk/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

const users = Array.from({ length: 25 }, (_, i) => ({
  id: i + 1,
  name: `User ${i + 1}`,
  username: `user${i + 1}`,
  email: `user${i + 1}@example.com`,
}));
const groups = [
  { id: 1, name: 'Admins' },
  { id: 2, name: 'Research' },
];
const memberships = [
  { id: 1, groupId: 1, userId: 1, role: 'admin' },
  { id: 2, groupId: 2, userId: 2, role: 'member' },
];

interface Setup {
  mock: MockApi;
  client: UserManagementClient;
  queryClient: QueryClient;
  api: ReturnType<typeof createQueries>;
  /** `METHOD /path?query` of every request the client sent, retries included. */
  requests: string[];
  /** The signal of every request. */
  signals: (AbortSignal | null | undefined)[];
}

const clients: QueryClient[] = [];

function setup(options: ClientOptions = {}): Setup {
  const mock = createMockApi({ data: { users, groups, memberships } });
  const requests: string[] = [];
  const signals: (AbortSignal | null | undefined)[] = [];
  const client = new UserManagementClient({
    baseUrl: mock.baseUrl,
    fetch: (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      signals.push(request.signal);
      return mock.fetch(request);
    },
    ...options,
  });
  // TanStack's defaults (3 retries for queries) stay as they are: the options must turn them off.
  const queryClient = new QueryClient();
  clients.push(queryClient);
  return { mock, client, queryClient, api: createQueries(client, queryClient), requests, signals };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.clear();
  vi.useRealTimers();
});

/** Keeps a query active (as a mounted component would), so invalidation refetches it. */
function watch<T, K extends QueryKey>(queryClient: QueryClient, options: SdkQueryOptions<T, K>) {
  const observer = new QueryObserver(queryClient, options);
  const unsubscribe = observer.subscribe(() => undefined);
  return { observer, unsubscribe };
}

const isInvalidated = (queryClient: QueryClient, queryKey: QueryKey) =>
  queryClient.getQueryState(queryKey)?.isInvalidated ?? false;

describe('query keys', () => {
  it('are tag → operation → params, JSON-serialisable and equal for equal calls', () => {
    const { api } = setup();
    expect(api.users.get.queryKey(5)).toEqual(['users', 'getUser', { id: 5 }]);
    expect(api.users.list.queryKey({ limit: 20 })).toEqual(['users', 'listUsers', { query: { limit: 20 } }]);
    expect(api.groups.listMemberships.queryKey(1, { limit: 5 })).toEqual([
      'groups',
      'listGroupMemberships',
      { id: 1, query: { limit: 5 } },
    ]);
    expect(api.users.list.infiniteQueryKey({ limit: 20 })).toEqual([
      'users',
      'listUsers',
      { query: { limit: 20 } },
      'infinite',
    ]);
    // Stable: undefined fields and an empty query do not change the key.
    expect(api.users.list.queryKey({ limit: 20, page: undefined })).toEqual(
      api.users.list.queryKey({ limit: 20 }),
    );
    expect(hashKey(api.users.list.queryKey({}))).toBe(hashKey(api.users.list.queryKey()));
    const key = api.groups.listMemberships.queryKey(1, { limit: 5 });
    expect(JSON.parse(JSON.stringify(key))).toEqual(key);
    expect(api.users.update.mutationKey()).toEqual(['users', 'updateUser']);
  });

  it('are hierarchical: a shorter key matches every call below it', () => {
    const { api } = setup();
    const full = api.groups.listMemberships.queryKey(1, { limit: 5, page: 2 });
    expect(partialMatchKey(full, ['groups'])).toBe(true);
    expect(partialMatchKey(full, ['groups', 'listGroupMemberships'])).toBe(true);
    expect(partialMatchKey(full, api.groups.listMemberships.queryKey(1))).toBe(true);
    expect(partialMatchKey(full, api.groups.listMemberships.queryKey(2))).toBe(false);
    // Every list call, the infinite one too, sits under the list's bare key.
    expect(partialMatchKey(api.users.list.infiniteQueryKey({ limit: 5 }), api.users.list.queryKey())).toBe(
      true,
    );
  });

  it('never hold credentials or headers, whatever the client is given', async () => {
    const secret = 'sk-live-0123456789abcdef';
    const { api, queryClient } = setup({
      apiKey: secret,
      allowInsecureHttp: true,
      headers: { 'X-Tenant': 'tenant-secret' },
    });
    await queryClient.query(api.users.get.queryOptions(1));
    await queryClient.infiniteQuery(api.users.list.infiniteQueryOptions({ limit: 5 }));
    await new MutationObserver(queryClient, api.users.update.mutationOptions()).mutate({
      id: 1,
      body: { name: 'Ada' },
    });
    const keys = [
      ...queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
      ...queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.options.mutationKey),
    ];
    expect(keys.length).toBeGreaterThan(2);
    const text = JSON.stringify(keys);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('tenant-secret');
    expect(text.toLowerCase()).not.toMatch(/api-?key|authorization|header|token/);
  });
});

describe('queryOptions', () => {
  it('reads through the SDK: data typed from the spec, TanStack retry off', async () => {
    const { api, queryClient, requests } = setup();
    const options = api.users.get.queryOptions(3);
    expect(options.retry).toBe(false);
    const user = await queryClient.query(options);
    expect(user).toMatchObject({ id: 3, email: 'user3@example.com' });
    expect(queryClient.getQueryData(api.users.get.queryKey(3))).toEqual(user);
    expect(requests).toEqual(['GET /users/3']);
  });

  it("rejects with the SDK's typed errors", async () => {
    const { api, queryClient } = setup();
    await expect(queryClient.query(api.users.get.queryOptions(999))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a failing query sends no more requests than the SDK's retry policy (1 + maxRetries)", async () => {
    vi.useFakeTimers();
    const { api, queryClient, mock, requests } = setup();
    mock.fail('getUser', { status: 500 }, 100);
    // As a mounted useQuery would: an observer with the QueryClient's defaults (3 retries) underneath.
    const { observer, unsubscribe } = watch(queryClient, api.users.get.queryOptions(1));
    await vi.advanceTimersByTimeAsync(120_000);
    const result = observer.getCurrentResult();
    unsubscribe();
    expect(result.status).toBe('error');
    expect(result.error).toBeInstanceOf(InternalServerError);
    expect(result.failureCount).toBe(1);
    expect(requests).toEqual(['GET /users/1', 'GET /users/1', 'GET /users/1']);
  });

  it("passes the query's signal through: cancelling the query aborts its request", async () => {
    const { api, queryClient, mock, signals, requests } = setup();
    mock.fail('getUser', { delayMs: 60_000 });
    const pending = queryClient.query(api.users.get.queryOptions(1)).catch((e: unknown) => e);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(signals[0]?.aborted).toBe(false);
    await queryClient.cancelQueries({ queryKey: api.users.get.queryKey(1) });
    expect(signals[0]?.aborted).toBe(true);
    expect(await pending).toBeInstanceOf(CancelledError);
    expect(requests).toHaveLength(1);
  });
});

describe('infiniteQueryOptions', () => {
  it('pages to the end by the spec pagination, then reports no next page', async () => {
    const { api, queryClient, requests } = setup();
    const observer = new InfiniteQueryObserver(
      queryClient,
      api.users.list.infiniteQueryOptions({ limit: 10 }),
    );
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    while (observer.getCurrentResult().hasNextPage) await observer.fetchNextPage();
    const { data, hasNextPage } = observer.getCurrentResult();
    unsubscribe();
    expect(hasNextPage).toBe(false);
    expect(data?.pageParams).toEqual([1, 2, 3]);
    expect(data?.pages.map((p) => p.data.length)).toEqual([10, 10, 5]);
    expect(data?.pages.flatMap((p) => p.data.map((u) => u.id))).toEqual(users.map((u) => u.id));
    expect(requests).toEqual([
      'GET /users?_page=1&_limit=10',
      'GET /users?_page=2&_limit=10',
      'GET /users?_page=3&_limit=10',
    ]);
  });

  it('pages a nested list (a group’s memberships) with its path parameter', async () => {
    const { api, queryClient } = setup();
    const data = await queryClient.infiniteQuery(
      api.groups.listMemberships.infiniteQueryOptions(1, { limit: 1 }),
    );
    expect(data.pages[0]?.data).toEqual([memberships[0]]);
  });
});

describe('mutationOptions: the cache after each kind of write', () => {
  it('update: sets the user from the response (no refetch), patches it in the lists, refetches the lists', async () => {
    const { api, queryClient, requests } = setup();
    await queryClient.query(api.users.get.queryOptions(5));
    const list = watch(queryClient, api.users.list.queryOptions({ limit: 10 }));
    await vi.waitFor(() => expect(list.observer.getCurrentResult().status).toBe('success'));
    requests.length = 0;

    const options = api.users.update.mutationOptions();
    expect(options.retry).toBe(false);
    const updated = await new MutationObserver(queryClient, options).mutate({
      id: 5,
      body: { name: 'Grace' },
    });

    expect(updated).toMatchObject({ id: 5, name: 'Grace' });
    expect(queryClient.getQueryData(api.users.get.queryKey(5))).toEqual(updated);
    // The list was refetched before the mutation settled, and shows the new name.
    expect(requests).toEqual(['PATCH /users/5', 'GET /users?_page=1&_limit=10']);
    expect(list.observer.getCurrentResult().data?.data.find((u) => u.id === 5)?.name).toBe('Grace');
    list.unsubscribe();
  });

  it('update: patches the user inside cached (inactive) infinite pages before they refetch', async () => {
    const { api, queryClient } = setup();
    await queryClient.infiniteQuery(api.users.list.infiniteQueryOptions({ limit: 10 }));
    await new MutationObserver(queryClient, api.users.replace.mutationOptions()).mutate({
      id: 2,
      body: { name: 'Bob', username: 'bob', email: 'bob@example.com' },
    });
    const key = api.users.list.infiniteQueryKey({ limit: 10 });
    expect(queryClient.getQueryData(key)?.pages[0]?.data[1]).toMatchObject({ id: 2, name: 'Bob' });
    expect(isInvalidated(queryClient, key)).toBe(true);
  });

  it('create: caches the new user under its get key and invalidates the lists of its tag only', async () => {
    const { api, queryClient, requests } = setup();
    await queryClient.query(api.users.list.queryOptions());
    await queryClient.query(api.groups.list.queryOptions());
    const created = await new MutationObserver(queryClient, api.users.create.mutationOptions()).mutate({
      body: { name: 'New', username: 'new', email: 'new@example.com' },
    });
    expect(queryClient.getQueryData(api.users.get.queryKey(created.id))).toEqual(created);
    expect(isInvalidated(queryClient, api.users.list.queryKey())).toBe(true);
    expect(isInvalidated(queryClient, api.groups.list.queryKey())).toBe(false);
    await queryClient.query({ ...api.users.get.queryOptions(created.id), staleTime: 'static' });
    expect(requests.filter((r) => r.startsWith(`GET /users/${created.id}`))).toEqual([]);
  });

  it('delete: removes the user from the cache and invalidates the lists', async () => {
    const { api, queryClient } = setup();
    await queryClient.query(api.users.get.queryOptions(7));
    await queryClient.query(api.users.list.queryOptions());
    await new MutationObserver(queryClient, api.users.delete.mutationOptions()).mutate({ id: 7 });
    expect(queryClient.getQueryState(api.users.get.queryKey(7))).toBeUndefined();
    expect(isInvalidated(queryClient, api.users.list.queryKey())).toBe(true);
  });

  it("delete user: refetches the groups' memberships on screen, which no longer hold the user's", async () => {
    const { api, queryClient, requests } = setup();
    const members = watch(queryClient, api.groups.listMemberships.queryOptions(2));
    await vi.waitFor(() => expect(members.observer.getCurrentResult().status).toBe('success'));
    expect(members.observer.getCurrentResult().data?.data.map((m) => m.userId)).toEqual([2]);
    await queryClient.query(api.groups.listMemberships.queryOptions(1));
    requests.length = 0;
    await new MutationObserver(queryClient, api.users.delete.mutationOptions()).mutate({ id: 2 });
    // The mutation settled after the list on screen refetched; the inactive one is stale for its next use.
    expect(requests).toEqual(['DELETE /users/2', 'GET /groups/2/memberships?_page=1&_limit=10']);
    expect(members.observer.getCurrentResult().data?.data).toEqual([]);
    expect(isInvalidated(queryClient, api.groups.listMemberships.queryKey(1))).toBe(true);
    members.unsubscribe();
  });

  it("add membership: invalidates that group's memberships, the user and the group — not other groups or users", async () => {
    const { api, queryClient } = setup();
    for (const id of [1, 2]) {
      await queryClient.query(api.groups.listMemberships.queryOptions(id));
      await queryClient.query(api.users.get.queryOptions(id));
      await queryClient.query(api.groups.get.queryOptions(id));
    }
    await queryClient.infiniteQuery(api.groups.listMemberships.infiniteQueryOptions(1));
    const added = await new MutationObserver(queryClient, api.groups.addMembership.mutationOptions()).mutate({
      id: 1,
      body: { userId: 2, role: 'member' },
    });
    expect(added).toMatchObject({ groupId: 1, userId: 2 });
    expect(isInvalidated(queryClient, api.groups.listMemberships.queryKey(1))).toBe(true);
    expect(isInvalidated(queryClient, api.groups.listMemberships.infiniteQueryKey(1))).toBe(true);
    expect(isInvalidated(queryClient, api.users.get.queryKey(2))).toBe(true);
    expect(isInvalidated(queryClient, api.groups.get.queryKey(1))).toBe(true);
    expect(isInvalidated(queryClient, api.groups.listMemberships.queryKey(2))).toBe(false);
    expect(isInvalidated(queryClient, api.users.get.queryKey(1))).toBe(false);
    expect(isInvalidated(queryClient, api.groups.get.queryKey(2))).toBe(false);
  });

  it('remove membership: finds the membership in the cache to invalidate its group and user only', async () => {
    const { api, queryClient } = setup();
    for (const id of [1, 2]) {
      await queryClient.query(api.groups.listMemberships.queryOptions(id));
      await queryClient.query(api.users.get.queryOptions(id));
    }
    await new MutationObserver(queryClient, api.groups.removeMembership.mutationOptions()).mutate({ id: 2 });
    expect(isInvalidated(queryClient, api.groups.listMemberships.queryKey(2))).toBe(true);
    expect(isInvalidated(queryClient, api.users.get.queryKey(2))).toBe(true);
    expect(isInvalidated(queryClient, api.groups.listMemberships.queryKey(1))).toBe(false);
    expect(isInvalidated(queryClient, api.users.get.queryKey(1))).toBe(false);
  });

  it('remove membership never cached: invalidates every group’s memberships and every user, to be safe', async () => {
    const { api, queryClient } = setup();
    await queryClient.query(api.users.get.queryOptions(1));
    await queryClient.query(api.groups.listMemberships.queryOptions(2));
    await new MutationObserver(queryClient, api.groups.removeMembership.mutationOptions()).mutate({ id: 1 });
    expect(isInvalidated(queryClient, api.users.get.queryKey(1))).toBe(true);
    expect(isInvalidated(queryClient, api.groups.listMemberships.queryKey(2))).toBe(true);
  });

  it('a failed write changes nothing in the cache and is not retried by TanStack', async () => {
    const { api, queryClient, requests } = setup();
    await queryClient.query(api.users.list.queryOptions());
    requests.length = 0;
    const error = await new MutationObserver(queryClient, api.users.update.mutationOptions())
      .mutate({ id: 999, body: { name: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(requests).toEqual(['PATCH /users/999']);
    expect(isInvalidated(queryClient, api.users.list.queryKey())).toBe(false);
  });

  it('variables that are not an object reach the SDK as missing arguments: InvalidArgumentError, nothing sent', async () => {
    const { api, queryClient, requests } = setup();
    const mutation = new MutationObserver(queryClient, api.users.update.mutationOptions());
    await expect(mutation.mutate(undefined as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(requests).toEqual([]);
  });
});
