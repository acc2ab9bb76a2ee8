// `transport: 'undici'` (Node only): each request openapi-fetch builds is sent with undici's Dispatcher
// API (`undici.request`) instead of fetch. undici is the engine of Node's own fetch; its request API
// skips fetch's per-request machinery (the Fetch spec's Request/Response objects, web streams, the
// CORS and redirect bookkeeping), which on loopback is most of a request's cost. Everything the SDK
// does around fetch stays: the attempt's signal (timeout and caller's abort, body included) is passed
// to undici, which destroys the response on abort; redirects come back unfollowed (undici.request never
// follows them), so transport/redirects.ts decides. The body is read here, from undici's own stream,
// under the size cap the transport passes in (`maxResponseBytes`), and handed over as a
// BufferedResponse (no web stream; see buffered-response.ts). A compressed body, rare since no
// Accept-Encoding is sent, takes the web-stream path through DecompressionStream and the shared cap.
// The browser build swaps this file for undici.browser.ts.
//
// undici is an optional peer dependency, required on the first client that asks for it: applications
// that keep the default fetch never load it.
import { describeCall } from '../describe.js';
import { ConfigError } from '../errors.js';
import { loadUndici } from '../platform.js';
import { defineBufferedResponse } from './buffered-response.js';
import type { BodyReadingFetch } from './body-reading-fetch.js';
import {
  concat,
  DEFAULT_MAX_RESPONSE_BYTES,
  keptBytes,
  NULL_BODY,
  readCapped,
  tooLargeError,
} from './read-body.js';

/** undici's response body: a Node Readable with undici's web-stream view. */
interface UndiciBody {
  readonly body: ReadableStream<Uint8Array>;
  dump(): Promise<void>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): UndiciBody;
  on(event: 'end', listener: () => void): UndiciBody;
  on(event: 'error', listener: (err: unknown) => void): UndiciBody;
  destroy(): void;
}

/** The part of the `undici` package this transport uses. */
interface UndiciModule {
  request(
    url: string,
    options: {
      method: string;
      headers: Record<string, string>;
      body: Uint8Array | null;
      signal: AbortSignal | null | undefined;
      dispatcher?: object;
    },
  ): Promise<{
    statusCode: number;
    statusText?: string;
    headers: Record<string, string | string[] | undefined>;
    body: UndiciBody;
  }>;
}

/** Content codings fetch would have decoded and the runtime's DecompressionStream can. */
const DECODABLE = new Set(['gzip', 'x-gzip', 'deflate']);

/**
 * A fetch over `undici.request`, sending through `dispatcher` (an undici `Agent`, `ProxyAgent`,
 * `MockAgent`…) or undici's global one. It reads the body itself, under `init.maxResponseBytes`.
 * Throws ConfigError when the `undici` package is not installed.
 */
export function createUndiciFetch(dispatcher: object | undefined): BodyReadingFetch {
  const undici = loadUndici() as UndiciModule | null;
  if (undici === null || typeof undici.request !== 'function') {
    throw new ConfigError(
      "transport 'undici' needs the `undici` package: run `npm install undici` (an optional peer dependency), or use the default transport 'fetch'.",
    );
  }
  const base = dispatcher === undefined ? {} : { dispatcher };
  const Buffered = defineBufferedResponse(Response);
  const send = async (
    request: Request,
    init?: RequestInit & { maxResponseBytes?: number },
  ): Promise<Response> => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // openapi-fetch's bodies are strings (JSON) held by the Request; read back as bytes, undici sends
    // them with a Content-Length rather than chunked.
    const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    const res = await undici.request(request.url, {
      ...base,
      method: request.method,
      headers,
      body,
      // The attempt's signal, when the SDK passes it beside the Request (see takesSignalInInit).
      signal: init?.signal ?? request.signal,
    });
    const pairs: [string, string][] = [];
    let coding: string | undefined;
    for (const name in res.headers) {
      const value = res.headers[name];
      if (typeof value === 'string') pairs.push([name, value]);
      else if (value) for (const v of value) pairs.push([name, v]);
      if (name === 'content-encoding' && typeof value === 'string') coding = value.trim().toLowerCase();
    }
    const status = res.statusCode;
    const responseInit = { status, statusText: res.statusText ?? '', headers: pairs };
    const limit = init?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const what = (): string => describeCall(request.method, request.url, false);
    if (NULL_BODY.has(status) || request.method === 'HEAD') {
      await res.body.dump();
      return withStatusText((i) => new Buffered(null, i), responseInit);
    }
    if (coding !== undefined && DECODABLE.has(coding)) {
      // fetch decodes what the server compressed; so does this transport, through a web stream.
      const stream = res.body.body.pipeThrough(
        new DecompressionStream(coding === 'deflate' ? 'deflate' : 'gzip') as ReadableWritablePair<
          Uint8Array,
          Uint8Array
        >,
      );
      return readCapped(
        withStatusText((i) => new Response(stream, i), responseInit),
        limit,
        what,
      );
    }
    const ok = status >= 200 && status < 300;
    const keep = keptBytes(ok, limit);
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (ok && declared > limit) {
      res.body.on('error', noop).destroy();
      throw tooLargeError(what, status, limit);
    }
    const { bytes, cut } = await readWithin(res.body, keep);
    if (cut && ok) throw tooLargeError(what, status, limit);
    return withStatusText((i) => new Buffered(bytes, i), responseInit);
  };
  return Object.assign(send, { readsBody: true as const });
}

function noop(): void {}

/**
 * `make(init)`, or `make` without the status text when this runtime refuses to copy it (it came from
 * the server, which may send anything there): the response keeps its status, headers and body.
 */
function withStatusText<R>(
  make: (init: ResponseInit) => R,
  init: { readonly status: number; readonly statusText: string; readonly headers: [string, string][] },
): R {
  try {
    return make(init);
  } catch {
    return make({ status: init.status, headers: init.headers });
  }
}

/**
 * The body, up to `keep` bytes: past that the rest is not read and the response is destroyed (undici
 * closes the connection); `cut` says so. An abort (the attempt's signal) destroys the body with its
 * reason, which rejects here.
 */
function readWithin(body: UndiciBody, keep: number): Promise<{ bytes: Uint8Array; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const finish = (cut: boolean): void => {
      settled = true;
      resolve({ bytes: concat(chunks, total), cut });
    };
    body
      .on('data', (chunk) => {
        if (settled) return;
        const room = keep - total;
        if (chunk.byteLength > room) {
          if (room > 0) chunks.push(chunk.subarray(0, room));
          total += Math.max(0, room);
          body.destroy();
          finish(true);
          return;
        }
        chunks.push(chunk);
        total += chunk.byteLength;
      })
      .on('end', () => {
        if (!settled) finish(false);
      })
      // Stays attached once settled: destroying the body above makes undici emit an abort error.
      .on('error', (err) => {
        if (settled) return;
        settled = true;
        reject(err instanceof Error ? err : new Error(String(err)));
      });
  });
}
