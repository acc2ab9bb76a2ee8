import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { UserManagementClient } from 'user-management-sdk';
import { createQueries } from 'user-management-sdk/tanstack-query';
import { createMockApi } from 'user-management-sdk/testing';
import { expect, it } from 'vitest';

// In an app: new UserManagementClient({ baseUrl: 'https://api.example.com', token }).
const mock = createMockApi();
const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });
const queryClient = new QueryClient();
const api = createQueries(client, queryClient);

it('reads, pages and writes through TanStack Query, and the cache follows', async () => {
  // React: useQuery(api.users.get.queryOptions(1)) — the same options object, for any adapter.
  const ada = await queryClient.query(api.users.get.queryOptions(1));
  expect(api.users.get.queryKey(1)).toEqual(['users', 'getUser', { id: 1 }]);

  // React: useInfiniteQuery(api.users.list.infiniteQueryOptions({ limit: 2 })).
  const pages = await queryClient.infiniteQuery({
    ...api.users.list.infiniteQueryOptions({ limit: 2 }),
    pages: 2,
  });
  expect(pages.pages.flatMap((page) => page.data)).toHaveLength(3);

  // React: useMutation(api.users.update.mutationOptions()).mutate({ id: ada.id, body: { name } }).
  const update = new MutationObserver(queryClient, api.users.update.mutationOptions());
  await update.mutate({ id: ada.id, body: { name: 'Ada King' } });

  // The user's cached read now holds the response; the lists of users are stale and refetch when used.
  expect(queryClient.getQueryData(api.users.get.queryKey(1))?.name).toBe('Ada King');
  const listKey = api.users.list.infiniteQueryKey({ limit: 2 });
  expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
});
