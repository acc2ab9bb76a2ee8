import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, InvalidArgumentError, UserManagementClient, type User } from '../../src/index.js';
import { FAKE_BASE as BASE, fakeApi as fakeApiOver } from '../support/fake-api.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const makeUser = (id: number): User => ({
  id,
  name: `User ${id}`,
  username: `user${id}`,
  email: `user${id}@example.com`,
});

const fakeApi = (
  respond: (req: Request) => Response | Promise<Response> = () => Response.json(makeUser(1)),
) => fakeApiOver(respond);

/**
 * A json-server-like /users collection of `count` users: `_page`/`_limit` paging, `X-Total-Count`,
 * and a Link header (first/prev/next/last) unless `link` is false.
 */
function pagedUsers(count: number, options: { link?: boolean; total?: boolean } = {}) {
  const all = Array.from({ length: count }, (_, i) => makeUser(i + 1));
  return (req: Request): Response => {
    const url = new URL(req.url);
    const page = Number(url.searchParams.get('_page'));
    const limit = Number(url.searchParams.get('_limit'));
    const data = all.slice((page - 1) * limit, page * limit);
    const last = Math.max(1, Math.ceil(count / limit));
    const at = (p: number): string => `<${BASE}/users?_page=${p}&_limit=${limit}>`;
    const links = [`${at(1)}; rel="first"`];
    if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
    if (page < last) links.push(`${at(page + 1)}; rel="next"`);
    links.push(`${at(last)}; rel="last"`);
    const headers: Record<string, string> = {};
    if (options.total !== false) headers['x-total-count'] = String(count);
    if (options.link !== false) headers.link = links.join(', ');
    return Response.json(data, { headers });
  };
}

const pagesRequested = (requests: readonly Request[]): number[] =>
  requests.map((r) => Number(new URL(r.url).searchParams.get('_page')));

/** Drains `iterable`; a walk that does not stop fails the test instead of hanging the run (the fake fetch never yields to timers). */
async function collect(iterable: AsyncIterable<User>, max = 200): Promise<User[]> {
  const out: User[] = [];
  for await (const user of iterable) {
    out.push(user);
    if (out.length > max) throw new Error(`listAll yielded more than ${max} users; it does not stop`);
  }
  return out;
}

describe('users.list', () => {
  it('sends _page, _limit, _sort, _order, q, username and email exactly', async () => {
    const { client, requests } = fakeApi(() => Response.json([]));

    await client.users.list({
      page: 3,
      limit: 25,
      sort: 'name',
      order: 'desc',
      q: 'Lea nne&x=1',
      username: 'Bret',
      email: 'a+b@example.com',
    });

    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]!.url);
    expect(requests[0]!.method).toBe('GET');
    expect(url.origin + url.pathname).toBe(`${BASE}/users`);
    expect([...url.searchParams].sort()).toEqual(
      [
        ['_page', '3'],
        ['_limit', '25'],
        ['_sort', 'name'],
        ['_order', 'desc'],
        ['q', 'Lea nne&x=1'],
        ['username', 'Bret'],
        ['email', 'a+b@example.com'],
      ].sort(),
    );
  });

  it('sends only _page=1 and the default _limit when given no parameters', async () => {
    const { client, requests } = fakeApi(() => Response.json([]));

    await client.users.list();

    expect([...new URL(requests[0]!.url).searchParams]).toEqual([
      ['_page', '1'],
      ['_limit', String(DEFAULT_PAGE_SIZE)],
    ]);
    expect(DEFAULT_PAGE_SIZE).toBe(10);
  });

  it('returns data, total, page, limit and hasNextPage', async () => {
    const { client } = fakeApi(pagedUsers(5));

    await expect(client.users.list({ page: 2, limit: 2 })).resolves.toEqual({
      data: [makeUser(3), makeUser(4)],
      total: 5,
      page: 2,
      limit: 2,
      hasNextPage: true,
    });
    await expect(client.users.list({ page: 3, limit: 2 })).resolves.toEqual({
      data: [makeUser(5)],
      total: 5,
      page: 3,
      limit: 2,
      hasNextPage: false,
    });
  });

  it('leaves total out when the server sends no X-Total-Count', async () => {
    const { client } = fakeApi(pagedUsers(5, { total: false }));

    const page = await client.users.list({ limit: 2 });

    expect('total' in page).toBe(false);
    expect(page.hasNextPage).toBe(true);
  });

  it('returns an empty page for a body that is not an array', async () => {
    const { client } = fakeApi(() => Response.json({}));

    await expect(client.users.list()).resolves.toMatchObject({ data: [], hasNextPage: false });
  });

  it.each([
    [{ page: 0 }, /page must be a whole number ≥ 1; got 0/],
    [{ page: 1.5 }, /page must be a whole number ≥ 1; got 1\.5/],
    [{ limit: 0 }, /limit must be a whole number from 1 to 100; got 0/],
    [{ limit: 101 }, /limit must be a whole number from 1 to 100; got 101/],
  ])('rejects %j with InvalidArgumentError before any request', async (params, message) => {
    const { client, requests } = fakeApi();

    await expect(client.users.list(params)).rejects.toThrow(message);
    await expect(client.users.list(params)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(requests).toHaveLength(0);
  });
});

