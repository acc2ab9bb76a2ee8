// The one request path of the generated methods and standalone functions: `call(operationId, row,
// { path, query, body }, options)` checks the input against the operation's row of the table, sends it
// through openapi-fetch under the client's resilience pipeline, and returns an APIPromise typed from the
// generated `paths` by operationId. Each caller hands in its own row, so nothing here reads the whole
// operation table and a bundle keeps only the rows of the operations it calls. Paginated operations go
// through paginate.ts, which adds the paging on top of the same `send`.
import type { Client } from 'openapi-fetch';
import type { RequestOptions, ResolvedConfig } from '../config.js';
import type { CallPlan, Pipeline } from '../pipeline/create-pipeline.js';
import type { paths, Result, SdkQuery, PathParams, RequestBody } from './api-types.js';
import type { Outcome } from '../transport/attempt.js';
import type { OperationDef, OperationId } from './operations.js';
import { DEFAULT_PAGE_SIZE } from './page.js';
import { APIPromise } from './response.js';
import { serializeBody } from '../transport/serialize-body.js';
import { InvalidArgumentError } from '../errors.js';
import { loadFailed } from '../load-once.js';
import { checkInput, type CallValues } from './validate.js';
import { ifMatchValue, rememberEtag } from './etag.js';
import type { ModifyFn, ModifyOptions } from './modify.js';
import { urlWithQuery } from './cache-hint.js';

const asIs = (text: unknown): unknown => text;

/** The input of one call, typed from the generated operation: path parameters, query (SDK names), body. */
export interface CallInput<Id extends OperationId> {
  readonly path?: PathParams<Id>;
  readonly query?: SdkQuery<Id> | undefined;
  readonly body?: RequestBody<Id>;
}

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
export function asSpecified<T>(data: unknown): T {
  return data as T;
}

/** The runtime behind every generated method and standalone function. One per client (or core). */
export class Core {
  readonly #request: LooseRequest;
  readonly #config: ResolvedConfig;
  readonly #pipeline: Pipeline;

  constructor(raw: Client<paths>, config: ResolvedConfig, pipeline: Pipeline) {
    this.#config = config;
    this.#pipeline = pipeline;
    // One generic entry into openapi-fetch for every operation: the operation's row supplies method and
    // path at run time, and the public signatures (CallInput/Result by operationId) carry the types.
    this.#request = (raw.request as unknown as LooseRequest).bind(raw);
  }

  /** Checks the input, then runs one operation through the pipeline. Rejects (never throws) on bad input. */
  send(
    id: string,
    op: OperationDef,
    input: CallValues,
    options: RequestOptions | undefined,
    label = `${op.sdk?.method ?? id} params`,
  ): Promise<Outcome> {
    // Not an async function: the pipeline's promise is handed back as it is, not wrapped in another
    // one (which costs a promise and three microtask turns per call); bad input still rejects.
    let plan: CallPlan;
    try {
      plan = this.#plan(id, op, input, options, label);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    return this.#pipeline.execute(plan, options);
  }

  /** What to send for one call: the input checked, the path built, the body serialized. */
  #plan(
    id: string,
    op: OperationDef,
    input: CallValues,
    options: RequestOptions | undefined,
    label: string,
  ): CallPlan {
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
    return {
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
    };
  }

  /** Runs one operation; resolves to its body (or undefined when the spec's successes are empty). */
  call<Id extends OperationId>(
    id: Id,
    op: OperationDef,
    input: CallInput<Id>,
    options: RequestOptions | undefined,
  ): APIPromise<Result<Id>> {
    const returnsData = op.returnsData;
    return new APIPromise(this.send(id, op, input, options), (outcome) => {
      if (returnsData === false) return asSpecified<Result<Id>>(undefined);
      // The object remembers its version, for `etagOf()` and `ifMatch`.
      rememberEtag(outcome.data, outcome.response.headers.get('etag'));
      return asSpecified<Result<Id>>(outcome.data);
    });
  }
}

/**
 * Read-modify-write of one item (see modify.ts): `read` is the generated get, `write` the generated
 * update, called with `If-Match`, again from a fresh read after a 412. `what` names it in messages.
 */
export function modify<T, Patch, R>(
  read: (options: RequestOptions) => PromiseLike<T>,
  write: (patch: Patch, options: RequestOptions) => PromiseLike<R>,
  change: ModifyFn<T, Patch>,
  options: ModifyOptions | undefined,
  what: string,
): Promise<R> {
  // The read-modify-write loop (modify.ts) is loaded on the first modify(), so apps that never call it
  // do not ship it; it fails only by rejecting, so loading it first changes nothing a caller sees.
  return import('./modify.js')
    .catch((err: unknown) => loadFailed('modify()', err))
    .then(({ readModifyWrite }) => readModifyWrite(read, write, change, options, what) as Promise<R>);
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
