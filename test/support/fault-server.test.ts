import { describe, it, expect, afterEach, vi } from 'vitest';
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import {
  startFaultServer,
  DEFAULT_USER,
  type FaultServer,
  type TokenEndpointOptions,
} from './fault-server.js';

let server: FaultServer | undefined;

async function start(opts: { tokenEndpoint?: TokenEndpointOptions } = {}): Promise<FaultServer> {
  server = await startFaultServer(opts);
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const jsonBody = (value: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

/** The low-level reason a fetch failed (undici wraps it in `TypeError: fetch failed`). */
async function fetchFailure(promise: Promise<unknown>): Promise<{ name: string; code?: string }> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as Error & { cause?: Error & { code?: string } },
  );
  expect(error).toBeInstanceOf(TypeError);
  return { name: error.cause?.name ?? '', ...(error.cause?.code ? { code: error.cause.code } : {}) };
}

const tokenForm = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('startFaultServer', () => {
  it('listens on an ephemeral loopback port', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.origin).toBe(s.url);
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
  });

  it('plays scripted statuses in order, then the default', async () => {
    const s = await start();
    s.script([
      { kind: 'respond', status: 503 },
      { kind: 'respond', status: 500, body: { oops: true }, shouldRetry: 'false' },
      { kind: 'respond', status: 200, body: { ok: true }, headers: { 'x-extra': 'yes' } },
    ]);
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await fetch(`${s.url}/users/1`));
    expect(responses.map((r) => r.status)).toEqual([503, 500, 200, 200]);
    expect(responses[1]?.headers.get('x-should-retry')).toBe('false');
    expect(await responses[1]?.json()).toEqual({ oops: true });
    expect(responses[2]?.headers.get('x-extra')).toBe('yes');
    expect(await responses[3]?.json()).toEqual(DEFAULT_USER);
    expect(responses.map((r) => r.headers.get('x-request-id'))).toEqual(['req-1', 'req-2', 'req-3', 'req-4']);
    expect(responses[0]?.headers.get('access-control-allow-origin')).toBe('*');
    expect(responses[0]?.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
    expect(s.requests.map((r) => [r.method, r.path, r.processed])).toEqual(
      Array.from({ length: 4 }, () => ['GET', '/users/1', true]),
    );
  });

  it('setDefault changes what an unscripted request gets; 204 has no body', async () => {
    const s = await start();
    s.setDefault({ kind: 'respond', status: 204, body: { ignored: true } });
    const res = await fetch(s.url);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('sends malformed JSON verbatim', async () => {
    const s = await start();
    s.script([{ kind: 'respond', status: 200, body: '{"id": 1,', contentType: 'application/json' }]);
    const res = await fetch(`${s.url}/users/1`);
    expect(res.headers.get('content-type')).toBe('application/json');
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  describe('Retry-After', () => {
    it('seconds form, with rate-limit headers and a problem body', async () => {
      const s = await start();
      s.script([
        {
          kind: 'retryAfter',
          status: 429,
          form: 'seconds',
          value: 2,
          headers: { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '2' },
        },
      ]);
      const res = await fetch(`${s.url}/users`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.headers.get('ratelimit-remaining')).toBe('0');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({
        type: 'about:blank',
        title: 'Too Many Requests',
        status: 429,
      });
      expect(s.requests[0]?.processed).toBe(false);
    });

    it('ms form', async () => {
      const s = await start();
      s.script([{ kind: 'retryAfter', status: 503, form: 'ms', value: 1500 }]);
      const res = await fetch(`${s.url}/users`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after-ms')).toBe('1500');
      expect(res.headers.get('retry-after')).toBeNull();
      expect(await res.json()).toMatchObject({ title: 'Service Unavailable', status: 503 });
    });

    it('HTTP-date form, never earlier than asked', async () => {
      const s = await start();
      s.script([{ kind: 'retryAfter', status: 503, form: 'date', value: 3000 }]);
      const before = Date.now();
      const res = await fetch(`${s.url}/users`);
      const header = res.headers.get('retry-after') ?? '';
      expect(header).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      const wait = Date.parse(header) - before;
      expect(wait).toBeGreaterThanOrEqual(3000);
      expect(wait).toBeLessThanOrEqual(4100);
    });
  });

  describe('stalls', () => {
    it('stallBeforeHeaders never answers, so the client timeout fires', async () => {
      const s = await start();
      s.script([{ kind: 'stallBeforeHeaders' }]);
      const error = await fetch(`${s.url}/users/1`, { signal: AbortSignal.timeout(200) }).catch(
        (e: unknown) => e,
      );
      expect((error as Error).name).toBe('TimeoutError');
      expect(s.requests).toHaveLength(1);
      expect(s.requests[0]?.processed).toBe(false);
    });

    it('stallBeforeHeaders with ms answers late with the default', async () => {
      const s = await start();
      s.script([{ kind: 'stallBeforeHeaders', ms: 50 }]);
      const started = Date.now();
      const res = await fetch(`${s.url}/users/1`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      expect(await res.json()).toEqual(DEFAULT_USER);
    });

    it('stallMidBody sends headers, then the body hangs', async () => {
      const s = await start();
      s.script([{ kind: 'stallMidBody', status: 200 }]);
      const res = await fetch(`${s.url}/users/1`, { signal: AbortSignal.timeout(200) });
      expect(res.status).toBe(200);
      const error = await res.text().catch((e: unknown) => e);
      expect((error as Error).name).toBe('TimeoutError');
    });

    it('stallMidBody with ms finishes the body late', async () => {
      const s = await start();
      s.script([{ kind: 'stallMidBody', ms: 30 }]);
      const res = await fetch(`${s.url}/users/1`);
      expect(await res.json()).toEqual(DEFAULT_USER);
    });

    it('delayMs holds any step back', async () => {
      const s = await start();
      s.script([{ kind: 'respond', status: 202, delayMs: 40 }]);
      const started = Date.now();
      const res = await fetch(s.url);
      expect(res.status).toBe(202);
      expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    });
  });

  it('delayMs follows fake timers', async () => {
    const s = await start();
    s.script([{ kind: 'respond', status: 202, delayMs: 60_000 }]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = fetch(s.url);
      while (s.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(60_000);
      expect((await pending).status).toBe(202);
    } finally {
      vi.useRealTimers();
    }
  });

  describe('connection resets', () => {
    it('resetBeforeProcessing: the client sees a socket error and nothing is created', async () => {
      const s = await start();
      s.setDefault({ kind: 'users' });
      s.script([{ kind: 'resetBeforeProcessing' }]);
      const cause = await fetchFailure(fetch(`${s.url}/users`, jsonBody({ name: 'A' })));
      expect(cause.code).toBe('ECONNRESET');
      expect(s.users.size).toBe(0);
      expect(s.requests[0]).toMatchObject({
        method: 'POST',
        path: '/users',
        processed: false,
        body: '{"name":"A"}',
      });
    });

    it('resetAfterProcessing: the user exists although the client saw an error; a retry with the same key dedups', async () => {
      const s = await start();
      s.setDefault({ kind: 'users' });
      s.script([{ kind: 'resetAfterProcessing' }]);
      const init = {
        ...jsonBody({ name: 'Ervin' }),
        headers: { 'content-type': 'application/json', 'Idempotency-Key': 'k-1' },
      };
      await fetchFailure(fetch(`${s.url}/users`, init));
      expect(s.users.size).toBe(1);
      expect(s.requests[0]).toMatchObject({ processed: true, idempotencyKey: 'k-1' });

      const retry = await fetch(`${s.url}/users`, init);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.json()).toEqual({ name: 'Ervin', id: 1 });
      expect(s.users.size).toBe(1);
    });
  });

  describe('users API', () => {
    it('does CRUD like json-server, with problem details for errors', async () => {
      const s = await start();
      s.setDefault({ kind: 'users' });
      const created = await fetch(`${s.url}/users`, jsonBody({ name: 'A', username: 'a', email: 'a@x.io' }));
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/users/1');
      expect(await created.json()).toEqual({ id: 1, name: 'A', username: 'a', email: 'a@x.io' });
      await fetch(`${s.url}/users`, jsonBody({ name: 'B', username: 'b', email: 'b@x.io' }));

      const list = await fetch(`${s.url}/users`);
      expect(list.headers.get('x-total-count')).toBe('2');
      expect(((await list.json()) as { id: number }[]).map((u) => u.id)).toEqual([1, 2]);

      const page = await fetch(`${s.url}/users?_page=2&_limit=1`);
      expect(await page.json()).toMatchObject([{ id: 2 }]);
      expect(page.headers.get('link')).toContain('rel="prev"');
      expect(await (await fetch(`${s.url}/users?username=b`)).json()).toMatchObject([{ name: 'B' }]);

      expect(await (await fetch(`${s.url}/users/1`)).json()).toMatchObject({ name: 'A' });
      const put = await fetch(`${s.url}/users/1`, { ...jsonBody({ name: 'A2' }), method: 'PUT' });
      expect(await put.json()).toEqual({ id: 1, name: 'A2' });
      const patch = await fetch(`${s.url}/users/1`, { ...jsonBody({ email: 'new@x.io' }), method: 'PATCH' });
      expect(await patch.json()).toEqual({ id: 1, name: 'A2', email: 'new@x.io' });

      const deleted = await fetch(`${s.url}/users/1`, { method: 'DELETE' });
      expect(deleted.status).toBe(204);
      const missing = await fetch(`${s.url}/users/1`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(await missing.json()).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'User 1 does not exist.',
      });

      const bad = await fetch(`${s.url}/users`, {
        method: 'POST',
        body: '{"name":',
        headers: { 'content-type': 'application/json' },
      });
      expect(bad.status).toBe(400);
      expect([...s.users.keys()]).toEqual([2]);
    });

    it('works under any path prefix', async () => {
      const s = await start();
      s.setDefault({ kind: 'users' });
      s.users.set(7, { id: 7, name: 'Planted' });
      expect(await (await fetch(`${s.url}/api/v1/users/7`)).json()).toEqual({ id: 7, name: 'Planted' });
    });

    it('dedups creates by Idempotency-Key', async () => {
      const s = await start();
      s.setDefault({ kind: 'users' });
      const post = (key: string) =>
        fetch(`${s.url}/users`, {
          method: 'POST',
          body: '{"name":"X"}',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
        }).then((r) => r.json() as Promise<{ id: number }>);
      const [a, b] = await Promise.all([post('same'), post('same')]);
      expect(a.id).toBe(b.id);
      expect(s.users.size).toBe(1);
      expect((await post('other')).id).not.toBe(a.id);
      expect(s.users.size).toBe(2);
    });
  });

  describe('OAuth2 token endpoint', () => {
    const creds = { clientId: 'cid', clientSecret: 'shh' };

    it('issues incrementing tokens for client_credentials (form or Basic auth), recorded apart from API requests', async () => {
      const s = await start({ tokenEndpoint: { ...creds, expiresIn: 60 } });
      const first = await fetch(
        `${s.url}/oauth/token`,
        tokenForm({
          grant_type: 'client_credentials',
          client_id: 'cid',
          client_secret: 'shh',
          scope: 'users:read',
        }),
      );
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(await first.json()).toEqual({
        access_token: 'tok-1',
        token_type: 'Bearer',
        expires_in: 60,
        scope: 'users:read',
      });

      const basic = `Basic ${Buffer.from('cid:shh').toString('base64')}`;
      const second = await fetch(`${s.url}/oauth/token`, {
        ...tokenForm({ grant_type: 'client_credentials' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
      });
      expect(await second.json()).toMatchObject({ access_token: 'tok-2' });
      expect(s.issuedTokens.map((t) => t.accessToken)).toEqual(['tok-1', 'tok-2']);
      expect(s.tokenRequests).toHaveLength(2);
      expect(s.requests).toHaveLength(0);
    });

    it('rejects wrong credentials with invalid_client', async () => {
      const s = await start({ tokenEndpoint: creds });
      const res = await fetch(
        `${s.url}/oauth/token`,
        tokenForm({ grant_type: 'client_credentials', client_id: 'cid', client_secret: 'nope' }),
      );
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: 'invalid_client',
        error_description: 'Client authentication failed',
      });
      expect(s.issuedTokens).toHaveLength(0);
    });

    it('fails on demand', async () => {
      const s = await start({ tokenEndpoint: creds });
      s.setTokenEndpoint({ ...creds, fail: { status: 503, body: { error: 'temporarily_unavailable' } } });
      const res = await fetch(
        `${s.url}/oauth/token`,
        tokenForm({ grant_type: 'client_credentials', client_id: 'cid', client_secret: 'shh' }),
      );
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'temporarily_unavailable' });
    });

    it('requireBearer accepts only live issued tokens; revokeTokens and expiry invalidate them', async () => {
      const s = await start({ tokenEndpoint: creds });
      s.requireBearer(true);
      s.script([{ kind: 'respond', status: 200, body: { first: true } }]);
      const getToken = async () =>
        (
          (await (
            await fetch(
              `${s.url}/oauth/token`,
              tokenForm({ grant_type: 'client_credentials', client_id: 'cid', client_secret: 'shh' }),
            )
          ).json()) as { access_token: string }
        ).access_token;
      const call = (token?: string) =>
        fetch(`${s.url}/users/1`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

      const anonymous = await call();
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
      expect(s.requests[0]?.processed).toBe(false);

      const token = await getToken();
      const ok = await call(token);
      expect(await ok.json()).toEqual({ first: true }); // the 401 did not use up the scripted step
      s.revokeTokens();
      expect((await call(token)).status).toBe(401);
      expect((await call(await getToken())).status).toBe(200);

      s.setTokenEndpoint({ ...creds, expiresIn: 0 });
      expect((await call(await getToken())).status).toBe(401);
    });
  });

  it('answers CORS preflights without recording them or consuming steps', async () => {
    const s = await start();
    s.script([{ kind: 'respond', status: 418 }]);
    const res = await fetch(`${s.url}/users`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://example.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,idempotency-key');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(s.requests).toHaveLength(0);
    expect((await fetch(s.url)).status).toBe(418);
  });

  it('reset() clears script, records and state', async () => {
    const s = await start();
    const heldRequests = s.requests;
    s.setDefault({ kind: 'users' });
    await fetch(`${s.url}/users`, jsonBody({ name: 'A' }));
    s.script([{ kind: 'respond', status: 500 }]);
    s.reset();
    expect(s.users.size).toBe(0);
    expect(heldRequests).toHaveLength(0);
    expect(await (await fetch(s.url)).json()).toEqual(DEFAULT_USER);
    expect(heldRequests).toHaveLength(1);
  });

  it('serves many concurrent keep-alive requests', async () => {
    const s = await start();
    const responses = await Promise.all(
      Array.from({ length: 500 }, async () => {
        const res = await fetch(s.url);
        await res.arrayBuffer();
        return [res.status, res.headers.get('x-request-id')] as const;
      }),
    );
    expect(responses.every(([status]) => status === 200)).toBe(true);
    expect(new Set(responses.map(([, id]) => id)).size).toBe(500);
    expect(s.requests).toHaveLength(500);
  });

  describe('close()', () => {
    it('finishes promptly with an idle keep-alive connection open', async () => {
      const s = await start();
      const agent = new Agent({ keepAlive: true });
      try {
        const req = httpRequest(`${s.url}/users/1`, { agent });
        req.end();
        const [res] = (await once(req, 'response')) as [IncomingMessage];
        res.resume();
        await once(res, 'end');
        expect(agent.freeSockets[Object.keys(agent.freeSockets)[0] ?? '']?.length).toBe(1);

        const started = Date.now();
        await s.close();
        expect(Date.now() - started).toBeLessThan(500);
      } finally {
        agent.destroy();
      }
    });

    it('finishes promptly while a request is stalled, and the client sees the connection drop', async () => {
      const s = await start();
      s.script([{ kind: 'stallBeforeHeaders' }]);
      const pending = fetchFailure(fetch(`${s.url}/users/1`));
      while (s.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      const started = Date.now();
      await s.close();
      expect(Date.now() - started).toBeLessThan(500);
      expect((await pending).name).toBeTruthy();
      await expect(s.close()).resolves.toBeUndefined(); // idempotent
    });
  });
});
