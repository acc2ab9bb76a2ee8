// Page-by-page iteration that a hostile or buggy server cannot turn into an endless loop: it stops
// when a page repeats (same page number or same items) and after `maxPages`, checks the caller's
// signal before every item, and refuses items that are not objects.
import type { RequestOptions } from '../config.js';
import { InvalidArgumentError, RequestAbortedError, UserManagementError } from '../errors.js';

/** Options of a paginated `listAll`: the call's options, plus a bound on the pages read. */
export interface ListAllOptions extends RequestOptions {
  /**
   * Most pages the iteration reads; it ends quietly after that many, as it does when a page repeats
   * an earlier one. Keeps a server that always answers a full page with `rel="next"` from making the
   * loop endless. @default 10000
   */
  maxPages?: number | undefined;
}

/** Default {@link ListAllOptions.maxPages}. */
export const DEFAULT_MAX_PAGES = 10_000;

/** One fetched page, as the iterator needs it. */
export interface FetchedPage {
  readonly items: readonly unknown[];
  readonly hasNext: boolean;
  /** The page the server's `next` link names, if any. */
  readonly nextPage: number | undefined;
}

/** Validates `maxPages`: a whole number ≥ 1. */
export function checkMaxPages(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_PAGES;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError(
      `maxPages must be a whole number ≥ 1; got ${typeof value === 'number' ? String(value) : typeof value}.`,
    );
  }
  return value;
}

/**
 * Yields the items of `fetchPage(first)`, `fetchPage(next)`, … until a page says there is no next
 * one, is empty, repeats an earlier page, or `maxPages` pages were read.
 */
export async function* iteratePages<T>(
  first: number,
  maxPages: number,
  signal: AbortSignal | undefined,
  what: string,
  fetchPage: (page: number) => Promise<FetchedPage>,
): AsyncGenerator<T, void, undefined> {
  const seenPages = new Set<number>();
  let previous: string | undefined;
  let page = first;
  for (let read = 0; read < maxPages; read++) {
    seenPages.add(page);
    const result = await fetchPage(page);
    // Two pages with the same items mean the server ignores the page number: stop rather than loop.
    const fingerprint = fingerprintOf(result.items);
    if (previous !== undefined && fingerprint === previous) return;
    previous = fingerprint;
    for (const item of result.items) {
      if (signal?.aborted)
        throw new RequestAbortedError(`${what} was aborted by the caller.`, { cause: signal.reason });
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new UserManagementError(
          `${what}: page ${page} holds an item that is not an object (${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item}); the server's answer does not match the API.`,
        );
      }
      yield item as T;
    }
    if (!result.hasNext || result.items.length === 0) return;
    // Follow the server's `next` link; one that points back at a page already read is a repeat.
    const next = result.nextPage ?? page + 1;
    if (seenPages.has(next) || next < page) return;
    page = next;
  }
}

function fingerprintOf(items: readonly unknown[]): string {
  // The ids when every item has one (cheap and exact), else the items themselves.
  const ids = items.map((i) =>
    typeof i === 'object' && i !== null ? (i as { id?: unknown }).id : undefined,
  );
  if (ids.every((id) => typeof id === 'number' || typeof id === 'string')) return JSON.stringify(ids);
  // Items came from JSON.parse, so they serialize back without throwing.
  return JSON.stringify(items);
}
