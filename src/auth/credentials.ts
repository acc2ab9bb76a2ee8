// Turns the resolved auth settings into headers: fixed ones set once on the openapi-fetch client,
// and an Authorizer for tokens that must be fetched per attempt (a token function, OAuth2).
import type { FetchLike, ResolvedConfig } from '../config.js';
import type { Authorizer } from '../resilience/pipeline.js';
import { ConfigError, UserManagementError } from '../errors.js';
import { checkHeaderValue } from '../http/header-values.js';
import { createOAuth2Authorizer } from './oauth2.js';

/** Headers that never change for the client's lifetime. */
export function staticAuthHeaders(config: ResolvedConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  if (config.apiKey !== undefined) headers['X-API-Key'] = config.apiKey;
  if (config.auth.kind === 'bearer' && typeof config.auth.token === 'string') {
    headers.Authorization = `Bearer ${config.auth.token}`;
  }
  return headers;
}

/** An Authorizer when the token must be looked up per attempt; undefined when headers are fixed. */
export function createAuthorizer(config: ResolvedConfig, fetch: FetchLike): Authorizer | undefined {
  const auth = config.auth;
  if (auth.kind === 'oauth2')
    return createOAuth2Authorizer(auth.credentials, fetch, config.timeoutMs, config.maxResponseBytes);
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
