// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import type { QueryClient } from '@tanstack/query-core';
import { infiniteKey, key, paged, read, withoutPage, write } from '../tanstack-query/bindings.js';
import type {
  InfiniteQueryBinding,
  MutationBinding,
  QueryBinding,
  SdkInfiniteQueryKey,
  SdkMutationKey,
  SdkQueryKey,
} from '../tanstack-query/types.js';
import type {
  ApiResources,
  Group,
  GroupPatch,
  ListGroupMembershipsParams,
  ListGroupsParams,
  ListUsersParams,
  Membership,
  NewGroup,
  NewMembership,
  NewUser,
  User,
  UserPatch,
  UserReplace,
} from 'user-management-sdk';

/**
 * The variables of `users.create.mutationOptions()` (`POST /users`): path parameters by name, `body`.
 */
export interface CreateUserVariables {
  /**
   * The request body.
   */
  readonly body: NewUser;
}

/**
 * The variables of `users.replace.mutationOptions()` (`PUT /users/{id}`): path parameters by name, `body`.
 */
export interface ReplaceUserVariables {
  /**
   * The user's id.
   */
  readonly id: number;
  /**
   * The request body.
   */
  readonly body: UserReplace;
}

/**
 * The variables of `users.update.mutationOptions()` (`PATCH /users/{id}`): path parameters by name, `body`.
 */
export interface UpdateUserVariables {
  /**
   * The user's id.
   */
  readonly id: number;
  /**
   * The request body.
   */
  readonly body: UserPatch;
}

/**
 * The variables of `users.delete.mutationOptions()` (`DELETE /users/{id}`): path parameters by name.
 */
export interface DeleteUserVariables {
  /**
   * The user's id.
   */
  readonly id: number;
}

/**
 * The variables of `groups.create.mutationOptions()` (`POST /groups`): path parameters by name, `body`.
 */
export interface CreateGroupVariables {
  /**
   * The request body.
   */
  readonly body: NewGroup;
}

/**
 * The variables of `groups.update.mutationOptions()` (`PATCH /groups/{id}`): path parameters by name, `body`.
 */
export interface UpdateGroupVariables {
  /**
   * The group's id.
   */
  readonly id: number;
  /**
   * The request body.
   */
  readonly body: GroupPatch;
}

/**
 * The variables of `groups.delete.mutationOptions()` (`DELETE /groups/{id}`): path parameters by name.
 */
export interface DeleteGroupVariables {
  /**
   * The group's id.
   */
  readonly id: number;
}

/**
 * The variables of `groups.addMembership.mutationOptions()` (`POST /groups/{id}/memberships`): path parameters by name, `body`.
 */
export interface AddGroupMembershipVariables {
  /**
   * The group's id.
   */
  readonly id: number;
  /**
   * The request body.
   */
  readonly body: NewMembership;
}

/**
 * The variables of `groups.removeMembership.mutationOptions()` (`DELETE /memberships/{id}`): path parameters by name.
 */
export interface RemoveGroupMembershipVariables {
  /**
   * The membership's id.
   */
  readonly id: number;
}

/**
 * TanStack Query bindings of `client.users` (Users of the organisation): one per operation of the tag `users`.
 */
