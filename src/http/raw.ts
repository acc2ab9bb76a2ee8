// `client.raw` — the typed openapi-fetch client — on the same request path as the generated methods: its
// fetch runs each request through the client's pipeline (retries, breaker, deadline, auth refresh,
// logging, telemetry), with the operation's idempotency taken from the spec's operation table.
// openapi-fetch builds one Request per call; a retry must not re-send it ("Body has already been used",
// openapi-typescript #1122), so the body is read once and every attempt gets a fresh Request.
import createClient, { type Client, type ClientOptions as FetchClientOptions } from 'openapi-fetch';
import type { RequestOptions } from '../config.js';
import type { FetchLike } from '../transport/fetch.js';
import { ApiError } from '../errors.js';
import type { Pipeline } from '../pipeline/create-pipeline.js';
import type { paths } from './api-types.js';
import { operations, type OperationDef } from './operations.js';

/** Statuses whose responses have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

interface Route {
  readonly id: string;
  readonly op: OperationDef;
  readonly pattern: RegExp;
}

/** The operation a method and path (relative to the base URL) belong to, from the operation table. */
function routesOf(): Route[] {
  return Object.entries(operations).map(([id, op]: [string, OperationDef]) => ({
    id,
    op,
    pattern: new RegExp(
      `^${op.path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}/?$`,
    ),
  }));
}

/** Creates the public openapi-fetch client whose every request goes through `pipeline`. */
export function createRawClient(
  options: FetchClientOptions & { baseUrl: string },
  fetch: FetchLike,
  pipeline: Pipeline,
): Client<paths> {
  let routes: Route[] | undefined;
  const basePath = new URL(options.baseUrl).pathname.replace(/\/$/, '');
  const find = (method: string, url: string): { id: string; op: OperationDef } => {
    routes ??= routesOf();
    const pathname = new URL(url).pathname;
    const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) || '/' : pathname;
    const route = routes.find((r) => r.op.method === method && r.pattern.test(path));
    if (route) return route;
    // A path the spec does not have: retried only if its method is idempotent.
    return {
      id: `${method} ${path}`,
      op: { method, path, tag: 'raw', acceptsIdempotencyKey: false, successStatus: 200, successStatuses: [] },
    };
  };

  const throughPipeline: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const { id, op } = find(request.method, request.url);
    // Read once; each attempt sends a new Request over the same bytes.
    const body = request.body ? await request.arrayBuffer() : undefined;
    let last: Response | undefined;
    const callOptions: RequestOptions = { signal: request.signal };
    try {
      const outcome = await pipeline.execute(
        {
          operationId: id,
          op,
          url: request.url,
          // Not kept (the caller controls raw's headers), but a write evicts what the methods cached.
          cache: { key: request.url, tag: op.tag, list: op.pagination != null, store: false },
          send: async ({ signal, headers, fetch: transport }) => {
            const merged = new Headers(request.headers);
            for (const [k, v] of Object.entries(headers ?? {})) merged.set(k, v);
            // The pipeline's transport (redirects, size cap) when it hands one, else the client's fetch.
            const response = await (transport ?? fetch)(
              new Request(request.url, {
                method: request.method,
                headers: merged,
                body: body ?? null,
                signal,
              }),
            );
            // Read the body inside the attempt (under its timeout) and hand openapi-fetch a fresh copy.
            const bytes = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
            const copy = new Response(bytes, {
              status: response.status,
              statusText: response.statusText,
              headers: response.headers,
            });
            if (response.ok) return { response: copy };
            last = copy;
            return { response: copy, error: bytes ? new TextDecoder().decode(bytes) : '' };
          },
        },
        callOptions,
      );
      return outcome.response;
    } catch (err) {
      // An HTTP error the pipeline gave up on: openapi-fetch reports it as `{ error, response }`, as
      // without the pipeline. Connection failures, timeouts and an open breaker reject.
      if (err instanceof ApiError && last) return last;
      throw err;
    }
  };
  return createClient<paths>({ ...options, fetch: throughPipeline });
}
