// What openapi-fetch builds for each request, when the SDK itself makes the fetch call (the global
// fetch, `transport: 'undici'`; see takesSignalInInit). openapi-fetch takes a Request class as an
// option and builds `new Request(url, init)`; a real Request validates and copies its headers, creates
// an AbortController and a body stream — and fetch then builds a second Request from the first, doing
// all of it again. This class only keeps the parts (URL, method, headers, body, redirect mode), and
// the SDK's fetch hands them to the runtime's fetch as `fetch(url, init)`, so each attempt builds one
// Request, in fetch itself, where its validation happens too (a bad header value still fails there,
// as a TypeError, before anything is sent). An application's own fetch still gets a real Request.

/** The Request members the SDK's transport reads. */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly redirect: RequestRedirect;
  readonly signal: AbortSignal | null;
  /** The serialized body (openapi-fetch's bodySerializer gives a string), or null. */
  readonly body: string | null;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.redirect = init.redirect ?? 'follow';
    this.signal = init.signal ?? null;
    this.body = typeof init.body === 'string' ? init.body : null;
  }

  /** A copy, for a redirect that must send the body again. */
  clone(): PlainRequest {
    return new PlainRequest(this.url, this);
  }

  /** The body's bytes. */
  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.body ?? '').buffer);
  }

  /** What fetch needs besides the URL; `signal` is the attempt's when given. */
  init(signal: AbortSignal | null | undefined): RequestInit {
    return {
      method: this.method,
      headers: this.headers,
      body: this.body,
      redirect: this.redirect,
      signal: signal ?? this.signal,
    };
  }
}