export interface UsersQueries {
  /**
   * `client.users.list()`: `GET /users` as a query for one page, and an infinite query over every page (by `page`).
   */
  readonly list: InfiniteQueryBinding<
    [params?: ListUsersParams],
    [params?: Omit<ListUsersParams, 'page'>],
    User,
    SdkQueryKey<
      'users',
      'listUsers',
      {
        /** The query parameters. */ query?: ListUsersParams;
      }
    >,
    SdkInfiniteQueryKey<
      'users',
      'listUsers',
      {
        /** The query parameters. */ query?: Omit<ListUsersParams, 'page'>;
      }
    >
  >;
  /**
   * `client.users.create()`: `POST /users` as a mutation.
   *
   * On success it sets `users/getUser` from the response; invalidates `users/listUsers`.
   */
  readonly create: MutationBinding<CreateUserVariables, User, SdkMutationKey<'users', 'createUser'>>;
  /**
   * `client.users.get()`: `GET /users/{id}` as a query.
   */
  readonly get: QueryBinding<
    [id: number],
    User,
    SdkQueryKey<
      'users',
      'getUser',
      {
        /** The user's id. */ id: number;
      }
    >
  >;
  /**
   * `client.users.replace()`: `PUT /users/{id}` as a mutation.
   *
   * On success it sets `users/getUser` from the response; invalidates `users/listUsers`.
   */
  readonly replace: MutationBinding<ReplaceUserVariables, User, SdkMutationKey<'users', 'replaceUser'>>;
  /**
   * `client.users.update()`: `PATCH /users/{id}` as a mutation.
   *
   * On success it sets `users/getUser` from the response; invalidates `users/listUsers`.
   */
  readonly update: MutationBinding<UpdateUserVariables, User, SdkMutationKey<'users', 'updateUser'>>;
  /**
   * `client.users.delete()`: `DELETE /users/{id}` as a mutation.
   *
   * On success it removes `users/getUser`; invalidates `users/listUsers`, `groups/listGroupMemberships`.
   */
  readonly delete: MutationBinding<DeleteUserVariables, void, SdkMutationKey<'users', 'deleteUser'>>;
}

/**
 * TanStack Query bindings of `client.groups` (Groups of users, and who is a member of which): one per operation of the tag `groups`.
 */
export interface GroupsQueries {
  /**
   * `client.groups.list()`: `GET /groups` as a query for one page, and an infinite query over every page (by `page`).
   */
  readonly list: InfiniteQueryBinding<
    [params?: ListGroupsParams],
    [params?: Omit<ListGroupsParams, 'page'>],
    Group,
    SdkQueryKey<
      'groups',
      'listGroups',
      {
        /** The query parameters. */ query?: ListGroupsParams;
      }
    >,
    SdkInfiniteQueryKey<
      'groups',
      'listGroups',
      {
        /** The query parameters. */ query?: Omit<ListGroupsParams, 'page'>;
      }
    >
  >;
  /**
   * `client.groups.create()`: `POST /groups` as a mutation.
   *
   * On success it sets `groups/getGroup` from the response; invalidates `groups/listGroups`, `groups/listGroupMemberships`.
   */
  readonly create: MutationBinding<CreateGroupVariables, Group, SdkMutationKey<'groups', 'createGroup'>>;
  /**
   * `client.groups.get()`: `GET /groups/{id}` as a query.
   */
  readonly get: QueryBinding<
    [id: number],
    Group,
    SdkQueryKey<
      'groups',
      'getGroup',
      {
        /** The group's id. */ id: number;
      }
    >
  >;
  /**
   * `client.groups.update()`: `PATCH /groups/{id}` as a mutation.
   *
   * On success it sets `groups/getGroup` from the response; invalidates `groups/listGroups`, `groups/listGroupMemberships`.
   */
  readonly update: MutationBinding<UpdateGroupVariables, Group, SdkMutationKey<'groups', 'updateGroup'>>;
  /**
   * `client.groups.delete()`: `DELETE /groups/{id}` as a mutation.
   *
   * On success it removes `groups/getGroup`; invalidates `groups/listGroups`, `groups/listGroupMemberships`.
   */
  readonly delete: MutationBinding<DeleteGroupVariables, void, SdkMutationKey<'groups', 'deleteGroup'>>;
  /**
   * `client.groups.listMemberships()`: `GET /groups/{id}/memberships` as a query for one page, and an infinite query over every page (by `page`).
   */
  readonly listMemberships: InfiniteQueryBinding<
    [id: number, params?: ListGroupMembershipsParams],
    [id: number, params?: Omit<ListGroupMembershipsParams, 'page'>],
    Membership,
    SdkQueryKey<
      'groups',
      'listGroupMemberships',
      {
        /** The group's id. */ id: number;
        /** The query parameters. */ query?: ListGroupMembershipsParams;
      }
    >,
    SdkInfiniteQueryKey<
      'groups',
      'listGroupMemberships',
      {
        /** The group's id. */ id: number;
        /** The query parameters. */ query?: Omit<ListGroupMembershipsParams, 'page'>;
      }
    >
  >;
  /**
   * `client.groups.addMembership()`: `POST /groups/{id}/memberships` as a mutation.
   *
   * On success it invalidates `groups/listGroupMemberships`, `groups/listGroups`; invalidates `groups/getGroup` of its `groupId`, `users/getUser` of its `userId`.
   */
  readonly addMembership: MutationBinding<
    AddGroupMembershipVariables,
    Membership,
    SdkMutationKey<'groups', 'addGroupMembership'>
  >;
  /**
   * `client.groups.removeMembership()`: `DELETE /memberships/{id}` as a mutation.
   *
   * On success it invalidates `groups/listGroupMemberships`, `groups/listGroups`; invalidates `groups/getGroup` of its `groupId`, `users/getUser` of its `userId`.
   */
  readonly removeMembership: MutationBinding<
    RemoveGroupMembershipVariables,
    void,
    SdkMutationKey<'groups', 'removeGroupMembership'>
  >;
}

