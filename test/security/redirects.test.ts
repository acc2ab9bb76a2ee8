// Promise: nothing reaches another origin on a redirect — no credential, header, Idempotency-Key or
// body — and no redirect turns a write into a read. Two loopback servers are two origins; an https
// server with a certificate made at test time redirects to plain http.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedirectError, UserManagementClient, type ClientOptions } from '../../src/index.js';
import {
  json,
  makeCertificate,
  quietLogger,
  SECRETS,
  startHttpsServer,
  startServer,
  trustingFetch,
  type TestServer,
  type Tls,
} from './support.js';

const USER = { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' };
const NEW_USER = { name: 'Ada', username: 'ada', email: 'ada@example.com', password: SECRETS.password };

let api: TestServer;
let other: TestServer;

beforeAll(async () => {
  [api, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([api.close(), other.close()]);
});
afterEach(() => {
  api.requests.length = 0;
  other.requests.length = 0;
});

/** Every credential kind the client has, each carrying a recognisable secret. */
const credentialKinds: [string, Partial<ClientOptions>][] = [
  ['apiKey', { apiKey: SECRETS.apiKey }],
  ['token', { token: SECRETS.token }],
  ['token function', { token: () => SECRETS.token }],
  ['client headers', { headers: { 'X-Team-Secret': SECRETS.header } }],
];

function client(options: Partial<ClientOptions> = {}): UserManagementClient {
  return new UserManagementClient({
    baseUrl: api.url,
    logger: quietLogger,
    maxRetries: 2,
    backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    ...options,
  });
}

/** Everything `server` received, as one string, to search for secrets. */
const seen = (server: TestServer): string => JSON.stringify(server.requests);

describe.each([301, 302, 307, 308])('a %i to another origin, in the default configuration', (status) => {
  it.each(credentialKinds)(
    'rejects with RedirectError and sends nothing there (%s)',
    async (_kind, options) => {
      api.handle((_req, res) => res.writeHead(status, { location: `${other.url}/steal?key=abc` }).end());
      other.handle((_req, res) => json(res, 200, USER));

      const err = await client(options)
        .users.get(1)
        .catch((e: unknown) => e);

      expect(err).toBeInstanceOf(RedirectError);
      const r = err as RedirectError;
      expect(r.status).toBe(status);
      expect(r.crossOrigin).toBe(true);
      expect(r.location).toBe(`${other.url}/steal`);
      expect(r.message).not.toContain('key=abc');
      expect(other.requests).toHaveLength(0);
      // Not retried: a refused redirect comes back the same every time.
      expect(api.requests).toHaveLength(1);
    },
  );
});

it('sends nothing of a POST — body, password, Idempotency-Key, per-call headers — to another origin on 307/308', async () => {
  for (const status of [307, 308]) {
    api.handle((_req, res) => res.writeHead(status, { location: `${other.url}/users` }).end());
    const err = await client({ apiKey: SECRETS.apiKey })
      .users.create(NEW_USER, {
        headers: { 'X-Call-Secret': SECRETS.header },
        idempotencyKey: 'idem-SECRET-1',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectError);
  }
  expect(other.requests).toHaveLength(0);
});

it('sends the OAuth2 client secret nowhere but the token endpoint’s origin', async () => {
  api.handle((req, res) => {
    if (req.url === '/oauth/token') res.writeHead(307, { location: `${other.url}/oauth/token` }).end();
    else json(res, 200, USER);
  });
  const err = await client({ auth: { clientId: 'app', clientSecret: SECRETS.clientSecret } })
    .users.get(1)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  expect(other.requests).toHaveLength(0);
  expect(String(err)).not.toContain(SECRETS.clientSecret);
});

describe('same-origin redirects (the default)', () => {
  it('follows them for a GET, sending the credentials to the same origin only', async () => {
    api.handle((req, res) => {
      if (req.url === '/users/1') res.writeHead(301, { location: '/v2/users/1' }).end();
      else json(res, 200, USER);
    });
    await expect(client({ apiKey: SECRETS.apiKey }).users.get(1)).resolves.toEqual(USER);
    expect(api.requests.map((r) => r.url)).toEqual(['/users/1', '/v2/users/1']);
    expect(api.requests[1]?.headers['x-api-key']).toBe(SECRETS.apiKey);
  });

  it('re-sends a POST and its body on 307/308 within the origin', async () => {
    api.handle((req, res) => {
      if (req.url === '/users') res.writeHead(308, { location: '/v2/users' }).end();
      else json(res, 201, USER);
    });
    await expect(client().users.create(NEW_USER)).resolves.toEqual(USER);
    expect(api.requests.map((r) => [r.method, r.url])).toEqual([
      ['POST', '/users'],
      ['POST', '/v2/users'],
    ]);
    expect(api.requests[1]?.body).toBe(api.requests[0]?.body);
  });

  it.each([301, 302, 303])(
    'never turns a POST answered by %i into a GET whose body becomes the result',
    async (status) => {
      api.handle((req, res) => {
        if (req.method === 'POST') res.writeHead(status, { location: '/users' }).end();
        else json(res, 200, [USER, USER]);
      });
      const err = await client()
        .users.create(NEW_USER)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RedirectError);
      expect((err as RedirectError).crossOrigin).toBe(false);
      expect(api.requests.map((r) => r.method)).toEqual(['POST']);
    },
  );

  it('gives up after 5 redirects', async () => {
    let n = 0;
    api.handle((_req, res) => res.writeHead(302, { location: `/hop/${++n}` }).end());
    const err = await client()
      .users.get(1)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectError);
    expect((err as RedirectError).message).toMatch(/more than 5 redirects/);
    expect(api.requests).toHaveLength(6);
  });
});

describe("redirects: 'none'", () => {
  it('rejects even a same-origin redirect, and does not follow it', async () => {
    api.handle((req, res) => {
      if (req.url === '/users/1') res.writeHead(302, { location: '/v2/users/1' }).end();
      else json(res, 200, USER);
    });
    const err = await client({ redirects: 'none' })
      .users.get(1)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectError);
    expect((err as RedirectError).location).toBe(`${api.url}/v2/users/1`);
    expect(api.requests).toHaveLength(1);
  });
});

