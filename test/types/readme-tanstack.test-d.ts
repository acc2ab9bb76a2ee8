// The README's first "Using it with TanStack Query" block, verbatim between the markers (test/readme.test.ts
// checks it), typechecked by `npm run typecheck` and vitest's typecheck against the sources: what the README
// tells an app to write compiles, and its results have the spec's types.
import type { InfiniteData } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { Page, User } from '../../src/index.js';
import type { UpdateUserVariables } from '../../src/tanstack-query/index.js';

/** The app's own token function, which the README leaves to the reader. */
declare function getToken(): Promise<string>;

// README begin
import { QueryClient, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { UserManagementClient } from 'user-management-sdk';
import { createQueries } from 'user-management-sdk/tanstack-query';

const client = new UserManagementClient({ baseUrl: 'https://api.example.com', token: getToken });
const queryClient = new QueryClient();
const api = createQueries(client, queryClient); // once, next to the QueryClient

// In components:
const user = useQuery(api.users.get.queryOptions(5));
const users = useInfiniteQuery(api.users.list.infiniteQueryOptions({ limit: 20 }));
const { mutate } = useMutation(api.users.update.mutationOptions());
mutate({ id: 5, body: { name: 'Ada' } });
// README end

describe("the README's TanStack Query sketch", () => {
  it('types each result from the spec', () => {
    expectTypeOf(user.data).toEqualTypeOf<User | undefined>();
    expectTypeOf(users.data).toEqualTypeOf<InfiniteData<Page<User>> | undefined>();
    expectTypeOf(mutate).parameter(0).toEqualTypeOf<UpdateUserVariables>();
  });
});
