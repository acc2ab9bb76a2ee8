// The response body, read under a byte limit: a hostile or broken server cannot make the client
// buffer more than `maxResponseBytes`, and an error body (kept on the error for debugging) is cut to
// ERROR_BODY_BYTES, so retried 5xx answers cannot pile up either.
import { ResponseTooLargeError } from '../errors.js';

/**
 * Default `maxResponseBytes`: 16 MiB. The largest page this API returns (100 users) is well under
 * 1 MiB; 16 MiB leaves room for far bigger records while keeping a runaway or hostile body from
 * taking hundreds of MB of memory (a JSON parse needs several times the text's size again).
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** How much of an error response's body is kept on the error (`err.body`), in bytes. */
export const ERROR_BODY_BYTES = 64 * 1024;

/** Statuses whose responses can have no body (Fetch: "null body status"); `Response` refuses one. */
export const NULL_BODY: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Returns `response` with its body read into memory under the limit: for a 2xx, more than
 * `limitBytes` (declared in Content-Length or counted while streaming) cancels the body and rejects
 * with ResponseTooLargeError; for any other status the first `min(limitBytes, ERROR_BODY_BYTES)` bytes
 * are kept and the rest is cancelled.
 */
export function readCapped(
  response: Response,
  limitBytes: number,
  what: () => string,
): Response | Promise<Response> {
  const stream = response.body;
  if (!stream || NULL_BODY.has(response.status)) return response;
  const keep = keptBytes(response.ok, limitBytes);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (response.ok && declared > limitBytes) {
    return stream
      .cancel()
      .catch(() => undefined)
      .then(() => {
        throw tooLargeError(what, response.status, limitBytes);
      });
  }
  // Fast path, answered at once (no promise of its own): a declared length within the limit binds the
  // body (fetch fails a body longer than its Content-Length), unless it is compressed — then the
  // length says nothing about what it inflates to.
  const encoding = response.headers.get('content-encoding');
  if (declared <= keep && (encoding === null || encoding === 'identity')) return response;
  return readWithin(response, stream, keep, () => tooLargeError(what, response.status, limitBytes));
}

/** The body read as it streams in, up to `keep` bytes (see readCapped). */
async function readWithin(
  response: Response,
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
  keep: number,
  tooLarge: () => ResponseTooLargeError,
): Promise<Response> {
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = keep - total;
    if (value.byteLength > room) {
      if (room > 0) chunks.push(value.subarray(0, room));
      total += Math.max(0, room);
      await reader.cancel().catch(() => undefined);
      if (response.ok) throw tooLarge();
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  const bytes = concat(chunks, total);
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  try {
    return new Response(bytes, init);
  } catch {
    // A status text this runtime will not copy (it came from the server): keep the rest. (Written out
    // here rather than shared with the undici transport's helper: a helper costs the browser bundle bytes.)
    return new Response(bytes, { status: response.status, headers: response.headers });
  }
}

/** How much of a body is read: all of it up to the limit for a 2xx, else what an error keeps. */
export function keptBytes(ok: boolean, limitBytes: number): number {
  return ok ? limitBytes : Math.min(limitBytes, ERROR_BODY_BYTES);
}

/** The error for a 2xx body over `limitBytes`; `what` describes the call. */
export function tooLargeError(what: () => string, status: number, limitBytes: number): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `${what()} → ${status}: the response body is larger than maxResponseBytes (${limitBytes} bytes); reading stopped there and the connection was closed.`,
    limitBytes,
  );
}

/** The chunks as one array (the chunk itself when there is one); `total` is their length together. */
export function concat(chunks: readonly Uint8Array<ArrayBuffer>[], total: number): Uint8Array<ArrayBuffer>;
export function concat(chunks: readonly Uint8Array[], total: number): Uint8Array;
export function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
