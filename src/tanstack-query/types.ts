// The public types of user-management-sdk/tanstack-query: plain options objects every TanStack Query
// adapter accepts (React, Vue, Svelte, Solid, Angular), typed only with what @tanstack/query-core has
// exported since 5.0 (QueryKey, DataTag, InfiniteData), so any 5.x adapter takes them.
import type { DataTag, InfiniteData, QueryKey } from '@tanstack/query-core';
import type { Page } from 'user-management-sdk';

/**
 * The key of a read: tag → operation → parameters (path parameters by name, `query` for the query
 * parameters). Stable, JSON-serialisable, and never holds credentials or headers.
 * @example
 * ```ts
 * api.users.get.queryKey(5); // ['users', 'getUser', { id: 5 }]
 * api.users.list.queryKey({ limit: 20 }); // ['users', 'listUsers', { query: { limit: 20 } }]
 * ```
 */
export type SdkQueryKey<Tag extends string, Operation extends string, Params> = readonly [
  tag: Tag,
  operation: Operation,
  params: Params,
];

/** The key of an infinite query: the list's key without the page, then `'infinite'`. */
export type SdkInfiniteQueryKey<Tag extends string, Operation extends string, Params> = readonly [
  tag: Tag,
  operation: Operation,
  params: Params,
  kind: 'infinite',
];

/** The key of a mutation: tag → operation. */
export type SdkMutationKey<Tag extends string, Operation extends string> = readonly [
  tag: Tag,
  operation: Operation,
];

/** Options for `useQuery`, `queryClient.fetchQuery` and the like, for one read of the API. */
export interface SdkQueryOptions<TData, TKey extends QueryKey> {
  /** The query's key, tagged with its data type so `queryClient.getQueryData(key)` is typed. */
  readonly queryKey: DataTag<TKey, TData>;
  /** Calls the SDK with the query's `signal`, so a cancelled query aborts its request. */
  readonly queryFn: (context: { readonly signal: AbortSignal }) => Promise<TData>;
  /** `false`: the SDK already retries, within its deadline; TanStack's retries would multiply them. */
  readonly retry: false;
  /**
   * `false` for an item written under `If-Match` (`users.get`, `groups.get`): the cache keeps the newest
   * object even when its body is unchanged, because the object carries its version (`etagOf`) for the
   * next conditional write. Absent elsewhere (TanStack's default structural sharing).
   */
  readonly structuralSharing?: false;
}

/** Options for `useInfiniteQuery` and the like: one page per query function call, by page number. */
export interface SdkInfiniteQueryOptions<TItem, TKey extends QueryKey> {
  /** The infinite query's key, tagged with its data type. */
  readonly queryKey: DataTag<TKey, InfiniteData<Page<TItem>, number>>;
  /** Fetches page `pageParam` with the query's `signal`. */
  readonly queryFn: (context: {
    readonly signal: AbortSignal;
    readonly pageParam: number;
  }) => Promise<Page<TItem>>;
  /** The first page: 1. */
  readonly initialPageParam: number;
  /** The next page's number while the server says one follows (`Link`, `X-Total-Count`), else undefined. */
  readonly getNextPageParam: (lastPage: Page<TItem>) => number | undefined;
  /** The previous page's number, down to 1 (used with `maxPages`). */
  readonly getPreviousPageParam: (firstPage: Page<TItem>) => number | undefined;
  /** `false`: the SDK already retries, within its deadline. */
  readonly retry: false;
}

/**
 * Options for `useMutation` and the like, for one write of the API. On success it updates the cache as
 * the spec implies: the written resource's cached read is set from the response (or removed after a
 * delete), and the lists it appears in, and the resources it points at, are invalidated.
 *
 * To add your own `onSuccess`, pass it to `mutate(variables, { onSuccess })`, or call this one first:
 * `{ ...options, onSuccess: async (data, vars) => { await options.onSuccess(data, vars); … } }`.
 */
export interface SdkMutationOptions<TData, TVariables, TKey extends QueryKey> {
  /** The mutation's key: tag → operation. */
  readonly mutationKey: TKey;
  /** Calls the SDK with the variables: path parameters by name, `body`, `query`. */
  readonly mutationFn: (variables: TVariables) => Promise<TData>;
  /** Updates and invalidates the affected queries; the mutation settles once they have refetched. */
  readonly onSuccess: (data: TData, variables: TVariables) => Promise<void>;
  /** `false`: the SDK retries what is safe to retry (idempotent or with an `Idempotency-Key`). */
  readonly retry: false;
}

/** A read of the API: its key and its query options, from the same arguments as the SDK method. */
export interface QueryBinding<Args extends readonly unknown[], TData, TKey extends QueryKey> {
  /** The query's key for these arguments (a prefix of it matches every call it covers). */
  readonly queryKey: (...args: Args) => DataTag<TKey, TData>;
  /** The query's options for `useQuery(…)`. */
  readonly queryOptions: (...args: Args) => SdkQueryOptions<TData, TKey>;
}

/** A paginated read: a query for one page, and an infinite query over every page. */
export interface InfiniteQueryBinding<
  Args extends readonly unknown[],
  InfiniteArgs extends readonly unknown[],
  TItem,
  TKey extends QueryKey,
  TInfiniteKey extends QueryKey,
> extends QueryBinding<Args, Page<TItem>, TKey> {
  /** The infinite query's key for these arguments. */
  readonly infiniteQueryKey: (
    ...args: InfiniteArgs
  ) => DataTag<TInfiniteKey, InfiniteData<Page<TItem>, number>>;
  /** The infinite query's options for `useInfiniteQuery(…)`: the arguments without the page. */
  readonly infiniteQueryOptions: (...args: InfiniteArgs) => SdkInfiniteQueryOptions<TItem, TInfiniteKey>;
}

/** A write of the API. */
export interface MutationBinding<TVariables, TData, TKey extends QueryKey> {
  /** The mutation's key, for `useIsMutating({ mutationKey })` and the like. */
  readonly mutationKey: () => TKey;
  /** The mutation's options for `useMutation(…)`. */
  readonly mutationOptions: () => SdkMutationOptions<TData, TVariables, TKey>;
}
