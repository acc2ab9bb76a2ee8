import { describe, expect, it } from 'vitest';
import { NotFoundError, type Group, type User } from '../../src/index.js';
import { fakeApi } from '../support/fake-api.js';

const user: User = { id: 7, name: 'Ada', username: 'ada', email: 'ada@example.com' };

describe('.withResponse()', () => {
  it('gives the body, the response and the X-Request-Id of a successful call', async () => {
    const { client } = fakeApi(() =>
      Response.json(user, { headers: { 'x-request-id': 'req-42', etag: '"v1"' } }),
    );

    const { data, response, requestId } = await client.users.get(7).withResponse();

    expect(data).toEqual(user);
    expect(requestId).toBe('req-42');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"v1"');
  });

  it('leaves requestId undefined when the server sends none, and data undefined for an empty success', async () => {
    const { client } = fakeApi(() => new Response(null, { status: 204 }));

    await expect(client.users.delete(7).withResponse()).resolves.toMatchObject({
      data: undefined,
      requestId: undefined,
    });
  });

  it('sends one request whether the call is awaited, asked withResponse(), or both', async () => {
    const { client, requests } = fakeApi(() => Response.json(user, { headers: { 'x-request-id': 'r1' } }));

    const call = client.users.get(7);
    const [plain, full] = await Promise.all([call, call.withResponse()]);

    expect(requests).toHaveLength(1);
    expect(plain).toEqual(user);
    expect(full.data).toBe(plain);
  });

  it('rejects withResponse() like the call itself, with the typed error', async () => {
    const { client } = fakeApi(() => Response.json({}, { status: 404 }));

    await expect(client.users.get(7).withResponse()).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.users.get(7)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is a promise to the outside world: then/catch/finally and the Promise tag', async () => {
    const { client } = fakeApi(() => Response.json(user));
    const call = client.users.get(7);
    expect(Object.prototype.toString.call(call)).toBe('[object Promise]');
    let finished = false;
    await expect(call.finally(() => (finished = true))).resolves.toEqual(user);
    expect(finished).toBe(true);
    await expect(call.then((u) => u.id)).resolves.toBe(7);
  });
});

describe('paginated methods', () => {
  const all: Group[] = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `G${i + 1}` }));
  const paged = (req: Request): Response => {
    const url = new URL(req.url);
    const page = Number(url.searchParams.get('_page'));
    const limit = Number(url.searchParams.get('_limit'));
    return Response.json(all.slice((page - 1) * limit, page * limit), {
      headers: { 'x-total-count': String(all.length), 'x-request-id': `page-${page}` },
    });
  };

  it('resolves to one page when awaited', async () => {
    const { client, requests } = fakeApi(paged);

    await expect(client.groups.list({ limit: 2 })).resolves.toEqual({
      data: all.slice(0, 2),
      total: 5,
      page: 1,
      limit: 2,
      hasNextPage: true,
    });
    expect(requests).toHaveLength(1);
  });

  it('walks every item of every page with for await, reusing the first request', async () => {
    const { client, requests } = fakeApi(paged);

    const seen: number[] = [];
    for await (const group of client.groups.list({ limit: 2 })) seen.push(group.id);

    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(requests.map((r) => new URL(r.url).searchParams.get('_page'))).toEqual(['1', '2', '3']);
  });

  it('gives the first page’s response with withResponse()', async () => {
    const { client } = fakeApi(paged);
    const { data, requestId } = await client.groups.list({ page: 2, limit: 2 }).withResponse();
    expect(data.data.map((g) => g.id)).toEqual([3, 4]);
    expect(requestId).toBe('page-2');
  });

  it('pages a nested list the same way, the path parameter first', async () => {
    const { client, requests } = fakeApi(() =>
      Response.json([{ id: 1, groupId: 3, userId: 1, role: 'admin' }]),
    );
    const page = await client.groups.listMemberships(3, { role: 'admin' });
    expect(page.data).toHaveLength(1);
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/groups/3/memberships');
    expect([...url.searchParams]).toEqual([
      ['_page', '1'],
      ['_limit', '10'],
      ['role', 'admin'],
    ]);
  });
});