describe('users.listAll', () => {
  it('walks the pages by Link rel=next and yields every user exactly once', async () => {
    const { client, requests } = fakeApi(pagedUsers(7));

    const users = await collect(client.users.listAll({ limit: 3 }));

    expect(users.map((u) => u.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pagesRequested(requests)).toEqual([1, 2, 3]);
  });

  it('goes to the page the next link names, not just the following number', async () => {
    const { client, requests } = fakeApi((req) => {
      const page = Number(new URL(req.url).searchParams.get('_page'));
      if (page === 1)
        return Response.json([makeUser(1), makeUser(2)], {
          headers: { link: `<${BASE}/users?_page=5&_limit=2>; rel="next"` },
        });
      return Response.json([makeUser(9)], {
        headers: { link: `<${BASE}/users?_page=1&_limit=2>; rel="first"` },
      });
    });

    const users = await collect(client.users.listAll({ limit: 2 }));

    expect(pagesRequested(requests)).toEqual([1, 5]);
    expect(users.map((u) => u.id)).toEqual([1, 2, 9]);
  });

  it('stops after a full last page whose Link has no next', async () => {
    const { client, requests } = fakeApi(pagedUsers(6));

    const users = await collect(client.users.listAll({ limit: 3 }));

    expect(users).toHaveLength(6);
    expect(pagesRequested(requests)).toEqual([1, 2]);
  });

  it('stops at a short page even when the server always advertises next', async () => {
    const { client, requests } = fakeApi((req) => {
      const page = Number(new URL(req.url).searchParams.get('_page'));
      const data = page === 1 ? [makeUser(1), makeUser(2)] : [makeUser(3)];
      return Response.json(data, {
        headers: { link: `<${BASE}/users?_page=${page + 1}&_limit=2>; rel="next"` },
      });
    });

    const users = await collect(client.users.listAll({ limit: 2 }));

    expect(users.map((u) => u.id)).toEqual([1, 2, 3]);
    expect(requests).toHaveLength(2);
  });

  it('counts pages up by X-Total-Count when there is no Link header', async () => {
    const { client, requests } = fakeApi(pagedUsers(6, { link: false }));

    const users = await collect(client.users.listAll({ limit: 3 }));

    expect(users).toHaveLength(6);
    expect(pagesRequested(requests)).toEqual([1, 2]);
  });

  it('ends on an empty page when the server sends neither Link nor X-Total-Count', async () => {
    const { client, requests } = fakeApi(pagedUsers(4, { link: false, total: false }));

    const users = await collect(client.users.listAll({ limit: 2 }));

    expect(users).toHaveLength(4);
    expect(pagesRequested(requests)).toEqual([1, 2, 3]);
  });

  it('starts at the given page and sends the filters with every page', async () => {
    const { client, requests } = fakeApi(pagedUsers(7));

    const users = await collect(
      client.users.listAll({ page: 2, limit: 3, q: 'User', sort: 'id', order: 'asc' }),
    );

    expect(users.map((u) => u.id)).toEqual([4, 5, 6, 7]);
    for (const req of requests) {
      const params = new URL(req.url).searchParams;
      expect([params.get('q'), params.get('_sort'), params.get('_order'), params.get('_limit')]).toEqual([
        'User',
        'id',
        'asc',
        '3',
      ]);
    }
    expect(pagesRequested(requests)).toEqual([2, 3]);
  });

  it('makes no further request after the caller breaks out at the first user', async () => {
    const { client, requests } = fakeApi(pagedUsers(50));

    const seen: number[] = [];
    for await (const user of client.users.listAll({ limit: 5 })) {
      seen.push(user.id);
      break;
    }

    expect(seen).toEqual([1]);
    expect(requests).toHaveLength(1);
  });
});

describe('users by id', () => {
  const calls: readonly [string, (client: UserManagementClient, id: never) => Promise<unknown>][] = [
    ['get', (c, id) => c.users.get(id)],
    ['replace', (c, id) => c.users.replace(id, { name: 'a', username: 'b', email: 'c@d.e' })],
    ['update', (c, id) => c.users.update(id, { name: 'a' })],
    ['delete', (c, id) => c.users.delete(id)],
  ];
  const badIds: readonly unknown[] = [0, -1, 1.5, '1', Number.NaN, Number.POSITIVE_INFINITY, null];

  describe.each(calls)('%s', (_name, call) => {
    it.each(badIds.map((id) => [id]))(
      'rejects the id %j with InvalidArgumentError before any request',
      async (id) => {
        const { client, requests } = fakeApi();

        const err: unknown = await call(client, id as never).catch((e: unknown) => e);

        expect(err).toBeInstanceOf(InvalidArgumentError);
        expect((err as Error).message).toMatch(/^id must be a whole number ≥ 1; got /);
        expect(requests).toHaveLength(0);
      },
    );
  });

  it('gets a user with GET /users/{id}', async () => {
    const { client, requests } = fakeApi(() => Response.json(makeUser(7)));

    await expect(client.users.get(7)).resolves.toEqual(makeUser(7));
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.url).toBe(`${BASE}/users/7`);
  });

  it('replaces a user with PUT and the whole body', async () => {
    const { client, requests } = fakeApi(() => Response.json(makeUser(7)));
    const replacement = { name: 'Ada', username: 'ada', email: 'ada@example.com', phone: '555' };

    await expect(client.users.replace(7, replacement)).resolves.toEqual(makeUser(7));
    expect(requests[0]!.method).toBe('PUT');
    expect(requests[0]!.url).toBe(`${BASE}/users/7`);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    await expect(requests[0]!.json()).resolves.toEqual(replacement);
  });

  it('updates a user with PATCH and only the given fields', async () => {
    const { client, requests } = fakeApi(() => Response.json(makeUser(7)));

    await client.users.update(7, { email: 'new@example.com' });

    expect(requests[0]!.method).toBe('PATCH');
    await expect(requests[0]!.json()).resolves.toEqual({ email: 'new@example.com' });
  });

  it('deletes a user with DELETE /users/{id}', async () => {
    const { client, requests } = fakeApi(() => new Response(null, { status: 204 }));

    await expect(client.users.delete(7)).resolves.toBeUndefined();
    expect(requests[0]!.method).toBe('DELETE');
    expect(requests[0]!.url).toBe(`${BASE}/users/7`);
  });
});

