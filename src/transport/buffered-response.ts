// A Response whose body is already in memory, for `transport: 'undici'` (Node only). Handing
// openapi-fetch `new Response(bytes)` or `new Response(stream)` costs a web ReadableStream per call —
// built by the constructor, then read back chunk by chunk through its reader and promises by
// `text()` — which on loopback was the larger part of this transport's client CPU per call. This
// Response is constructed with no body (its status and headers are the real thing), keeps the bytes,
// and answers the body methods from them; `body` makes a stream only if someone asks for one
// (openapi-fetch's `parseAs: 'stream'` through `raw`). One read, as with any Response: a second one
// rejects with the same TypeError fetch's responses give.

/** Bytes decoded as `Response.text()` does: UTF-8, the BOM dropped, bad sequences replaced. */
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** A Response over bytes already read: `bytes` null for a response without a body (see the file comment). */
export type BufferedResponseClass = new (bytes: Uint8Array | null, init: ResponseInit) => Response;

/**
 * Defines the class over `Base` (the global `Response`), when the undici transport is created. Not at
 * module load: in Node 20 the first read of the global `Response` loads Node's whole fetch
 * implementation (~16 ms), which `import 'user-management-sdk'` must not pay — its cold import is
 * measured (bench coldImport) and tested (test/package/node-lazy.test.ts).
 */
export function defineBufferedResponse(Base: typeof Response): BufferedResponseClass {
  return class BufferedResponse extends Base {
    readonly #bytes: Uint8Array;
    readonly #hasBody: boolean;
    #used = false;
    #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;

    /** `bytes` null: a response without a body (a null-body status such as 204 or 304, or HEAD). */
    constructor(bytes: Uint8Array | null, init: ResponseInit) {
      super(null, init);
      this.#bytes = bytes ?? new Uint8Array(0);
      this.#hasBody = bytes !== null;
    }

    /** The bytes, once: later reads fail as they do on a Response whose body was read. */
    #take(): Promise<Uint8Array> {
      if (this.bodyUsed || this.#stream !== undefined)
        return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
      this.#used = true;
      return Promise.resolve(this.#bytes);
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      if (!this.#hasBody) return null;
      if (this.#stream === undefined) {
        // A body already read gives nothing more, as fetch's does.
        const stream = new Response(this.#used ? new Uint8Array(0) : this.#bytes.slice()).body;
        if (stream === null) return null;
        this.#stream = stream;
      }
      return this.#stream;
    }

    override get bodyUsed(): boolean {
      return this.#used || this.#stream?.locked === true;
    }

    override text(): Promise<string> {
      return this.#take().then(decode);
    }

    override json(): Promise<unknown> {
      return this.#take().then((bytes) => JSON.parse(decode(bytes)) as unknown);
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return this.#take().then((b) => b.slice().buffer);
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#take().then((b) => b.slice());
    }

    override blob(): Promise<Blob> {
      return this.#take().then(
        (b) => new Blob([b.slice()], { type: this.headers.get('content-type') ?? '' }),
      );
    }

    override formData(): Promise<FormData> {
      return this.#take().then((b) => new Response(b.slice(), { headers: this.headers }).formData());
    }

    override clone(): Response {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      const init = { status: this.status, statusText: this.statusText, headers: this.headers };
      return new BufferedResponse(this.#hasBody ? this.#bytes : null, init);
    }
  };
}