/**
 * What {@link createQueries} returns: one property per tag of the spec, as on the client.
 */
export interface Queries {
  /**
   * The bindings of `client.users`.
   */
  readonly users: UsersQueries;
  /**
   * The bindings of `client.groups`.
   */
  readonly groups: GroupsQueries;
}

/**
 * TanStack Query bindings for a client: per tag and operation, `queryOptions(...)` for reads,
 * `infiniteQueryOptions(...)` for paginated reads, `mutationOptions()` for writes, and `queryKey(...)`.
 * They are plain options objects, so they work with every TanStack Query adapter (React, Vue, Svelte,
 * Solid, Angular). TanStack's retry is off in them (the SDK retries, within its deadline), the query's
 * `signal` reaches the request, and errors are the SDK's typed errors.
 *
 * A successful write updates the cache as the spec implies: the resource's cached read is set from the
 * response (removed after a delete), and the lists of its tag, the lists holding it and the resources it
 * points at (a membership's user and group) are invalidated.
 *
 * @param client - The client the queries call.
 * @param queryClient - The QueryClient whose cache the mutations update.
 * @example
 * ```ts
 * const api = createQueries(client, queryClient);
 * useQuery(api.users.get.queryOptions(1));
 * useInfiniteQuery(api.users.list.infiniteQueryOptions({ limit: 20 }));
 * useMutation(api.users.update.mutationOptions());
 * ```
 */
