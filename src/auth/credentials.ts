// Turns resolved credentials into headers: fixed ones set once on the openapi-fetch client, and an
// Authorizer for tokens that must be fetched per attempt (a token function, OAuth2).
import { ConfigError, UserManagementError } from '../errors.js';
import type { FetchLike } from '../transport/fetch.js';
import { checkHeaderValue } from '../transport/header-values.js';
import { loadOnce } from '../load-once.js';

/** Returns the bearer token to send; called before every attempt, so it can rotate. */
export type TokenProvider = () => string | Promise<string>;

/** OAuth2 client-credentials settings (RFC 6749 §4.4). */
export interface OAuth2ClientCredentials {
  /** The client id. */
  clientId: string;
  /** The client secret; never logged nor put in an error. */
  clientSecret: string;
  /** Space-separated scopes to ask for. @default none */
  scope?: string | undefined;
  /** Token endpoint. @default `${baseUrl}/oauth/token` */
  tokenUrl?: string | undefined;
}

/** Auth as resolved: what to send, never printed. */
export type ResolvedAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'bearer'; readonly token: string | TokenProvider }
  | {
      readonly kind: 'oauth2';
      readonly credentials: {
        readonly clientId: string;
        readonly clientSecret: string;
        readonly tokenUrl: string;
        readonly scope?: string;
      };
    };

/** Supplies a bearer token per attempt; `refresh` forces a new one after a 401. */
export type Authorizer = (refresh: boolean) => Promise<string>;

/** Headers that never change for the client's lifetime. */
export function staticAuthHeaders(apiKey: string | undefined, auth: ResolvedAuth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (apiKey !== undefined) headers['X-API-Key'] = apiKey;
  if (auth.kind === 'bearer' && typeof auth.token === 'string') {
    headers.Authorization = `Bearer ${auth.token}`;
  }
  return headers;
}

/** An Authorizer when the token must be looked up per attempt; undefined when headers are fixed. */
export function createAuthorizer(
  auth: ResolvedAuth,
  fetch: FetchLike,
  timeoutMs: number,
  maxResponseBytes: number,
): Authorizer | undefined {
  if (auth.kind === 'oauth2') {
    // The client-credentials flow (oauth2.ts) is loaded on the first token request, so clients without
    // OAuth2 never ship it; the credentials were validated at construction (policies/auth.ts).
    const { credentials } = auth;
    const load = loadOnce('OAuth2', async () =>
      (await import('./oauth2.js')).createOAuth2Authorizer(credentials, fetch, timeoutMs, maxResponseBytes),
    );
    return async (refresh) => (await load())(refresh);
  }
  if (auth.kind === 'bearer' && typeof auth.token === 'function') {
    const provide = auth.token;
    return async () => {
      let token: unknown;
      try {
        token = await provide();
      } catch (err) {
        throw new UserManagementError(
          `The token function failed: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
      // A ConfigError (the token function is client configuration) that never repeats what it returned.
      if (typeof token !== 'string' || token === '' || /[\r\n]/.test(token)) {
        throw new ConfigError('The token function must return a non-empty single-line string.');
      }
      checkHeaderValue("The token function's result", token, ConfigError);
      return token;
    };
  }
  return undefined;
}
