/**
 * `user-management-sdk/tanstack-query`: TanStack Query bindings generated from the spec — query keys,
 * `queryOptions`, `infiniteQueryOptions` and `mutationOptions` with spec-derived cache invalidation. See
 * {@link createQueries}.
 *
 * Needs `@tanstack/query-core` 5 (any adapter brings it: `@tanstack/react-query`, `vue-query`, …); it is
 * an optional peer dependency of this package. Only options objects are produced here, so nothing of
 * TanStack Query is imported at run time.
 *
 * @packageDocumentation
 * @module user-management-sdk/tanstack-query
 */
// The generated surface — createQueries, one interface per tag, the mutation variables — as
// src/generated/queries.ts declares it, so a provider's new operation gets its binding with no
// hand-written line. Everything it imports from the SDK is a type: this entry bundles none of it.
export * from '../generated/queries.js';
export type {
  SdkQueryKey,
  SdkInfiniteQueryKey,
  SdkMutationKey,
  SdkQueryOptions,
  SdkInfiniteQueryOptions,
  SdkMutationOptions,
  QueryBinding,
  InfiniteQueryBinding,
  MutationBinding,
} from './types.js';
