// Credentials: an API key (X-API-Key) and a fixed bearer token are set once on the openapi-fetch client;
// a token function or OAuth2 client credentials get a token before every attempt (this policy), so a
// token can rotate and a 401 can be answered with a fresh one (the retry policy sets ctx.refreshAuth).
import type {
  Authorizer,
  OAuth2ClientCredentials,
  ResolvedAuth,
  TokenProvider,
} from '../auth/credentials.js';
import { envValue } from '../env.js';
import { ConfigError } from '../errors.js';
import type { Outcome } from '../transport/attempt.js';
import { checkOptionalString } from '../validation.js';
import { StopCall, type CallContext, type Next } from './policy.js';

/** Options of the auth policy. */
export interface AuthPolicyOptions {
  /** API key, sent as `X-API-Key`. Env: `USER_MGMT_API_KEY`. */
  apiKey?: string | undefined;
  /** Bearer token, or a function called before every attempt that returns one. Env: `USER_MGMT_TOKEN`. */
  token?: string | TokenProvider | undefined;
  /** OAuth2 client credentials; the client fetches, caches and refreshes the token. */
  auth?: OAuth2ClientCredentials | undefined;
  /** Allow a secret credential (`apiKey`, OAuth2 `clientSecret`) in a browser. @default false */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** The auth policy's options, resolved. */
export interface ResolvedAuthOptions {
  /** API key plus bearer/OAuth2 may both be set: the key goes in X-API-Key, the token in Authorization. */
  readonly apiKey: string | undefined;
  readonly auth: ResolvedAuth;
}

const isBrowser = (): boolean =>
  typeof (globalThis as { window?: unknown }).window !== 'undefined' &&
  typeof (globalThis as { document?: unknown }).document !== 'undefined';

/** Options, then environment; `baseUrl` gives OAuth2 its default token endpoint. */
export function resolveAuthOptions(options: AuthPolicyOptions, baseUrl: URL): ResolvedAuthOptions {
  const apiKey = checkOptionalString('apiKey', options.apiKey ?? envValue('apiKey'));
  const token = options.token ?? envValue('token');
  if (token !== undefined && typeof token !== 'function') checkOptionalString('token', token);
  if (token !== undefined && options.auth !== undefined) {
    throw new ConfigError('Pass either `token` or `auth` (OAuth2 client credentials), not both.');
  }
  const auth = resolveCredentials(token, options.auth, baseUrl, apiKey);
  if (
    isBrowser() &&
    options.dangerouslyAllowBrowser !== true &&
    (apiKey !== undefined || auth.kind === 'oauth2')
  ) {
    throw new ConfigError(
      'A secret credential (apiKey or OAuth2 clientSecret) is configured in a browser, where any visitor can read it. ' +
        'Use a bearer `token` from your backend, or pass `dangerouslyAllowBrowser: true` if you understand the risk.',
    );
  }
  return { apiKey, auth };
}

function resolveCredentials(
  token: string | TokenProvider | undefined,
  oauth: OAuth2ClientCredentials | undefined,
  baseUrl: URL,
  apiKey: string | undefined,
): ResolvedAuth {
  if (oauth !== undefined) {
    if (typeof (oauth as unknown) !== 'object' || (oauth as unknown) === null)
      throw new ConfigError('auth must be { clientId, clientSecret, scope?, tokenUrl? }.');
    const clientId = checkOptionalString('auth.clientId', oauth.clientId);
    const clientSecret = checkOptionalString('auth.clientSecret', oauth.clientSecret);
    if (clientId === undefined || clientSecret === undefined) {
      throw new ConfigError(
        'auth needs both clientId and clientSecret for the OAuth2 client-credentials flow.',
      );
    }
    const scope = checkOptionalString('auth.scope', oauth.scope);
    let tokenUrl: string;
    try {
      tokenUrl = new URL(oauth.tokenUrl ?? `${baseUrl.href.replace(/\/+$/, '')}/oauth/token`).href;
    } catch {
      throw new ConfigError('auth.tokenUrl is not an absolute URL.');
    }
    return {
      kind: 'oauth2',
      credentials: { clientId, clientSecret, tokenUrl, ...(scope !== undefined ? { scope } : {}) },
    };
  }
  if (token !== undefined) return { kind: 'bearer', token };
  return apiKey !== undefined ? { kind: 'apiKey', apiKey } : { kind: 'none' };
}

/** Sets `Authorization: Bearer <token>` on every attempt, with a fresh token after a 401. */
export function authPolicy(authorize: Authorizer): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return async (ctx, next) => {
    let token: string;
    try {
      token = await authorize(ctx.refreshAuth);
    } catch (err) {
      // No credential, no request: the call fails as the token source did, without an attempt.
      throw new StopCall(err);
    }
    ctx.refreshAuth = false;
    ctx.headers.Authorization = `Bearer ${token}`;
    return next();
  };
}
