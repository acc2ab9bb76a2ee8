// `transport: 'undici'` (Node only): each request openapi-fetch builds is sent with undici's Dispatcher
// API (`undici.request`) instead of fetch. undici is the engine of Node's own fetch; its request API
// skips fetch's per-request machinery (the Fetch spec's Response/Headers objects, the body mixins, the
// CORS and redirect bookkeeping), which on loopback is most of a request's cost. Everything the SDK
// does around fetch stays: the attempt's signal (timeout and caller's abort, body included) is passed
// to undici, which destroys the socket's response on abort; redirects come back unfollowed (undici.request
// never follows them), so transport/redirects.ts decides; the body is handed over as a web stream, so
// the size cap reads it as it does fetch's. The browser build swaps this file for undici.browser.ts.
//
// undici is an optional peer dependency, required on the first client that asks for it: applications
// that keep the default fetch never load it.
import { ConfigError } from '../errors.js';
import { loadUndici } from '../platform.js';

/** The part of the `undici` package this transport uses. */
interface UndiciModule {
  request(
    url: string,
    options: {
      method: string;
      headers: Record<string, string>;
      body: Uint8Array | null;
      signal: AbortSignal;
      dispatcher?: object;
    },
  ): Promise<{
    statusCode: number;
    statusText?: string;
    headers: Record<string, string | string[] | undefined>;
    body: { readonly body: ReadableStream<Uint8Array>; dump(): Promise<void> };
  }>;
}

/** Statuses whose responses carry no body (Fetch: "null body status"); `Response` refuses one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Content codings fetch would have decoded and the runtime's DecompressionStream can. */
const DECODABLE = new Set(['gzip', 'x-gzip', 'deflate']);

/**
 * A fetch over `undici.request`, sending through `dispatcher` (an undici `Agent`, `ProxyAgent`,
 * `MockAgent`…) or undici's global one. Throws ConfigError when the `undici` package is not installed.
 */
export function createUndiciFetch(
  dispatcher: object | undefined,
): (request: Request, init?: RequestInit) => Promise<Response> {
  const undici = loadUndici() as UndiciModule | null;
  if (undici === null || typeof undici.request !== 'function') {
    throw new ConfigError(
      "transport 'undici' needs the `undici` package: run `npm install undici` (an optional peer dependency), or use the default transport 'fetch'.",
    );
  }
  const base = dispatcher === undefined ? {} : { dispatcher };
  return async (request, init) => {
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
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (typeof value === 'string') responseHeaders.append(name, value);
      else if (value) for (const v of value) responseHeaders.append(name, v);
    }
    let stream: ReadableStream<Uint8Array> | null = null;
    if (NULL_BODY.has(res.statusCode) || request.method === 'HEAD') {
      await res.body.dump();
    } else {
      stream = res.body.body;
      // fetch decodes what the server compressed; so does this transport (no Accept-Encoding is sent,
      // so only a server that compresses unasked needs it).
      const coding = responseHeaders.get('content-encoding')?.trim().toLowerCase();
      if (coding !== undefined && DECODABLE.has(coding)) {
        stream = stream.pipeThrough(
          new DecompressionStream(coding === 'deflate' ? 'deflate' : 'gzip') as ReadableWritablePair<
            Uint8Array,
            Uint8Array
          >,
        );
      }
    }
    const responseInit = { status: res.statusCode, headers: responseHeaders };
    try {
      return new Response(stream, { ...responseInit, statusText: res.statusText ?? '' });
    } catch {
      // A status text this runtime will not copy (it came from the server): keep the rest.
      return new Response(stream, responseInit);
    }
  };
}