export function createQueries(client: ApiResources, queryClient: QueryClient): Queries {
  return {
    users: {
      list: paged(
        (params?: ListUsersParams) => key('users', 'listUsers', {}, params),
        (signal, params) => client.users.list(params, { signal }),
        (params?: Omit<ListUsersParams, 'page'>) =>
          infiniteKey('users', 'listUsers', {}, withoutPage(params, 'page')),
        (signal, page, params) => client.users.list({ ...params, page }, { signal }),
      ),
      create: write(
        queryClient,
        'users',
        'createUser',
        {
          item: { key: ['users', 'getUser'], params: [['id', 'id']], action: 'set', from: 'record' },
          lists: [{ key: ['users', 'listUsers'], params: [] }],
          patch: [],
          fromResponse: true,
          refs: [],
        },
        (v: CreateUserVariables) => client.users.create(v.body),
      ),
      get: read(
        (id: number) => key('users', 'getUser', { id }),
        (signal, id) => client.users.get(id, { signal }),
        { versioned: true },
      ),
      replace: write(
        queryClient,
        'users',
        'replaceUser',
        {
          item: { key: ['users', 'getUser'], params: [['id', 'id']], action: 'set', from: 'path' },
          lists: [{ key: ['users', 'listUsers'], params: [] }],
          patch: [['users', 'listUsers']],
          fromResponse: true,
          refs: [],
        },
        (v: ReplaceUserVariables) => client.users.replace(v.id, v.body),
      ),
      update: write(
        queryClient,
        'users',
        'updateUser',
        {
          item: { key: ['users', 'getUser'], params: [['id', 'id']], action: 'set', from: 'path' },
          lists: [{ key: ['users', 'listUsers'], params: [] }],
          patch: [['users', 'listUsers']],
          fromResponse: true,
          refs: [],
        },
        (v: UpdateUserVariables) => client.users.update(v.id, v.body),
      ),
      delete: write(
        queryClient,
        'users',
        'deleteUser',
        {
          item: { key: ['users', 'getUser'], params: [['id', 'id']], action: 'remove', from: 'path' },
          lists: [
            { key: ['users', 'listUsers'], params: [] },
            { key: ['groups', 'listGroupMemberships'], params: [] },
          ],
          patch: [],
          fromResponse: false,
          refs: [],
        },
        (v: DeleteUserVariables) => client.users.delete(v.id),
      ),
    },
    groups: {
      list: paged(
        (params?: ListGroupsParams) => key('groups', 'listGroups', {}, params),
        (signal, params) => client.groups.list(params, { signal }),
        (params?: Omit<ListGroupsParams, 'page'>) =>
          infiniteKey('groups', 'listGroups', {}, withoutPage(params, 'page')),
        (signal, page, params) => client.groups.list({ ...params, page }, { signal }),
      ),
      create: write(
        queryClient,
        'groups',
        'createGroup',
        {
          item: { key: ['groups', 'getGroup'], params: [['id', 'id']], action: 'set', from: 'record' },
          lists: [
            { key: ['groups', 'listGroups'], params: [] },
            { key: ['groups', 'listGroupMemberships'], params: [] },
          ],
          patch: [],
          fromResponse: true,
          refs: [],
        },
        (v: CreateGroupVariables) => client.groups.create(v.body),
      ),
      get: read(
        (id: number) => key('groups', 'getGroup', { id }),
        (signal, id) => client.groups.get(id, { signal }),
        { versioned: true },
      ),
      update: write(
        queryClient,
        'groups',
        'updateGroup',
        {
          item: { key: ['groups', 'getGroup'], params: [['id', 'id']], action: 'set', from: 'path' },
          lists: [
            { key: ['groups', 'listGroups'], params: [] },
            { key: ['groups', 'listGroupMemberships'], params: [] },
          ],
          patch: [['groups', 'listGroups']],
          fromResponse: true,
          refs: [],
        },
        (v: UpdateGroupVariables) => client.groups.update(v.id, v.body),
      ),
      delete: write(
        queryClient,
        'groups',
        'deleteGroup',
        {
          item: { key: ['groups', 'getGroup'], params: [['id', 'id']], action: 'remove', from: 'path' },
          lists: [
            { key: ['groups', 'listGroups'], params: [] },
            { key: ['groups', 'listGroupMemberships'], params: [] },
          ],
          patch: [],
          fromResponse: false,
          refs: [],
        },
        (v: DeleteGroupVariables) => client.groups.delete(v.id),
      ),
      listMemberships: paged(
        (id: number, params?: ListGroupMembershipsParams) =>
          key('groups', 'listGroupMemberships', { id }, params),
        (signal, id, params) => client.groups.listMemberships(id, params, { signal }),
        (id: number, params?: Omit<ListGroupMembershipsParams, 'page'>) =>
          infiniteKey('groups', 'listGroupMemberships', { id }, withoutPage(params, 'page')),
        (signal, page, id, params) => client.groups.listMemberships(id, { ...params, page }, { signal }),
      ),
      addMembership: write(
        queryClient,
        'groups',
        'addGroupMembership',
        {
          lists: [
            { key: ['groups', 'listGroupMemberships'], params: [['id', 'groupId']] },
            { key: ['groups', 'listGroups'], params: [] },
          ],
          patch: [],
          fromResponse: true,
          refs: [
            { key: ['groups', 'getGroup'], params: [['id', 'groupId']] },
            { key: ['users', 'getUser'], params: [['id', 'userId']] },
          ],
        },
        (v: AddGroupMembershipVariables) => client.groups.addMembership(v.id, v.body),
      ),
      removeMembership: write(
        queryClient,
        'groups',
        'removeGroupMembership',
        {
          lists: [
            { key: ['groups', 'listGroupMemberships'], params: [['id', 'groupId']] },
            { key: ['groups', 'listGroups'], params: [] },
          ],
          patch: [],
          fromResponse: false,
          refs: [
            { key: ['groups', 'getGroup'], params: [['id', 'groupId']] },
            { key: ['users', 'getUser'], params: [['id', 'userId']] },
          ],
          lookup: { queries: [['groups', 'listGroupMemberships']], param: 'id', field: 'id' },
        },
        (v: RemoveGroupMembershipVariables) => client.groups.removeMembership(v.id),
      ),
    },
  };
}
