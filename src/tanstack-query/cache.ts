// What a successful write does to the cache, from the plan the generator derived from the spec
// (src/generated/queries.ts; the rules are in codegen/queries-model.ts). Hand-written because it is
// the same few steps for every write: set or remove the resource's own read, patch it inside cached
// list pages, invalidate the lists and the resources it points at.
import type { QueryClient, QueryKey } from '@tanstack/query-core';

/** A cached read a write affects, and which of its parameters come from which field. */
export interface QueryTarget {
  readonly key: readonly [tag: string, operationId: string];
  /** Read parameter → the field of the written record (or path variable) that holds its value. */
  readonly params: readonly (readonly [param: string, field: string])[];
}

/** How one write changes the cache (generated): the table entry `createQueries` reads after a successful write. */
export interface WritePlan {
  /** The resource's own read and what to do with it: `set` from the response, `remove`, or `invalidate`. */
  readonly item?: QueryTarget & {
    readonly action: 'set' | 'remove' | 'invalidate';
    readonly from: 'path' | 'record';
  };
  /** Lists to invalidate (each scoped by its params when their values are known). */
  readonly lists: readonly QueryTarget[];
  /** Lists whose cached pages hold the resource, updated in place from the response before they refetch. */
  readonly patch: readonly (readonly [tag: string, operationId: string])[];
  /** Whether the response is the written record (else it is looked up in the cache, or read from the body). */
  readonly fromResponse: boolean;
  /** Items the resource points at (`userId` → the user). */
  readonly refs: readonly QueryTarget[];
  /** Where the written record may be cached, to learn its fields when the response does not carry it. */
  readonly lookup?: {
    readonly queries: readonly (readonly [tag: string, operationId: string])[];
    readonly param: string;
    readonly field: string;
  };
}

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

/** The items of cached data of any read shape: one item, a page, or an infinite query's pages. */
function itemsOf(data: unknown): unknown[] {
  if (!isFields(data)) return [];
  if (Array.isArray(data)) return data as unknown[];
  const pages: unknown = data.pages;
  if (Array.isArray(pages)) return pages.flatMap(itemsOf);
  const items: unknown = data.data;
  return Array.isArray(items) ? items : [data];
}

/** The parameters of a target taken from `source`, or undefined when one of them is not there. */
function paramsFrom(target: QueryTarget, source: Fields | undefined): Fields | undefined {
  if (!source) return undefined;
  const out: Record<string, unknown> = {};
  for (const [param, field] of target.params) {
    const value = source[field];
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    out[param] = value;
  }
  return out;
}

/** The written record: the response, else the record cached under its id, else the request body. */
function recordOf(
  queryClient: QueryClient,
  plan: WritePlan,
  data: unknown,
  variables: Fields,
): Fields | undefined {
  if (plan.fromResponse && isFields(data)) return data;
  const { lookup } = plan;
  const id = lookup ? variables[lookup.param] : undefined;
  if (lookup && id !== undefined) {
    for (const prefix of lookup.queries) {
      for (const [, cached] of queryClient.getQueriesData({ queryKey: prefix })) {
        const hit = itemsOf(cached).find((item) => isFields(item) && item[lookup.field] === id);
        if (isFields(hit)) return hit;
      }
    }
  }
  const body: unknown = variables.body;
  return isFields(body) ? body : undefined;
}

/** Replaces the item with the same id in a cached page or infinite query, leaving everything else as is. */
function replaceItem(cached: unknown, item: Fields, idField: string): unknown {
  if (!isFields(cached)) return cached;
  const pages: unknown = cached.pages;
  if (Array.isArray(pages)) {
    const next = pages.map((page) => replaceItem(page, item, idField));
    return next.some((page, i) => page !== pages[i]) ? { ...cached, pages: next } : cached;
  }
  const list: unknown = cached.data;
  if (!Array.isArray(list)) return cached;
  const items = list as unknown[];
  const at = items.findIndex((x) => isFields(x) && x[idField] === item[idField]);
  if (at < 0) return cached;
  return { ...cached, data: items.map((x, i) => (i === at ? item : x)) };
}

const keyOf = (target: QueryTarget, params: Fields | undefined): QueryKey =>
  params && Object.keys(params).length > 0 ? [...target.key, params] : target.key;

/**
 * Applies a successful write to the cache. Resolves once the invalidated queries that are on screen
 * have refetched, so a mutation stays pending until the UI shows its effect.
 */
export async function applyWrite(
  queryClient: QueryClient,
  plan: WritePlan,
  data: unknown,
  variables: Fields,
): Promise<void> {
  const record = recordOf(queryClient, plan, data, variables);
  const work: Promise<unknown>[] = [];
  const { item } = plan;
  if (item) {
    const params = paramsFrom(item, item.from === 'path' ? variables : record);
    if (params) {
      const queryKey = [...item.key, params];
      if (item.action === 'set') queryClient.setQueryData(queryKey, data);
      else if (item.action === 'remove') queryClient.removeQueries({ queryKey, exact: true });
      else work.push(queryClient.invalidateQueries({ queryKey, exact: true }));
      // The fresh record replaces the stale one in cached list pages at once; the lists refetch below.
      const idField = item.params[0]?.[1];
      if (item.action === 'set' && isFields(data) && idField !== undefined)
        for (const list of plan.patch)
          queryClient.setQueriesData({ queryKey: list }, (cached: unknown) =>
            replaceItem(cached, data, idField),
          );
    }
  }
  for (const list of plan.lists)
    work.push(queryClient.invalidateQueries({ queryKey: keyOf(list, paramsFrom(list, record)) }));
  // A reference whose value is unknown (a delete whose record was never cached) invalidates them all.
  for (const ref of plan.refs)
    work.push(queryClient.invalidateQueries({ queryKey: keyOf(ref, paramsFrom(ref, record)) }));
  await Promise.all(work);
}
