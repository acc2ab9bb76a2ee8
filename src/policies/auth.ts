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
import { ConfigError, TimeoutError } from '../errors.js';
import { checkBoolean, checkNestedOptions, keysOf } from '../options/check-shape.js';
import { bounded } from '../resilience/bounded.js';
import type { Outcome } from '../transport/attempt.js';
import { checkHeaderValue } from '../transport/header-values.js';
import { requireSecureTransport, resolveTokenUrl } from '../transport/transport-security.js';
import { checkOptionalString } from '../validation.js';
import { abortedError, StopCall, type CallContext, type Next } from './policy.js';

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
  /**
   * Allow credentials (`apiKey`, `token`, OAuth2 `auth`) over plain http to hosts other than loopback
   * (`localhost`, 127.0.0.0/8, `[::1]`). Without it such a `baseUrl` or `auth.tokenUrl` throws
   * `ConfigError`, since anyone on the network path could read the credential.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined;
}

/** Defaults of the auth policy. */
export const AUTH_DEFAULTS = Object.freeze({
  /** Credentials go only over https or to loopback. */
  allowInsecureHttp: false,
});

const OAUTH2_KEYS = keysOf<OAuth2ClientCredentials>({
  clientId: true,
  clientSecret: true,
  scope: true,
  tokenUrl: true,
});

/** The auth policy's options, resolved. */
export interface ResolvedAuthOptions {
  /** API key plus bearer/OAuth2 may both be set: the key goes in X-API-Key, the token in Authorization. */
  readonly apiKey: string | undefined;
  readonly auth: ResolvedAuth;
  readonly allowInsecureHttp: boolean;
}

const isBrowser = (): boolean =>
  typeof (globalThis as { window?: unknown }).window !== 'undefined' &&
  typeof (globalThis as { document?: unknown }).document !== 'undefined';

/** Options, then environment; `baseUrl` gives OAuth2 its default token endpoint. */
export function resolveAuthOptions(options: AuthPolicyOptions, baseUrl: URL): ResolvedAuthOptions {
  checkNestedOptions('auth', options.auth, OAUTH2_KEYS, false, ConfigError);
  const allowInsecureHttp =
    checkBoolean('allowInsecureHttp', options.allowInsecureHttp, ConfigError) ??
    AUTH_DEFAULTS.allowInsecureHttp;
  checkBoolean('dangerouslyAllowBrowser', options.dangerouslyAllowBrowser, ConfigError);
  const apiKey = credentialString('apiKey', options.apiKey ?? envValue('apiKey'));
  const token = options.token ?? envValue('token');
  if (token !== undefined && typeof token !== 'function') credentialString('token', token);
  if (token !== undefined && options.auth !== undefined) {
    throw new ConfigError('Pass either `token` or `auth` (OAuth2 client credentials), not both.');
  }
  const auth = resolveCredentials(token, options.auth, baseUrl, apiKey, allowInsecureHttp);
  if (apiKey !== undefined || auth.kind !== 'none') {
    const credential =
      apiKey !== undefined ? 'API key' : auth.kind === 'oauth2' ? 'OAuth2 token' : 'bearer token';
    requireSecureTransport(baseUrl, 'baseUrl', credential, allowInsecureHttp);
  }
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
  return { apiKey, auth, allowInsecureHttp };
}

/** A credential: a single-line string fetch can put in a header; messages never repeat it. */
function credentialString(name: string, value: unknown): string | undefined {
  const s = checkOptionalString(name, value);
  if (s !== undefined) checkHeaderValue(name, s, ConfigError);
  return s;
}

function resolveCredentials(
  token: string | TokenProvider | undefined,
  oauth: OAuth2ClientCredentials | undefined,
  baseUrl: URL,
  apiKey: string | undefined,
  allowInsecureHttp: boolean,
): ResolvedAuth {
  if (oauth !== undefined) {
    if (typeof (oauth as unknown) !== 'object' || (oauth as unknown) === null)
      throw new ConfigError('auth must be { clientId, clientSecret, scope?, tokenUrl? }.');
    const clientId = credentialString('auth.clientId', oauth.clientId);
    const clientSecret = credentialString('auth.clientSecret', oauth.clientSecret);
    if (clientId === undefined || clientSecret === undefined) {
      throw new ConfigError(
        'auth needs both clientId and clientSecret for the OAuth2 client-credentials flow.',
      );
    }
    const scope = checkOptionalString('auth.scope', oauth.scope);
    const rawTokenUrl: unknown = oauth.tokenUrl ?? `${baseUrl.href.replace(/\/+$/, '')}/oauth/token`;
    if (typeof rawTokenUrl !== 'string') throw new ConfigError('auth.tokenUrl must be a string URL.');
    const tokenUrl = resolveTokenUrl(rawTokenUrl, allowInsecureHttp).href;
    return {
      kind: 'oauth2',
      credentials: { clientId, clientSecret, tokenUrl, ...(scope !== undefined ? { scope } : {}) },
    };
  }
  if (token !== undefined) return { kind: 'bearer', token };
  return apiKey !== undefined ? { kind: 'apiKey', apiKey } : { kind: 'none' };
}

/** Sets `Authorization: Bearer <token>` on every attempt, with a fresh token after a 401. */
export function authPolicy(
  authorize: Authorizer,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return async (ctx, next) => {
    let token: string;
    try {
      // A token function or token endpoint that never answers must not outlive the deadline or the signal.
      token = await bounded(
        authorize(ctx.refreshAuth),
        ctx.signal,
        ctx.deadlineAt - now(),
        () =>
          new TimeoutError(
            `${ctx.description}: no token (token function or OAuth2 token request) before the deadline (deadlineMs = ${ctx.deadlineMs}); nothing was sent.`,
            { kind: 'deadline', timeoutMs: ctx.deadlineMs },
          ),
        () => abortedError(ctx),
      );
    } catch (err) {
      // No credential, no request: the call fails as the token source did, without an attempt.
      throw new StopCall(err);
    }
    ctx.refreshAuth = false;
    ctx.headers.Authorization = `Bearer ${token}`;
    return next();
  };
}
