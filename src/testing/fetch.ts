// A `fetch` that answers from MSW handlers in this process, with no server and no global patching
// (MSW's own `getResponse`). It behaves as fetch does where the SDK can tell: an aborted signal rejects
// with its reason, and `HttpResponse.error()` (a dropped connection) rejects with a TypeError whose
// cause carries ECONNRESET, as Node's fetch (undici) does when a socket breaks.
import { getResponse, type RequestHandler } from 'msw';

/** The `fetch` of a mock: the shape `new UserManagementClient({ fetch })` and `globalThis.fetch` take. */
export type MockFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

function connectionReset(): TypeError {
  const cause = Object.assign(
    new Error('The mock dropped the connection (fail(…, { dropConnection: true })).'),
    {
      code: 'ECONNRESET',
    },
  );
  return new TypeError('fetch failed', { cause });
}

/** What fetch rejects with on abort: the signal's reason when it is an Error, else an AbortError. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

/** Resolves with `promise`, or rejects as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

function unreachable(request: Request, baseUrl: string): TypeError {
  const cause = Object.assign(
    new Error(`The mock answers only ${baseUrl}; nothing handles ${request.method} ${request.url}.`),
    { code: 'ENOTFOUND' },
  );
  return new TypeError('fetch failed', { cause });
}

/** A fetch over `handlers`; a request no handler takes (another host) fails as an unknown host does. */
export function createFetch(handlers: readonly RequestHandler[], baseUrl: string): MockFetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await untilAborted(getResponse([...handlers], request), request.signal);
    if (!response) throw unreachable(request, baseUrl);
    if (response.type === 'error') throw connectionReset();
    return response;
  };
}
