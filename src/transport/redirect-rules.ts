// The redirect rules both halves of redirect handling read: the first hop (./redirects.ts, on every
// call) and the following (./follow-redirects.ts, a chunk loaded at the first redirect).

/** What the client does with a redirect; see {@link ConnectionOptions.redirects}. */
export type RedirectPolicy = 'same-origin' | 'none' | 'any-origin';

/** The accepted values of `redirects`. */
export const REDIRECT_POLICIES: readonly RedirectPolicy[] = ['same-origin', 'none', 'any-origin'];

/** Redirects followed per request before giving up (fetch's own limit is 20; five is plenty for an API). */
export const MAX_REDIRECTS = 5;

const FOLLOWED = new Set([301, 302, 303, 307, 308]);

export interface RedirectSettings {
  readonly policy: RedirectPolicy;
  /** Lower-case names of headers the caller configured; never sent to another origin. */
  readonly privateHeaders: ReadonlySet<string>;
}

/**
 * Whether `response` is a redirect the client must act on under `policy`: one it follows (a 301, 302,
 * 303, 307 or 308 with a Location), one it refuses (any 3xx but 304 under `'none'`), or a browser's
 * opaque one.
 */
export function isRedirectToHandle(response: Response, policy: RedirectPolicy): boolean {
  const { status } = response;
  return (
    response.type === 'opaqueredirect' ||
    (policy === 'none'
      ? status >= 300 && status < 400 && status !== 304
      : FOLLOWED.has(status) && response.headers.has('location'))
  );
}

/** Response headers for errors: lower-cased, Set-Cookie redacted. */
export function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    out[key] = key === 'set-cookie' ? '[REDACTED]' : value;
  });
  return out;
}
