// The builders the generated createQueries (src/generated/queries.ts) calls for each operation: keys,
// query options, infinite query options and mutation options. The generated code supplies the SDK call
// and the spec-derived cache plan; everything TanStack-specific happens here, once.
import type { DataTag, QueryClient, QueryKey } from '@tanstack/query-core';
import type { Page } from 'user-management-sdk';
import { applyWrite, type WritePlan } from './cache.js';
import type {
  InfiniteQueryBinding,
  MutationBinding,
  QueryBinding,
  SdkMutationOptions,
  SdkQueryKey,
} from './types.js';

export type { WritePlan } from './cache.js';

/** A copy without undefined values (so `{ page: undefined }` and `{}` are the same key), or undefined when empty. */
function defined<T extends object>(query: T | undefined): T | undefined {
  if (typeof query !== 'object') return undefined;
  const entries = Object.entries(query).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/** The key of a read: `[tag, operationId, { ...pathParams, query? }]`. */
export function key<Tag extends string, Operation extends string, Path extends object, Query extends object>(
  tag: Tag,
  operation: Operation,
  path: Path,
  query?: Query,
): SdkQueryKey<Tag, Operation, Path & { query?: Query }> {
  const q = defined(query);
  return [tag, operation, q ? { ...path, query: q } : { ...path }];
}

/** The query parameters without the page parameter, which an infinite query supplies itself. */
export function withoutPage<Query extends object>(query: Query | undefined, page: string): Query | undefined {
  if (typeof query !== 'object') return undefined;
  return Object.fromEntries(Object.entries(query).filter(([k]) => k !== page)) as Query;
}

/**
 * A read: key and options from the same arguments. A `versioned` read (an item written under `If-Match`)
 * turns TanStack's structural sharing off: sharing keeps the old object when the new one is deep-equal,
 * but the SDK's objects carry their version (`etagOf`) beside them, and a server may give the same body a
 * new version (a revision counter after a write that changed nothing). The cache must hold the newest
 * object — the one a write's response or a refetch returned — or `ifMatch: data` would send a stale
 * version and fail with 412.
 */
export function read<Args extends readonly unknown[], TData, TKey extends QueryKey>(
  keyOf: (...args: Args) => TKey,
  fetch: (signal: AbortSignal, ...args: Args) => PromiseLike<TData>,
  { versioned = false }: { readonly versioned?: boolean } = {},
): QueryBinding<Args, TData, TKey> {
  // DataTag is a phantom type: the key is the same array, tagged for getQueryData's inference.
  const tagged = (...args: Args) => keyOf(...args) as DataTag<TKey, TData>;
  return {
    queryKey: tagged,
    queryOptions: (...args) => ({
      queryKey: tagged(...args),
      queryFn: async ({ signal }) => fetch(signal, ...args),
      retry: false,
      ...(versioned ? { structuralSharing: false as const } : {}),
    }),
  };
}

/** A paginated read: a query per page, and an infinite query that pages by page number. */
export function paged<
  Args extends readonly unknown[],
  InfiniteArgs extends readonly unknown[],
  TItem,
  TKey extends QueryKey,
  TInfiniteKey extends QueryKey,
>(
  keyOf: (...args: Args) => TKey,
  fetch: (signal: AbortSignal, ...args: Args) => PromiseLike<Page<TItem>>,
  infiniteKeyOf: (...args: InfiniteArgs) => TInfiniteKey,
  fetchPage: (signal: AbortSignal, page: number, ...args: InfiniteArgs) => PromiseLike<Page<TItem>>,
): InfiniteQueryBinding<Args, InfiniteArgs, TItem, TKey, TInfiniteKey> {
  const tagged = (...args: InfiniteArgs) =>
    infiniteKeyOf(...args) as ReturnType<
      InfiniteQueryBinding<Args, InfiniteArgs, TItem, TKey, TInfiniteKey>['infiniteQueryKey']
    >;
  return {
    ...read(keyOf, fetch),
    infiniteQueryKey: tagged,
    infiniteQueryOptions: (...args) => ({
      queryKey: tagged(...args),
      queryFn: async ({ signal, pageParam }) => fetchPage(signal, pageParam, ...args),
      initialPageParam: 1,
      getNextPageParam: (last) => (last.hasNextPage ? last.page + 1 : undefined),
      getPreviousPageParam: (first) => (first.page > 1 ? first.page - 1 : undefined),
      retry: false,
    }),
  };
}

/** The key of an infinite query: the list's key (without the page), then `'infinite'`. */
export function infiniteKey<
  Tag extends string,
  Operation extends string,
  Path extends object,
  Query extends object,
>(
  tag: Tag,
  operation: Operation,
  path: Path,
  query: Query | undefined,
): readonly [Tag, Operation, Path & { query?: Query }, 'infinite'] {
  return [...key(tag, operation, path, query), 'infinite'];
}

/** A write: its options call the SDK, then apply the spec-derived cache plan. */
export function write<TVariables extends object, TData, Tag extends string, Operation extends string>(
  queryClient: QueryClient,
  tag: Tag,
  operation: Operation,
  plan: WritePlan,
  call: (variables: TVariables) => PromiseLike<TData>,
): MutationBinding<TVariables, TData, readonly [Tag, Operation]> {
  const options: SdkMutationOptions<TData, TVariables, readonly [Tag, Operation]> = {
    mutationKey: [tag, operation],
    // Anything but an object reaches the SDK as "no arguments", so its own InvalidArgumentError says what is missing.
    mutationFn: async (variables: TVariables | undefined) =>
      call(typeof variables === 'object' ? variables : ({} as TVariables)),
    onSuccess: (data, variables) =>
      applyWrite(queryClient, plan, data, variables as Readonly<Record<string, unknown>>),
    retry: false,
  };
  return { mutationKey: () => [tag, operation], mutationOptions: () => ({ ...options }) };
}
