// Promise: credentials travel only over TLS or to this machine. Plain http to any other host with an
// apiKey, token or OAuth2 client is a ConfigError at construction unless allowInsecureHttp is set;
// tokenUrl must be http(s) without user-info, and its query string never shows in a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConfigError,
  UserManagementClient,
  type ClientOptions,
} from '../../src/index.js';
import { json, quietLogger, SECRETS, startServer, type TestServer } from './support.js';

const make = (o: Partial<ClientOptions>) => () => new UserManagementClient({ logger: quietLogger, ...o });

const credentials: [string, Partial<ClientOptions>][] = [
  ['apiKey', { apiKey: SECRETS.apiKey }],
  ['token', { token: SECRETS.token }],
  ['token function', { token: () => SECRETS.token }],
  ['OAuth2', { auth: { clientId: 'app', clientSecret: SECRETS.clientSecret } }],
];

describe.each(credentials)('with %s', (_kind, creds) => {
  it('refuses plain http to a non-loopback host, without repeating the credential', () => {
    for (const baseUrl of ['http://api.example.com', 'http://10.0.0.7:8080', 'http://[2001:db8::1]/v1']) {
      expect(make({ baseUrl, ...creds })).toThrow(ConfigError);
      expect(make({ baseUrl, ...creds })).toThrow(/plain http.*allowInsecureHttp: true/);
      try {
        make({ baseUrl, ...creds })();
      } catch (e) {
        for (const secret of Object.values(SECRETS)) expect(String(e)).not.toContain(secret);
      }
    }
  });

  it('accepts https, http to loopback, and plain http with allowInsecureHttp: true', () => {
    for (const baseUrl of [
      'https://api.example.com',
      'http://localhost:3000',
      'http://127.0.0.1:4010',
      'http://127.8.9.10',
      'http://[::1]:8080',
    ]) {
      expect(make({ baseUrl, ...creds })).not.toThrow();
    }
    expect(make({ baseUrl: 'http://api.example.com', allowInsecureHttp: true, ...creds })).not.toThrow();
  });
});

it('allows plain http without credentials', () => {
  expect(make({ baseUrl: 'http://api.example.com' })).not.toThrow();
});

it('rejects allowInsecureHttp that is not a boolean', () => {
  expect(make({ baseUrl: 'https://api.example.com', allowInsecureHttp: 'yes' as never })).toThrow(
    /allowInsecureHttp must be true or false/,
  );
});

describe('auth.tokenUrl', () => {
  const oauth = (tokenUrl: string, o: Partial<ClientOptions> = {}) =>
    make({
      baseUrl: 'https://api.example.com',
      auth: { clientId: 'app', clientSecret: SECRETS.clientSecret, tokenUrl },
      ...o,
    });

  it.each([
    ['file:///etc/passwd', /must use https/],
    ['ftp://auth.example.com/token', /must use https/],
    [`https://app:${SECRETS.clientSecret}@auth.example.com/token`, /must not contain user-info/],
    ['http://auth.example.com/token', /plain http/],
  ])('refuses %s', (tokenUrl, message) => {
    expect(oauth(tokenUrl)).toThrow(ConfigError);
    expect(oauth(tokenUrl)).toThrow(message);
    try {
      oauth(tokenUrl)();
    } catch (e) {
      expect(String(e)).not.toContain(SECRETS.clientSecret);
    }
  });

  it('accepts http to a non-loopback token endpoint only with allowInsecureHttp', () => {
    expect(oauth('http://auth.example.com/token', { allowInsecureHttp: true })).not.toThrow();
  });

  describe('against a token endpoint that fails', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer();
      server.handle((_req, res) => json(res, 400, { error: 'invalid_client', error_description: 'nope' }));
    });
    afterAll(async () => {
      await server.close();
    });

    it('never shows the token URL’s query string in the error', async () => {
      const c = new UserManagementClient({
        baseUrl: server.url,
        auth: {
          clientId: 'app',
          clientSecret: SECRETS.clientSecret,
          tokenUrl: `${server.url}/oauth/token?tenant_key=TENANT-SECRET`,
        },
        logger: quietLogger,
      });
      const err = await c.users.get(1).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthenticationError);
      expect(String(err)).toMatch(/\/oauth\/token/);
      expect(String(err)).not.toContain('TENANT-SECRET');
      expect(JSON.stringify((err as AuthenticationError).url)).not.toContain('TENANT-SECRET');
      expect(String(err)).not.toContain(SECRETS.clientSecret);
    });
  });
});
