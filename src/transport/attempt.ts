// One attempt: send through openapi-fetch under its own AbortSignal (the attempt's timeout on the client's
// clock + the caller's signal), read the body inside the same timeout, and turn whatever happened into an
// outcome or a typed error.
import type { FetchLike } from './fetch.js';
import {
  ApiError,
  ConnectionError,
  InvalidArgumentError,
  errorFromResponse,
  RequestAbortedError,
  snippet,
  TimeoutError,
  UserManagementError,
  type TimeoutKind,
} from '../errors.js';
import { parseRetryAfter } from '../resilience/retry-after.js';
import type { TimeoutClock } from '../resilience/timeout-clock.js';
import { onTimeoutOrAbort } from '../resilience/wait.js';
import { excerpt } from '../text/excerpt.js';
import { headersOf } from './redirects.js';

/** What openapi-fetch resolves with (parseAs: 'text'). */
export interface RawResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** Sends one attempt; `headers` are this attempt's extra headers, `fetch` the transport to use. */
export type Send = (init: {
  signal: AbortSignal;
  headers: Record<string, string> | undefined;
  fetch: FetchLike | undefined;
}) => Promise<RawResult>;

/** What a call's attempt produced: a response that arrived, whatever its status. */
export interface Outcome {
  /** The response. Its body has been read: use `data` (or `error.body`). */
  readonly response: Response;
  /** The parsed JSON body of a successful response, or undefined when it had none. */
  readonly data: unknown;
  /** Set for an error status or an unreadable body; the call throws it unless a policy turns it around. */
  readonly error: ApiError | undefined;
}

export interface AttemptParams {
  readonly method: string;
  readonly url: string;
  /** How messages name the call, e.g. `GET /users/42`. */
  readonly description: string;
  readonly timeoutMs: number;
  /** Which limit `timeoutMs` is: the per-attempt timeout or what is left of the deadline. */
  readonly timeoutKind: TimeoutKind;
  readonly signal: AbortSignal | undefined;
  readonly headers: Record<string, string> | undefined;
  /** The transport (redirects, size cap) for this attempt; the client's default when undefined. */
  readonly fetch?: FetchLike | undefined;
}

const TIMED_OUT = 1;
const CALLER_ABORTED = 2;

/**
 * Sends one attempt under its own AbortSignal, aborted by whichever comes first: the timeout (on the
 * client's shared `clock`) or the caller's signal. The signal covers the body too: `send` reads it.
 */
export async function runAttempt(
  send: Send,
  p: AttemptParams,
  // A client's attempts share its clock; a lone attempt (the OAuth2 token request) has a timer of its own.
  clock?: TimeoutClock,
): Promise<Outcome> {
  const ctl = new AbortController();
  let fired = 0;
  const stop = onTimeoutOrAbort(
    p.timeoutMs,
    p.signal,
    (end) => {
      fired = end === 'timeout' ? TIMED_OUT : CALLER_ABORTED;
      ctl.abort(end === 'timeout' ? new Error('timeout') : p.signal?.reason);
    },
    clock,
  );
  let raw: RawResult;
  try {
    raw = await send({ signal: ctl.signal, headers: p.headers, fetch: p.fetch });
  } catch (err) {
    throw mapFailure(err, fired, p);
  } finally {
    stop();
  }
  return toOutcome(raw, p);
}

function mapFailure(err: unknown, fired: number, p: AttemptParams): Error {
  const what = p.description;
  if (fired === CALLER_ABORTED) {
    return new RequestAbortedError(`${what} was aborted by the caller.`, { cause: p.signal?.reason });
  }
  if (fired === TIMED_OUT) {
    const limit =
      p.timeoutKind === 'attempt' ? 'the per-attempt timeout (timeoutMs)' : 'the deadline (deadlineMs)';
    return new TimeoutError(`${what} timed out after ${p.timeoutMs} ms: ${limit} fired.`, {
      kind: p.timeoutKind,
      timeoutMs: p.timeoutMs,
      cause: err,
    });
  }
  // Raised by the transport itself (RedirectError, ResponseTooLargeError): already typed and bounded.
  if (err instanceof UserManagementError) return err;
  const code = errorCode(err);
  if (code === undefined && err instanceof TypeError && !NETWORK_MESSAGES.test(err.message)) {
    // fetch refused to build the request (a header or URL it cannot encode): nothing left this process.
    // Neither the message nor the cause is kept: undici repeats the offending value, maybe a credential.
    return new InvalidArgumentError(
      `${what} was refused by fetch before sending (TypeError); nothing was sent. Check the headers and URL of this call.`,
    );
  }
  // Refused or unresolvable: the request never left, so even a bare write may be sent again.
  const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  const detail = code ?? excerpt(err instanceof Error ? err.message : String(err), 200);
  return new ConnectionError(
    neverSent
      ? `${what} could not connect (${detail}); the request was not sent.`
      : `${what} failed (${detail}); the connection broke after the request was sent, so the server may have processed it.`,
    { cause: err, mayHaveBeenProcessed: !neverSent },
  );
}

/** What runtimes say for a network failure without a code: undici, Chromium, Firefox, Safari, Workers, Deno. */
const NETWORK_MESSAGES =
  /^(?:fetch failed|Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed|Network connection lost\.|terminated|error sending request)/;

function errorCode(err: unknown): string | undefined {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }).
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function toOutcome(raw: RawResult, p: AttemptParams): Outcome {
  const { response } = raw;
  if (response.ok) {
    const text = raw.data;
    if (typeof text !== 'string' || text === '') return { response, data: undefined, error: undefined };
    try {
      return { response, data: JSON.parse(text) as unknown, error: undefined };
    } catch {
      return {
        response,
        data: undefined,
        error: new ApiError({
          status: response.status,
          statusText: response.statusText,
          headers: headersOf(response),
          body: text,
          method: p.method,
          url: p.url,
          parseFailure: `the response body is not valid JSON: ${snippet(text)}`,
        }),
      };
    }
  }
  const headers = headersOf(response);
  const retryAfterMs = parseRetryAfter((name) => headers[name]);
  return {
    response,
    data: undefined,
    error: errorFromResponse({
      status: response.status,
      statusText: response.statusText,
      headers,
      body: raw.error === '' ? undefined : raw.error,
      method: p.method,
      url: p.url,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    }),
  };
}
