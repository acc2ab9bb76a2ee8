// The bindings carry the spec's types into TanStack Query: data, pages, mutation variables and results,
// through query-core (every adapter) and through @tanstack/react-query's hooks as an app calls them.
import {
  QueryClient,
  QueryObserver,
  InfiniteQueryObserver,
  MutationObserver,
  type InfiniteData,
} from '@tanstack/query-core';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Group,
  Membership,
  NewMembership,
  Page,
  User,
  UserManagementClient,
  UserPatch,
} from '../../src/index.js';
import {
  createQueries,
  type AddGroupMembershipVariables,
  type UpdateUserVariables,
} from '../../src/tanstack-query/index.js';

declare const client: UserManagementClient;
const queryClient = new QueryClient();
const api = createQueries(client, queryClient);

describe('tanstack-query bindings: types from the spec', () => {
  it('queries resolve to the spec response bodies', () => {
    expectTypeOf(api.users.get.queryOptions).parameters.toEqualTypeOf<[id: number]>();
    expectTypeOf(api.users.get.queryOptions(1).queryFn).returns.resolves.toEqualTypeOf<User>();
    expectTypeOf(api.groups.get.queryOptions(1).queryFn).returns.resolves.toEqualTypeOf<Group>();
    expectTypeOf(api.users.list.queryOptions({ limit: 20 }).queryFn).returns.resolves.toEqualTypeOf<
      Page<User>
    >();
    expectTypeOf(queryClient.getQueryData(api.users.get.queryKey(1))).toEqualTypeOf<User | undefined>();
    expectTypeOf(
      new QueryObserver(queryClient, api.users.get.queryOptions(1)).getCurrentResult().data,
    ).toEqualTypeOf<User | undefined>();
    // @ts-expect-error the id is a number in the spec
    api.users.get.queryOptions('1');
    // @ts-expect-error limit is a number in the spec
    api.users.list.queryOptions({ limit: '20' });
  });

  it('infinite queries page the spec items by page number, without a page argument', () => {
    const options = api.groups.listMemberships.infiniteQueryOptions(1, { limit: 5 });
    expectTypeOf(options.initialPageParam).toEqualTypeOf<number>();
    // The observer's (and the hooks') data type leaves the page parameter open, as TanStack declares it.
    expectTypeOf(new InfiniteQueryObserver(queryClient, options).getCurrentResult().data).toEqualTypeOf<
      InfiniteData<Page<Membership>> | undefined
    >();
    expectTypeOf(queryClient.getQueryData(api.users.list.infiniteQueryKey())).toEqualTypeOf<
      InfiniteData<Page<User>, number> | undefined
    >();
    // @ts-expect-error the infinite query supplies the page itself
    api.users.list.infiniteQueryOptions({ page: 2 });
  });

  it('mutation variables are path parameters by name plus body; results are the spec responses', () => {
    expectTypeOf<UpdateUserVariables>().toEqualTypeOf<{ readonly id: number; readonly body: UserPatch }>();
    expectTypeOf<AddGroupMembershipVariables>().toEqualTypeOf<{
      readonly id: number;
      readonly body: NewMembership;
    }>();
    const update = api.users.update.mutationOptions();
    expectTypeOf(update.mutationFn).parameters.toEqualTypeOf<[variables: UpdateUserVariables]>();
    expectTypeOf(update.mutationFn).returns.resolves.toEqualTypeOf<User>();
    expectTypeOf(api.groups.removeMembership.mutationOptions().mutationFn).returns.toEqualTypeOf<
      Promise<void>
    >();
    const observer = new MutationObserver(queryClient, update);
    expectTypeOf<Parameters<typeof observer.mutate>[0]>().toEqualTypeOf<UpdateUserVariables>();
    // @ts-expect-error the body is required
    void observer.mutate({ id: 1 });
  });

  it('fit the React adapter as an app calls it', () => {
    expectTypeOf(useQuery(api.users.get.queryOptions(1)).data).toEqualTypeOf<User | undefined>();
    expectTypeOf(useInfiniteQuery(api.users.list.infiniteQueryOptions({ limit: 20 })).data).toEqualTypeOf<
      InfiniteData<Page<User>> | undefined
    >();
    const mutation = useMutation(api.users.update.mutationOptions());
    expectTypeOf(mutation.mutate).parameter(0).toEqualTypeOf<UpdateUserVariables>();
    expectTypeOf(mutation.data).toEqualTypeOf<User | undefined>();
  });
});
