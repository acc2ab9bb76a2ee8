// The one request path of the generated methods: `call(operationId, { path, query, body }, options)` checks
// the input against the operation table, sends it through openapi-fetch under the client's resilience
// pipeline, and returns an APIPromise typed from the generated `paths` by operationId. Paginated
// operations go through `page()`/`all()`, which add the paging on top of the same call.
import type { Client } from 'openapi-fetch';
import { REQUEST_OPTION_KEYS, type RequestOptions, type ResolvedConfig } from '../config.js';
import type { Pipeline } from '../pipeline/create-pipeline.js';
import type { Item, paths, Result, SdkQuery, PathParams, RequestBody } from './api-types.js';
import type { Outcome } from '../transport/attempt.js';
import { operations, type OperationDef, type OperationId, type ParamDef } from './operations.js';
import {
  DEFAULT_PAGE_SIZE,
  hasNextPage,
  pageFromLink,
  parseLinkHeader,
  parseTotalCount,
  type Page,
} from './page.js';
import { APIPromise, PagePromise } from './response.js';
import { serializeBody } from '../transport/serialize-body.js';
import { InvalidArgumentError } from '../errors.js';
import { loadFailed } from '../load-once.js';
import { checkOptionsObject } from '../options/check-shape.js';
import { checkMaxPages, DEFAULT_MAX_PAGES, iteratePages, type ListAllOptions } from './iterate-pages.js';
import { checkInput, checkQueryShape, fieldOf, type CallValues } from './validate.js';
import { ifMatchValue, rememberEtag } from './etag.js';
import type { ModifyFn, ModifyOptions } from './modify.js';
import { urlWithQuery } from './cache-hint.js';

const LIST_ALL_OPTION_KEYS: readonly string[] = [...REQUEST_OPTION_KEYS, 'maxPages'];

const asIs = (text: unknown): unknown => text;

/** The input of one call, typed from the generated operation: path parameters, query (SDK names), body. */
export interface CallInput<Id extends OperationId> {
  readonly path?: PathParams<Id>;
  readonly query?: SdkQuery<Id> | undefined;
  readonly body?: RequestBody<Id>;
}

/** The operationIds of paginated operations. */
export type PaginatedId = {
  [Id in OperationId]: (typeof operations)[Id]['pagination'] extends null ? never : Id;
}[OperationId];

type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * The JSON the server sent, as the type the spec promises for it. This is the SDK's one trust boundary:
 * the body is not validated against the schema at run time (the contract and conformance tests do that),
 * exactly as openapi-fetch types `data`.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the point: name the type the spec promises
function asSpecified<T>(data: unknown): T {
  return data as T;
}

/** The runtime behind every generated resource class. One per client. */
export class Core {
  readonly #request: LooseRequest;
  readonly #config: ResolvedConfig;
  readonly #pipeline: Pipeline;

  constructor(raw: Client<paths>, config: ResolvedConfig, pipeline: Pipeline) {
    this.#config = config;
    this.#pipeline = pipeline;
    // One generic entry into openapi-fetch for every operation: the operation table supplies method and
    // path at run time, and the public signatures (CallInput/Result by operationId) carry the types.
    this.#request = (raw.request as unknown as LooseRequest).bind(raw);
  }

