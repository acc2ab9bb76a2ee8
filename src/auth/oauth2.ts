// OAuth2 client credentials (RFC 6749 §4.4): fetch a token, cache it until shortly before it expires,
// share one refresh among concurrent calls, and never let the secret reach a message or a log.
import createClient from 'openapi-fetch';
import { ApiError, AuthenticationError, describeCall, UserManagementError } from '../errors.js';
import { excerpt } from '../text/excerpt.js';
import { runAttempt } from '../transport/attempt.js';
import type { FetchLike } from '../transport/fetch.js';
import { createTransport } from '../transport/guarded-fetch.js';
import { headerValueProblem } from '../transport/header-values.js';
import { urlForMessages } from '../transport/transport-security.js';

interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenUrl: string;
  readonly scope?: string;
}

const NONE: ReadonlySet<string> = new Set();

/** Refresh this long before expiry, so a token never expires in flight. */
const EXPIRY_SKEW_MS = 30_000;
/** When the server omits expires_in. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;

export function createOAuth2Authorizer(
  credentials: Credentials,
  fetch: FetchLike,
  timeoutMs: number,
  maxResponseBytes: number,
): (refresh: boolean) => Promise<string> {
  // The token endpoint goes through openapi-fetch and the same transport as every other request: the
  // client secret never follows a redirect to another origin, and the answer is read under the cap.
  const client = createClient({
    fetch: createTransport(fetch, { redirects: 'same-origin', maxResponseBytes, privateHeaders: NONE }),
  });
  // Messages name the endpoint without its query string, which some providers use for secrets.
  const shownUrl = urlForMessages(credentials.tokenUrl);
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (credentials.scope) form.set('scope', credentials.scope);
    const basic = btoa(
      `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`,
    );
    let outcome;
    try {
      outcome = await runAttempt(
        ({ signal, headers }) =>
          client.request(
            'post',
            credentials.tokenUrl as never,
            {
              body: form.toString(),
              bodySerializer: (b: unknown) => b,
              headers: {
                ...headers,
                'Content-Type': 'application/x-www-form-urlencoded',
                Accept: 'application/json',
                Authorization: `Basic ${basic}`,
              },
              parseAs: 'text',
              signal,
            } as never,
          ),
        {
          method: 'POST',
          url: shownUrl,
          description: describeCall('POST', shownUrl),
          timeoutMs,
          timeoutKind: 'attempt',
          signal: undefined,
          headers: undefined,
        },
      );
    } catch (err) {
      throw new AuthenticationError(
        { status: 0, headers: {}, body: undefined, method: 'POST', url: shownUrl },
        `OAuth2 token request to ${shownUrl} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (outcome.error) throw tokenError(outcome.error, shownUrl);
    const body = outcome.data as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (
      typeof body?.access_token !== 'string' ||
      body.access_token === '' ||
      headerValueProblem(body.access_token) !== undefined
    ) {
      throw new AuthenticationError(
        {
          status: outcome.response.status,
          headers: {},
          body: undefined,
          method: 'POST',
          url: shownUrl,
        },
        `OAuth2 token endpoint ${shownUrl} answered without an access_token that can be sent in a header.`,
      );
    }
    const lifetime =
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in * 1000
        : DEFAULT_LIFETIME_MS;
    cached = {
      token: body.access_token,
      expiresAt: Date.now() + lifetime - Math.min(EXPIRY_SKEW_MS, lifetime / 10),
    };
    return body.access_token;
  }

  return (refresh) => {
    if (!refresh && cached && Date.now() < cached.expiresAt) return Promise.resolve(cached.token);
    if (refresh) cached = undefined;
    inflight ??= fetchToken().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}

function tokenError(error: ApiError, tokenUrl: string): UserManagementError {
  const body = error.body as { error?: unknown; error_description?: unknown } | undefined;
  const said = excerpt(
    [body?.error, body?.error_description].filter((s) => typeof s === 'string').join(': '),
  );
  return new AuthenticationError(
    { status: error.status, headers: error.headers, body: error.body, method: 'POST', url: tokenUrl },
    `OAuth2 token request to ${tokenUrl} → ${error.status}${said ? `: ${said}` : ''}`,
  );
}
