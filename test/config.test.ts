import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS, resolveConfig, type ClientOptions } from '../src/config.js';
import { ENV_VARS, readEnv } from '../src/env.js';
import { ConfigError } from '../src/errors.js';

const BASE = 'https://api.example.com';
const API_KEY = 'sk-SECRET-123';
const TOKEN = 'tok-SECRET-456';
const quietLogger = { error() {}, warn() {}, info() {}, debug() {} };

/** Runs resolveConfig and returns the ConfigError it throws; fails the test if it throws nothing else. */
function configError(options: unknown): ConfigError {
  try {
    resolveConfig(options as ClientOptions);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected resolveConfig to throw a ConfigError');
}

beforeEach(() => {
  // A developer's shell may set these; every test states the environment it needs.
  for (const name of Object.values(ENV_VARS)) vi.stubEnv(name, undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('resolveConfig defaults', () => {
  it('fills every option left out with the documented default', () => {
    const config = resolveConfig({ baseUrl: BASE });

    expect(config).toEqual({
      baseUrl: BASE,
      origin: BASE,
      apiKey: undefined,
      auth: { kind: 'none' },
      fetch: undefined,
      headers: {},
      timeoutMs: 30_000,
      deadlineMs: 120_000,
      maxRetries: 2,
      backoff: { baseDelayMs: 500, multiplier: 2, maxDelayMs: 8_000 },
      maxRetryAfterMs: 60_000,
      retryNonIdempotent: false,
      circuitBreaker: {
        failureThreshold: 5,
        halfOpenAfterMs: 10_000,
        samplingWindowMs: 10_000,
        minimumRps: 5,
      },
      retryBudget: { ratio: 0.2, windowMs: 10_000, minRetries: 3 },
      rateLimit: undefined,
      maxConcurrency: undefined,
      maxQueue: 100,
      onRetry: undefined,
      onCircuitStateChange: undefined,
      logLevel: 'warn',
      logger: console,
      redactKeys: ['password', 'token', 'secret', 'apikey', 'api_key', 'authorization', 'client_secret'],
      redirects: 'same-origin',
      maxResponseBytes: 16 * 1024 * 1024,
      allowInsecureHttp: false,
      cache: false,
    });
  });

  it('takes its defaults from the exported DEFAULTS table', () => {
    const config = resolveConfig({ baseUrl: BASE });

    expect(config.timeoutMs).toBe(DEFAULTS.timeoutMs);
    expect(config.deadlineMs).toBe(DEFAULTS.deadlineMs);
    expect(config.maxRetries).toBe(DEFAULTS.maxRetries);
    expect(config.backoff).toEqual(DEFAULTS.backoff);
    expect(config.circuitBreaker).toEqual(DEFAULTS.circuitBreaker);
    expect(config.retryBudget).toEqual(DEFAULTS.retryBudget);
    expect(config.logLevel).toBe(DEFAULTS.logLevel);
    expect(config.redactKeys).toEqual(DEFAULTS.redactKeys);
  });

  it('drops trailing slashes from baseUrl but keeps its path', () => {
    expect(resolveConfig({ baseUrl: `${BASE}/` }).baseUrl).toBe(BASE);
    expect(resolveConfig({ baseUrl: `${BASE}/v1//` }).baseUrl).toBe(`${BASE}/v1`);
    expect(resolveConfig({ baseUrl: `${BASE}/v1/` }).origin).toBe(BASE);
  });

  it('fills nested options field by field, keeping defaults for the fields left out', () => {
    const config = resolveConfig({
      baseUrl: BASE,
      backoff: { baseDelayMs: 10 },
      circuitBreaker: { failureThreshold: 2 },
    });

    expect(config.backoff).toEqual({ baseDelayMs: 10, multiplier: 2, maxDelayMs: 8_000 });
    expect(config.circuitBreaker).toEqual({
      failureThreshold: 2,
      halfOpenAfterMs: 10_000,
      samplingWindowMs: 10_000,
      minimumRps: 5,
    });
  });

  it('switches the circuit breaker and retry budget off with false', () => {
    const config = resolveConfig({ baseUrl: BASE, circuitBreaker: false, retryBudget: false });

    expect(config.circuitBreaker).toBe(false);
    expect(config.retryBudget).toBe(false);
  });

  it('defaults the rate-limit burst to the rate, rounded up, and at least 1', () => {
    expect(resolveConfig({ baseUrl: BASE, rateLimit: { requestsPerSecond: 2.5 } }).rateLimit).toEqual({
      requestsPerSecond: 2.5,
      burst: 3,
    });
    expect(resolveConfig({ baseUrl: BASE, rateLimit: { requestsPerSecond: 0.1 } }).rateLimit).toEqual({
      requestsPerSecond: 0.1,
      burst: 1,
    });
  });
});

describe('resolveConfig auth', () => {
  it('resolves an apiKey alone to apiKey auth', () => {
    const config = resolveConfig({ baseUrl: BASE, apiKey: API_KEY });

    expect(config.apiKey).toBe(API_KEY);
    expect(config.auth).toEqual({ kind: 'apiKey', apiKey: API_KEY });
  });

  it('resolves a token to bearer auth and keeps an apiKey beside it', () => {
    const config = resolveConfig({ baseUrl: BASE, apiKey: API_KEY, token: TOKEN });

    expect(config.apiKey).toBe(API_KEY);
    expect(config.auth).toEqual({ kind: 'bearer', token: TOKEN });
  });

  it('resolves OAuth2 client credentials with a token URL under baseUrl by default', () => {
    const config = resolveConfig({ baseUrl: `${BASE}/v1/`, auth: { clientId: 'id', clientSecret: 'shh' } });

    expect(config.auth).toEqual({
      kind: 'oauth2',
      credentials: { clientId: 'id', clientSecret: 'shh', tokenUrl: `${BASE}/v1/oauth/token` },
    });
  });
});

describe('resolveConfig environment', () => {
  it('reads baseUrl, apiKey, token and log level from USER_MGMT_* when options leave them out', () => {
    vi.stubEnv('USER_MGMT_BASE_URL', 'https://env.example.com');
    vi.stubEnv('USER_MGMT_API_KEY', API_KEY);
    vi.stubEnv('USER_MGMT_TOKEN', TOKEN);
    vi.stubEnv('USER_MGMT_LOG', 'debug');

    const config = resolveConfig({});

    expect(config.baseUrl).toBe('https://env.example.com');
    expect(config.apiKey).toBe(API_KEY);
    expect(config.auth).toEqual({ kind: 'bearer', token: TOKEN });
    expect(config.logLevel).toBe('debug');
  });

  it('lets explicit options win over the environment', () => {
    vi.stubEnv('USER_MGMT_BASE_URL', 'https://env.example.com');
    vi.stubEnv('USER_MGMT_API_KEY', 'env-key');
    vi.stubEnv('USER_MGMT_TOKEN', 'env-token');
    vi.stubEnv('USER_MGMT_LOG', 'debug');

    const config = resolveConfig({ baseUrl: BASE, apiKey: API_KEY, token: TOKEN, logLevel: 'error' });

    expect(config.baseUrl).toBe(BASE);
    expect(config.apiKey).toBe(API_KEY);
    expect(config.auth).toEqual({ kind: 'bearer', token: TOKEN });
    expect(config.logLevel).toBe('error');
  });

  it('lets the environment win over the defaults', () => {
    vi.stubEnv('USER_MGMT_LOG', 'off');

    expect(resolveConfig({ baseUrl: BASE }).logLevel).toBe('off');
  });

  it('trims environment values and ignores blank ones', () => {
    vi.stubEnv('USER_MGMT_BASE_URL', '  https://env.example.com  ');
    vi.stubEnv('USER_MGMT_API_KEY', '   ');

    const config = resolveConfig({});

    expect(config.baseUrl).toBe('https://env.example.com');
    expect(config.apiKey).toBeUndefined();
    expect(config.auth).toEqual({ kind: 'none' });
  });

  it('rejects OAuth2 options together with a token from the environment', () => {
    vi.stubEnv('USER_MGMT_TOKEN', TOKEN);

    expect(configError({ baseUrl: BASE, auth: { clientId: 'id', clientSecret: 'shh' } }).message).toMatch(
      /either `token` or `auth`/,
    );
  });

  it('reads nothing and throws nothing where process.env is missing', () => {
    vi.stubGlobal('process', {});

    expect(readEnv()).toEqual({});
  });

  it('reads nothing and throws nothing where there is no process at all (browsers, Workers)', () => {
    vi.stubEnv('USER_MGMT_BASE_URL', 'https://env.example.com');
    let env: unknown;
    let withBaseUrl: unknown;
    let withoutBaseUrl: unknown;
    // Synchronous on purpose: nothing else may run while `process` is gone.
    vi.stubGlobal('process', undefined);
    try {
      env = readEnv();
      withBaseUrl = resolveConfig({ baseUrl: BASE }).baseUrl;
      try {
        resolveConfig({});
      } catch (err) {
        withoutBaseUrl = err;
      }
    } finally {
      vi.unstubAllGlobals();
    }

    expect(env).toEqual({});
    expect(withBaseUrl).toBe(BASE);
    // The env var is set, but there is no process to read it from.
    expect(withoutBaseUrl).toBeInstanceOf(ConfigError);
    expect((withoutBaseUrl as ConfigError).message).toMatch(/baseUrl is missing/);
  });
});

describe('resolveConfig result', () => {
  it('is frozen, nested objects included', () => {
    const config = resolveConfig({
      baseUrl: BASE,
      headers: { 'X-Team': 'a' },
      rateLimit: { requestsPerSecond: 5 },
    });

    expect(Object.isFrozen(config)).toBe(true);
    for (const part of [
      config.backoff,
      config.circuitBreaker,
      config.retryBudget,
      config.rateLimit,
      config.headers,
      config.redactKeys,
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => {
      (config as { timeoutMs: number }).timeoutMs = 1;
    }).toThrow(TypeError);
    expect(() => {
      (config.headers as Record<string, string>)['X-Team'] = 'b';
    }).toThrow(TypeError);
  });

  it('copies headers and redactKeys, so later changes to the caller’s objects do not leak in', () => {
    const headers: Record<string, string> = { 'X-Team': 'a' };
    const redactKeys = ['ssn'];
    const config = resolveConfig({ baseUrl: BASE, headers, redactKeys });

    headers['X-Team'] = 'b';
    redactKeys.push('dob');

    expect(config.headers).toEqual({ 'X-Team': 'a' });
    expect(config.redactKeys).toEqual(['ssn']);
  });
});

describe('resolveConfig errors', () => {
  const cases: readonly { what: string; options: Record<string, unknown>; message: RegExp }[] = [
    { what: 'options that are not an object', options: null as never, message: /options must be an object/ },
    {
      what: 'a missing baseUrl',
      options: { baseUrl: undefined },
      message:
        /baseUrl is missing: pass `baseUrl` \(e\.g\. "https:\/\/api\.example\.com"\) or set USER_MGMT_BASE_URL/,
    },
    { what: 'an empty baseUrl', options: { baseUrl: '' }, message: /baseUrl is missing/ },
    {
      what: 'a baseUrl that is not a string',
      options: { baseUrl: 42 },
      message: /baseUrl must be a string such as "https:\/\/api\.example\.com"/,
    },
    {
      what: 'a relative baseUrl',
      options: { baseUrl: 'api.example.com' },
      message: /baseUrl "api\.example\.com" is not an absolute URL; use e\.g\. "https:\/\/api\.example\.com"/,
    },
    {
      what: 'a non-http baseUrl',
      options: { baseUrl: 'ftp://api.example.com' },
      message: /baseUrl must use http or https, not "ftp:"/,
    },
    {
      what: 'credentials in baseUrl',
      options: { baseUrl: `https://user:${API_KEY}@api.example.com` },
      message: /baseUrl must not contain credentials; pass apiKey, token or auth instead/,
    },
    {
      what: 'a query string in baseUrl',
      options: { baseUrl: `${BASE}/?api_key=${API_KEY}` },
      message: /baseUrl must not have a query string or fragment/,
    },
    {
      what: 'a zero timeoutMs',
      options: { timeoutMs: 0 },
      message: /timeoutMs must be a number of ms greater than 0 \(at most 2\^31−1\); got 0/,
    },
    {
      what: 'a negative timeoutMs',
      options: { timeoutMs: -1 },
      message: /timeoutMs must be a number of ms greater than 0.*; got -1/,
    },
    {
      what: 'a NaN timeoutMs',
      options: { timeoutMs: Number.NaN },
      message: /timeoutMs must be a number of ms greater than 0.*; got NaN/,
    },
    {
      what: 'a timeoutMs setTimeout cannot hold',
      options: { timeoutMs: 2 ** 31 },
      message: /timeoutMs must be .*at most 2\^31−1/,
    },
    {
      what: 'a string timeoutMs',
      options: { timeoutMs: '100' },
      message: /timeoutMs must be a number .*; got string/,
    },
    {
      what: 'a zero deadlineMs',
      options: { deadlineMs: 0 },
      message: /deadlineMs must be a number of ms greater than 0/,
    },
    {
      what: 'a fractional maxRetries',
      options: { maxRetries: 1.5 },
      message: /maxRetries must be a whole number ≥ 0; got 1\.5/,
    },
    {
      what: 'a negative maxRetries',
      options: { maxRetries: -1 },
      message: /maxRetries must be a whole number ≥ 0; got -1/,
    },
    {
      what: 'a backoff multiplier below 1',
      options: { backoff: { multiplier: 0.5 } },
      message: /backoff\.multiplier must be a finite number ≥ 1; got 0\.5/,
    },
    {
      what: 'a circuit breaker threshold of 0',
      options: { circuitBreaker: { failureThreshold: 0 } },
      message: /circuitBreaker\.failureThreshold must be a whole number ≥ 1; got 0/,
    },
    {
      what: 'a rate limit of 0 per second',
      options: { rateLimit: { requestsPerSecond: 0 } },
      message: /rateLimit\.requestsPerSecond must be a finite number greater than 0; got 0\./,
    },
    {
      what: 'an infinite rate limit',
      options: { rateLimit: { requestsPerSecond: Infinity } },
      message: /rateLimit\.requestsPerSecond must be a finite number greater than 0; got Infinity\./,
    },
    {
      what: 'a maxConcurrency of 0',
      options: { maxConcurrency: 0 },
      message: /maxConcurrency must be a whole number ≥ 1; got 0/,
    },
    {
      what: 'an unknown log level',
      options: { logLevel: 'verbose' },
      message: /Unknown log level "verbose"; use one of off, error, warn, info, debug\./,
    },
    {
      what: 'headers that are not an object',
      options: { headers: 'X-A: 1' },
      message: /headers must be an object of header names to string values/,
    },
    {
      what: 'headers given as an array of something other than pairs',
      options: { headers: [['X-A']] },
      message: /headers must be an object/,
    },
    {
      what: 'an invalid header name',
      options: { headers: { 'Bad Header': '1' } },
      message: /"Bad Header" is not a valid header name/,
    },
    {
      what: 'a header value with a line break',
      options: { headers: { 'X-Evil': 'a\r\nSet-Cookie: x' } },
      message: /Header "X-Evil" must be a single-line string/,
    },
    {
      what: 'a header value that is not a string',
      options: { headers: { 'X-Count': 1 } },
      message: /Header "X-Count" must be a single-line string/,
    },
    {
      what: 'token and auth together',
      options: { token: TOKEN, auth: { clientId: 'id', clientSecret: 'shh' } },
      message: /Pass either `token` or `auth` \(OAuth2 client credentials\), not both/,
    },
    {
      what: 'auth without a clientSecret',
      options: { auth: { clientId: 'id' } },
      message: /auth needs both clientId and clientSecret/,
    },
    {
      what: 'auth with a relative tokenUrl',
      options: { auth: { clientId: 'id', clientSecret: 'shh', tokenUrl: '/oauth/token' } },
      message: /auth\.tokenUrl is not an absolute URL/,
    },
    {
      what: 'a logger without info',
      options: { logger: { error() {}, warn() {}, debug() {} } },
      message: /logger must have error, warn, info and debug methods; "info" is missing/,
    },
    {
      what: 'a logger that is not an object',
      options: { logger: 'console' },
      message: /logger must have error, warn, info and debug methods; "error" is missing/,
    },
    {
      what: 'a fetch that is not a function',
      options: { fetch: 'fetch' },
      message: /fetch must be a function with the signature of globalThis\.fetch/,
    },
    {
      what: 'an onRetry that is not a function',
      options: { onRetry: true },
      message: /onRetry must be a function/,
    },
    {
      what: 'empty redactKeys entries',
      options: { redactKeys: [''] },
      message: /redactKeys must be an array of non-empty strings/,
    },
    {
      what: 'an apiKey with a line break',
      options: { apiKey: `${API_KEY}\r\nX-Evil: 1` },
      message: /apiKey must be a non-empty single-line string/,
    },
    {
      what: 'a blank apiKey',
      options: { apiKey: '  ' },
      message: /apiKey must be a non-empty single-line string/,
    },
    {
      what: 'a token with a line break',
      options: { token: `${TOKEN}\n` },
      message: /token must be a non-empty single-line string/,
    },
  ];

  it('names the environment variable when a bad value came from it', () => {
    vi.stubEnv('USER_MGMT_LOG', 'verbose');
    expect(() => resolveConfig({ baseUrl: 'https://api.example.com' })).toThrow(
      /Unknown log level "verbose" \(from USER_MGMT_LOG\)/,
    );
    vi.stubEnv('USER_MGMT_LOG', undefined);
    vi.stubEnv('USER_MGMT_BASE_URL', 'ftp://files.example.com');
    expect(() => resolveConfig({})).toThrow(/baseUrl \(from USER_MGMT_BASE_URL\) must use http or https/);
    vi.unstubAllEnvs();
  });

  it('never repeats userinfo or a query string of an unparseable baseUrl', () => {
    for (const raw of ['key-SECRET@host:notaport', 'htp//x?api_key=SECRET']) {
      expect(() => resolveConfig({ baseUrl: raw })).toThrow(ConfigError);
      try {
        resolveConfig({ baseUrl: raw });
      } catch (e) {
        expect(String(e)).not.toMatch(/SECRET/);
      }
    }
  });

  it.each(cases)('rejects $what with a ConfigError that says what to fix', ({ options, message }) => {
    // Every case carries real-looking credentials, so the message check below means something.
    const withSecrets =
      options === null ? options : { baseUrl: BASE, apiKey: API_KEY, logger: quietLogger, ...options };
    const err = configError(withSecrets);

    expect(err).toBeInstanceOf(ConfigError);
    expect(err.name).toBe('ConfigError');
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/\n/);
    expect(err.message).not.toContain('SECRET');
  });

  it('leaves userinfo out of the message about a malformed baseUrl', () => {
    const err = configError({ baseUrl: `https://user:${API_KEY}@bad host/` });

    expect(err.message).toMatch(/is not an absolute URL/);
    expect(err.message).not.toContain('SECRET');
    expect(err.message).not.toContain('user');
  });

  it('never puts the apiKey or token in a message, whatever else is wrong', () => {
    const err = configError({ baseUrl: BASE, apiKey: API_KEY, token: TOKEN, timeoutMs: -5 });

    expect(err.message).not.toContain(API_KEY);
    expect(err.message).not.toContain(TOKEN);
  });
});

describe('resolveConfig in a browser', () => {
  function pretendBrowser(): void {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
  }

  it('refuses an apiKey, naming the safe alternatives', () => {
    pretendBrowser();

    const err = configError({ baseUrl: BASE, apiKey: API_KEY });

    expect(err.message).toMatch(/secret credential .* in a browser/);
    expect(err.message).toMatch(/bearer `token`/);
    expect(err.message).toMatch(/dangerouslyAllowBrowser: true/);
    expect(err.message).not.toContain(API_KEY);
  });

  it('refuses OAuth2 client credentials', () => {
    pretendBrowser();

    expect(configError({ baseUrl: BASE, auth: { clientId: 'id', clientSecret: 'shh' } }).message).toMatch(
      /in a browser/,
    );
  });

  it('accepts an apiKey with dangerouslyAllowBrowser: true', () => {
    pretendBrowser();

    expect(resolveConfig({ baseUrl: BASE, apiKey: API_KEY, dangerouslyAllowBrowser: true }).apiKey).toBe(
      API_KEY,
    );
  });

  it('accepts a bearer token, which a backend can hand out per user', () => {
    pretendBrowser();

    expect(resolveConfig({ baseUrl: BASE, token: TOKEN }).auth.kind).toBe('bearer');
  });

  it('does not count a global window without a document as a browser', () => {
    vi.stubGlobal('window', {});

    expect(resolveConfig({ baseUrl: BASE, apiKey: API_KEY }).apiKey).toBe(API_KEY);
  });
});