  /** Checks the input, then runs one operation through the pipeline. Rejects (never throws) on bad input. */
  async #send(
    id: OperationId,
    input: CallValues,
    options: RequestOptions | undefined,
    label = `${operations[id].sdk.method} params`,
  ): Promise<Outcome> {
    const op: OperationDef = operations[id];
    const { path, query, body } = checkInput(op, input, DEFAULT_PAGE_SIZE, label);
    let url = op.path;
    for (const k in path) url = url.replace(`{${k}}`, encodeURIComponent(String(path[k])));
    // The path goes to openapi-fetch with its parameters already in (encoded as its default path
    // serializer does for these primitive values), so it does not parse the template a second time.
    const params = { query };
    // Serialized here, once: a body JSON cannot hold fails as InvalidArgumentError before any attempt.
    const serialized = body === undefined ? undefined : serializeBody(body);
    const conditional = options == null ? undefined : conditionalHeaders(op, options, url);
    const request = this.#request;
    const absolute = this.#config.baseUrl + url;
    return this.#pipeline.execute(
      {
        operationId: id,
        op,
        url: absolute,
        body,
        // Read only by the response cache: built only for a client that has one.
        cache: this.#config.cache
          ? {
              key: urlWithQuery(absolute, query),
              tag: op.tag,
              list: op.pagination != null,
              // Only reads the spec says can be revalidated (If-None-Match) are kept.
              store: op.acceptsIfNoneMatch === true && options?.cache !== false,
            }
          : undefined,
        send: ({ signal, headers, fetch }) => {
          // The signal goes on the request openapi-fetch builds. Where the SDK makes the fetch call
          // itself that is a PlainRequest, whose signal is a plain field the SDK hands fetch as
          // `init.signal`, so only fetch's own Request follows it (see takesSignalInInit); an
          // application's fetch gets a Request that follows it.
          const attempt: Record<string, unknown> = { params, parseAs: 'text', signal };
          if (serialized !== undefined) {
            attempt.body = serialized;
            attempt.bodySerializer = asIs;
          }
          if (headers || conditional) attempt.headers = { ...conditional, ...headers };
          if (fetch) attempt.fetch = fetch;
          return request(op.method, url, attempt);
        },
      },
      options,
    );
  }

  /** Runs one operation; resolves to its body (or undefined when the spec's successes are empty). */
  call<Id extends OperationId>(
    id: Id,
    input: CallInput<Id>,
    options: RequestOptions | undefined,
  ): APIPromise<Result<Id>> {
    const returnsData = operations[id].returnsData;
    return new APIPromise(this.#send(id, input, options), (outcome) => {
      if (!returnsData) return asSpecified<Result<Id>>(undefined);
      // The object remembers its version, for `etagOf()` and `ifMatch`.
      rememberEtag(outcome.data, outcome.response.headers.get('etag'));
      return asSpecified<Result<Id>>(outcome.data);
    });
  }

  /**
   * Read-modify-write of one item (see modify.ts): `getId` reads it, `updateId` writes the caller's change
   * with `If-Match`, again from a fresh read after a 412.
   */
  modify<G extends OperationId, U extends OperationId>(
    getId: G,
    updateId: U,
    path: PathParams<G> & PathParams<U>,
    change: ModifyFn<Result<G>, RequestBody<U>>,
    options: ModifyOptions | undefined,
  ): Promise<Result<U>> {
    const get = operations[getId];
    const ids = Object.values(path as Record<string, unknown>)
      .map(String)
      .join(', ');
    // The read-modify-write loop (modify.ts) is loaded on the first modify(), so apps that never call it
    // do not ship it; it fails only by rejecting, so loading it first changes nothing a caller sees.
    return import('./modify.js')
      .catch((err: unknown) => loadFailed('modify()', err))
      .then(
        ({ readModifyWrite }) =>
          readModifyWrite(
            (o) => this.call(getId, { path }, o),
            (patch, o) => this.call(updateId, { path, body: patch }, o),
            change,
            options,
            `client.${get.sdk.property}.modify(${ids})`,
          ) as Promise<Result<U>>,
      );
  }

  /** Runs a paginated operation for one page; the result is also async-iterable over every item. */
  page<Id extends PaginatedId>(
    id: Id,
    input: CallInput<Id>,
    options: RequestOptions | undefined,
  ): PagePromise<Item<Id>> {
    const op = operations[id];
    const at = pageOf(op, input);
    const first = this.#send(id, input, options);
    return new PagePromise(
      first,
      (outcome) => toPage<Item<Id>>(op, outcome, at).page,
      () => this.#walk(id, input, options, first, DEFAULT_MAX_PAGES, `${op.method} ${op.path}`),
    );
  }

  /** Iterates over every item of a paginated operation, from `input.query.page` (or 1) on. */
  async *all<Id extends PaginatedId>(
    id: Id,
    input: CallInput<Id>,
    options: ListAllOptions | undefined,
  ): AsyncGenerator<Item<Id>, void, undefined> {
    const op = operations[id];
    if (options !== undefined)
      checkOptionsObject(options, 'listAll options', LIST_ALL_OPTION_KEYS, InvalidArgumentError);
    const { maxPages, ...requestOptions } = options ?? {};
    yield* this.#walk<Item<Id>>(
      id,
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
  async *#walk<T>(
    id: PaginatedId,
    input: CallValues,
    options: RequestOptions | undefined,
    first: Promise<Outcome> | undefined,
    maxPages: number,
    what: string,
    label?: string,
  ): AsyncGenerator<T, void, undefined> {
    const op = operations[id];
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
      const outcome = await (pending ?? this.#send(id, at, options, label));
      pending = undefined;
      const { page: result, nextPage } = toPage<T>(op, outcome, pageOf(op, at));
      return { items: result.data, hasNext: result.hasNextPage, nextPage };
    });
  }
}

/**
 * The precondition headers of one call: `If-Match` from the `ifMatch` option, on operations that declare
 * it. Anything else is the caller's mistake, reported before anything is sent.
 */
function conditionalHeaders(
  op: OperationDef,
  options: RequestOptions,
  url: string,
): Record<string, string> | undefined {
  const given: unknown = options.ifMatch;
  const cache: unknown = options.cache;
  const what = `${op.method} ${url}`;
  if (cache !== undefined && cache !== false)
    throw new InvalidArgumentError(
      `${what}: the cache option of a call can only be false (bypass the cache).`,
    );
  if (given === undefined) return undefined;
  if (!op.acceptsIfMatch)
    throw new InvalidArgumentError(
      `${what}: ifMatch applies only to the writes that declare If-Match in the spec (replace, update and delete); this operation does not. Nothing was sent.`,
    );
  return { 'If-Match': ifMatchValue(given, what) };
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

type PaginatedOp = OperationDef & {
  readonly pagination: { readonly page: string; readonly limit: string };
  readonly queryParams: readonly ParamDef[];
};

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
