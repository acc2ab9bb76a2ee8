// Paginated operations on top of the one request path (core.ts): `page()` sends the first page and
// returns a PagePromise, awaitable for that page and async-iterable over every item of every page;
// `all()` is the iteration alone, with `maxPages`. A separate module from core.ts, so a bundle that calls
// no paginated operation leaves the paging (page.ts, iterate-pages.ts) out.
import { REQUEST_OPTION_KEYS, type RequestOptions } from '../config.js';
import type { Item, PaginatedId } from './api-types.js';
import type { Outcome } from '../transport/attempt.js';
import type { OperationDef, ParamDef } from './operations.js';
import {
  DEFAULT_PAGE_SIZE,
  hasNextPage,
  pageFromLink,
  parseLinkHeader,
  parseTotalCount,
  type Page,
} from './page.js';
import { PagePromise } from './response.js';
import { InvalidArgumentError } from '../errors.js';
import { checkOptionsObject } from '../options/check-shape.js';
import { checkMaxPages, DEFAULT_MAX_PAGES, iteratePages, type ListAllOptions } from './iterate-pages.js';
import { checkQueryShape, fieldOf, type CallValues } from './validate.js';
import { asSpecified, type CallInput, type Core } from './core.js';

const LIST_ALL_OPTION_KEYS: readonly string[] = [...REQUEST_OPTION_KEYS, 'maxPages'];

/** The row of a paginated operation: its page and limit parameters. */
export type PaginatedOp = OperationDef & {
  readonly pagination: { readonly page: string; readonly limit: string };
  readonly queryParams: readonly ParamDef[];
};

/** Runs a paginated operation for one page; the result is also async-iterable over every item. */
export function page<Id extends PaginatedId>(
  core: Core,
  id: Id,
  op: PaginatedOp,
  input: CallInput<Id>,
  options: RequestOptions | undefined,
): PagePromise<Item<Id>> {
  const at = pageOf(op, input);
  const first = core.send(id, op, input, options);
  return new PagePromise(
    first,
    (outcome) => toPage<Item<Id>>(op, outcome, at).page,
    () => walk(core, id, op, input, options, first, DEFAULT_MAX_PAGES, `${op.method} ${op.path}`),
  );
}

/** Iterates over every item of a paginated operation, from `input.query.page` (or 1) on. */
export async function* all<Id extends PaginatedId>(
  core: Core,
  id: Id,
  op: PaginatedOp,
  input: CallInput<Id>,
  options: ListAllOptions | undefined,
): AsyncGenerator<Item<Id>, void, undefined> {
  if (options !== undefined)
    checkOptionsObject(options, 'listAll options', LIST_ALL_OPTION_KEYS, InvalidArgumentError);
  const { maxPages, ...requestOptions } = options ?? {};
  yield* walk<Item<Id>>(
    core,
    id,
    op,
    input,
    options === undefined ? undefined : requestOptions,
    undefined,
    checkMaxPages(maxPages),
    `${op.method} ${op.path} (listAll)`,
    'listAll params',
  );
}

/**
 * Fetches page after page (the first may already be in flight) and yields their items; a repeated
 * page, `maxPages` or an abort ends it (see iterate-pages.ts).
 */
async function* walk<T>(
  core: Core,
  id: string,
  op: PaginatedOp,
  input: CallValues,
  options: RequestOptions | undefined,
  first: Promise<Outcome> | undefined,
  maxPages: number,
  what: string,
  label?: string,
): AsyncGenerator<T, void, undefined> {
  const pageName = op.pagination.page.replace(/^_/, '');
  const query: unknown = input.query;
  if (label !== undefined) checkQueryShape(op, query, label);
  const start = pageOf(op, input).page;
  let pending = first;
  yield* iteratePages<T>(start, maxPages, options?.signal, what, async (page) => {
    const at: CallValues = {
      ...input,
      query: { ...(typeof query === 'object' ? query : {}), [pageName]: page },
    };
    const outcome = await (pending ?? core.send(id, op, at, options, label));
    pending = undefined;
    const { page: result, nextPage } = toPage<T>(op, outcome, pageOf(op, at));
    return { items: result.data, hasNext: result.hasNextPage, nextPage };
  });
}

/** The page and limit a call asks for, defaults included, as the request sends them. */
function pageOf(op: PaginatedOp, input: CallValues): { page: number; limit: number } {
  const value = (name: string, fallback: number): number => {
    const given = fieldOf(input.query, name.replace(/^_/, ''));
    const def = op.queryParams.find((p) => p.name === name)?.default;
    return typeof given === 'number' ? given : typeof def === 'number' ? def : fallback;
  };
  return { page: value(op.pagination.page, 1), limit: value(op.pagination.limit, DEFAULT_PAGE_SIZE) };
}

/** One page from a paginated response: items, X-Total-Count, Link. */
function toPage<T>(
  op: PaginatedOp,
  outcome: Outcome,
  { page, limit }: { page: number; limit: number },
): { page: Page<T>; nextPage: number | undefined } {
  const items = Array.isArray(outcome.data) ? asSpecified<T[]>(outcome.data) : [];
  const headers = outcome.response.headers;
  const linkHeader = headers.get('link');
  const links = parseLinkHeader(linkHeader);
  const total = parseTotalCount(headers.get('x-total-count'));
  return {
    page: {
      data: items,
      ...(total !== undefined ? { total } : {}),
      page,
      limit,
      hasNextPage: hasNextPage(links, Boolean(linkHeader), total, page, limit, items.length),
    },
    nextPage: pageFromLink(links.next, op.pagination.page),
  };
}