describe("redirects: 'any-origin'", () => {
  it('follows a GET to another origin with every credential and configured header removed', async () => {
    api.handle((_req, res) =>
      res.writeHead(302, { location: `${other.url}/users/1`, 'set-cookie': 'sid=1' }).end(),
    );
    other.handle((_req, res) => json(res, 200, USER));
    for (const [, options] of credentialKinds) {
      const c = client({ ...options, redirects: 'any-origin' });
      await expect(c.users.get(1, { headers: { 'X-Call-Secret': SECRETS.header } })).resolves.toEqual(USER);
    }
    expect(other.requests).toHaveLength(credentialKinds.length);
    const leaked = seen(other);
    for (const secret of Object.values(SECRETS)) expect(leaked).not.toContain(secret);
    for (const r of other.requests) {
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers['x-api-key']).toBeUndefined();
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers['x-team-secret']).toBeUndefined();
      expect(r.headers['x-call-secret']).toBeUndefined();
    }
  });

  it('never re-sends a body to another origin', async () => {
    api.handle((_req, res) => res.writeHead(307, { location: `${other.url}/users` }).end());
    const err = await client({ redirects: 'any-origin' })
      .users.create(NEW_USER)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectError);
    expect(other.requests).toHaveLength(0);
  });
});

describe('https → http', () => {
  let tls: Tls;
  let secure: TestServer;
  let trust: ReturnType<typeof trustingFetch>;
  beforeAll(async () => {
    tls = makeCertificate();
    secure = await startHttpsServer(tls);
    trust = trustingFetch(tls);
  });
  afterAll(async () => {
    await trust.close();
    await secure.close();
  });

  it.each(['same-origin', 'any-origin'] as const)(
    'is refused under %s: the plain-http origin receives nothing',
    async (redirects) => {
      secure.handle((_req, res) => res.writeHead(308, { location: `${other.url}/users` }).end());
      const c = new UserManagementClient({
        baseUrl: secure.url,
        apiKey: SECRETS.apiKey,
        fetch: trust.fetch,
        redirects,
        logger: quietLogger,
      });
      const get = await c.users.get(1).catch((e: unknown) => e);
      const post = await c.users.create(NEW_USER).catch((e: unknown) => e);
      expect(get).toBeInstanceOf(RedirectError);
      expect(post).toBeInstanceOf(RedirectError);
      expect((get as RedirectError).crossOrigin).toBe(true);
      expect(other.requests).toHaveLength(0);
      expect(secure.requests.length).toBeGreaterThan(0);
    },
  );
});

it('applies the same redirect rules to client.raw', async () => {
  api.handle((_req, res) => res.writeHead(302, { location: `${other.url}/users/1` }).end());
  const c = client({ apiKey: SECRETS.apiKey });
  await expect(c.raw.GET('/users/{id}', { params: { path: { id: 1 } } })).rejects.toBeInstanceOf(
    RedirectError,
  );
  expect(other.requests).toHaveLength(0);
});

it('RedirectError is an ApiError with status, location and crossOrigin', async () => {
  const { ApiError } = await import('../../src/index.js');
  api.handle((_req, res) => res.writeHead(302, { location: `${other.url}/x?token=abc#frag` }).end());
  const err = (await client()
    .users.get(1)
    .catch((e: unknown) => e)) as RedirectError;
  expect(err).toBeInstanceOf(ApiError);
  expect(err.name).toBe('RedirectError');
  expect(err.location).toBe(`${other.url}/x`);
  expect(err.message).not.toMatch(/token=abc|frag/);
  expect(JSON.stringify(err)).not.toMatch(/token=abc|frag/);
});