describe('users.create', () => {
  const newUser = { name: 'Ada', username: 'ada', email: 'ada@example.com' };

  it('POSTs the new user to /users and returns the created one', async () => {
    const { client, requests } = fakeApi(() => Response.json({ id: 11, ...newUser }, { status: 201 }));

    await expect(client.users.create(newUser)).resolves.toEqual({ id: 11, ...newUser });
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.url).toBe(`${BASE}/users`);
    await expect(requests[0]!.json()).resolves.toEqual(newUser);
  });

  it('sends a fresh UUID v4 Idempotency-Key with each call', async () => {
    const { client, requests } = fakeApi(() => Response.json({ id: 11, ...newUser }, { status: 201 }));

    await client.users.create(newUser);
    await client.users.create(newUser);

    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(UUID_V4);
    expect(keys[1]).toMatch(UUID_V4);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('sends the idempotencyKey given for the call instead of a generated one', async () => {
    const { client, requests } = fakeApi(() => Response.json({ id: 11, ...newUser }, { status: 201 }));

    await client.users.create(newUser, { idempotencyKey: 'order-4711' });

    expect(requests[0]!.headers.get('idempotency-key')).toBe('order-4711');
  });

  it('sends an Idempotency-Key with PATCH too, but not with GET, PUT or DELETE', async () => {
    const { client, requests } = fakeApi(() => Response.json(makeUser(1)));

    await client.users.update(1, { name: 'b' });
    await client.users.get(1);
    await client.users.replace(1, newUser);
    await client.users.delete(1);

    expect(
      requests.map((r) => [
        r.method,
        r.headers.get('idempotency-key')?.match(UUID_V4) ? 'uuid' : r.headers.get('idempotency-key'),
      ]),
    ).toEqual([
      ['PATCH', 'uuid'],
      ['GET', null],
      ['PUT', null],
      ['DELETE', null],
    ]);
  });

  it.each([null, [newUser], 'ada'])(
    'rejects the body %j with InvalidArgumentError before any request',
    async (body) => {
      const { client, requests } = fakeApi();

      await expect(client.users.create(body as never)).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(requests).toHaveLength(0);
    },
  );
});

describe('headers', () => {
  it('sends the per-call headers with that call only', async () => {
    const { client, requests } = fakeApi();

    await client.users.get(1, { headers: { 'X-Trace-Id': 'trace-1' } });
    await client.users.get(1);

    expect(requests[0]!.headers.get('x-trace-id')).toBe('trace-1');
    expect(requests[1]!.headers.get('x-trace-id')).toBeNull();
  });

  it('sends the client’s headers, the API key and Accept with every call, letting per-call headers override', async () => {
    const requests: Request[] = [];
    const client = new UserManagementClient({
      baseUrl: BASE,
      apiKey: 'test-key',
      headers: { 'X-Team': 'core', 'X-Env': 'test' },
      maxRetries: 0,
      logLevel: 'off',
      fetch: async (req) => {
        requests.push(req);
        return Response.json(makeUser(1));
      },
    });

    await client.users.get(1, { headers: { 'X-Env': 'staging' } });

    const headers = requests[0]!.headers;
    expect(headers.get('x-team')).toBe('core');
    expect(headers.get('x-env')).toBe('staging');
    expect(headers.get('x-api-key')).toBe('test-key');
    expect(headers.get('accept')).toMatch(/application\/json/);
  });
});

describe('client.raw', () => {
  it('reaches the API through the typed openapi-fetch client, with the client’s credentials', async () => {
    const { client, requests } = fakeApi(() => Response.json(makeUser(1)));

    const { data, response } = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } } });

    expect(response.status).toBe(200);
    expect(data).toEqual(makeUser(1));
    expect(requests[0]!.url).toBe(`${BASE}/users/1`);
    expect(requests[0]!.headers.get('x-api-key')).toBe('test-key');
  });
});

describe('client.raw under per-request credentials', () => {
  it('sends the token from a token function, as the facade does', async () => {
    const seen: (string | null)[] = [];
    const client = new UserManagementClient({
      baseUrl: 'http://127.0.0.1:9',
      logLevel: 'off',
      token: async () => 'rotating-raw',
      fetch: async (req: Request) => {
        seen.push(req.headers.get('authorization'));
        return Response.json({ id: 1, name: 'A', username: 'a', email: 'a@b.co' });
      },
    });
    const { data } = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } } });
    expect(data?.id).toBe(1);
    expect(seen).toEqual(['Bearer rotating-raw']);
  });
});
