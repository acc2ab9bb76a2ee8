// The opt-in revalidating cache through the public API, over the in-process mock (which answers
// If-None-Match with 304): what is sent, what comes back, what a write evicts, how credentials are kept
// apart, and the memory bound.
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ConfigError,
  etagOf,
  UserManagementClient,
  type ClientOptions,
  type Logger,
} from '../../src/index.js';
import { createMockApi } from '../../src/testing/index.js';

const users = Array.from({ length: 5 }, (_, i) => ({
  id: i + 1,
  name: `User ${i + 1}`,
  username: `user${i + 1}`,
  email: `user${i + 1}@example.com`,
}));

interface Sent {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  status: number;
  auth: string | null;
  cacheControl: string | null;
}

function setup(
  options: Partial<ClientOptions> = {},
  alter?: (response: Response) => Response,
  data: Record<string, object[]> = {},
) {
  const mock = createMockApi({ data: { users: structuredClone(users), ...data } });
  const sent: Sent[] = [];
  const lines: string[] = [];
  const logger: Logger = {
    debug: (m) => lines.push(m),
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  };
  const client = new UserManagementClient({
    baseUrl: mock.baseUrl,
    cache: {},
    logLevel: 'debug',
    logger,
    fetch: async (request, init) => {
      const r = new Request(request, init);
      const entry: Sent = {
        method: r.method,
        path: new URL(r.url).pathname + new URL(r.url).search,
        ifNoneMatch: r.headers.get('if-none-match'),
        auth: r.headers.get('authorization') ?? r.headers.get('x-api-key'),
        cacheControl: r.headers.get('cache-control'),
        status: 0,
      };
      sent.push(entry);
      const response = await mock.fetch(r);
      entry.status = response.status;
      return alter ? alter(response) : response;
    },
    ...options,
  });
  return { mock, client, sent, lines };
}

describe('cache: revalidation', () => {
  it('is off by default: a repeated get is a full GET', async () => {
    const { client, sent } = setup({ cache: false });
    await client.users.get(1);
    await client.users.get(1);
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([null, null]);
  });

  it('sends If-None-Match on a repeated get; the 304 returns the same data, a fresh copy each time', async () => {
    const { client, sent } = setup();
    const first = await client.users.get(1);
    const second = await client.users.get(1);
    expect(sent.map((s) => [s.ifNoneMatch, s.status])).toEqual([
      [null, 200],
      [etagOf(first), 304],
    ]);
    // With its own Cache-Control, so fetch adds no `no-cache` (which Express servers take as "never 304").
    expect(sent[1]?.cacheControl).toBe('max-age=0');
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    // The copy carries the version too, so it can be written back under If-Match.
    expect(etagOf(second)).toBe(etagOf(first));
    // Changing what we got does not change what the cache answers next.
    second.name = 'changed by the caller';
    expect(await client.users.get(1)).toEqual(first);
  });

  it('answers withResponse() with a 200, the kept headers and the ETag', async () => {
    const { client } = setup();
    const first = await client.users.get(1).withResponse();
    const again = await client.users.get(1).withResponse();
    expect(again.response.status).toBe(200);
    expect(again.etag).toBe(first.etag);
    expect(again.data).toEqual(first.data);
  });

  it('revalidates list pages, with their paging headers', async () => {
    const { client, sent } = setup();
    const first = await client.users.list({ limit: 2 });
    const again = await client.users.list({ limit: 2 });
    expect(sent[1]?.status).toBe(304);
    expect(again).toEqual(first);
    expect(again.total).toBe(5);
    // Another page is another URL.
    await client.users.list({ limit: 2, page: 2 });
    expect(sent[2]?.ifNoneMatch).toBeNull();
  });

  it('gets the new body when the resource changed behind its back (200 replaces the entry)', async () => {
    const { client, sent, mock } = setup();
    await client.users.get(1);
    await new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch }).users.update(1, {
      name: 'Changed elsewhere',
    });
    expect(await client.users.get(1)).toMatchObject({ name: 'Changed elsewhere' });
    expect(sent[1]?.status).toBe(200);
    await client.users.get(1);
    expect(sent[2]?.status).toBe(304);
  });

  it('answers from memory, without a request, while the server says the response is fresh (max-age)', async () => {
    const { client, sent, lines } = setup({}, (r) => {
      const headers = new Headers(r.headers);
      headers.set('Cache-Control', 'private, max-age=60');
      return new Response(r.body, { status: r.status, headers });
    });
    const first = await client.users.get(1);
    expect(await client.users.get(1)).toEqual(first);
    expect(sent).toHaveLength(1);
    expect(lines.filter((l) => / cache /.test(l))).toEqual([
      'GET /users/1 cache miss',
      'GET /users/1 cache hit',
    ]);
  });

  it('keeps nothing the server marks no-store, or that came without an ETag', async () => {
    const noStore = setup({}, (r) => {
      const headers = new Headers(r.headers);
      headers.set('Cache-Control', 'no-store');
      return new Response(r.body, { status: r.status, headers });
    });
    await noStore.client.users.get(1);
    await noStore.client.users.get(1);
    expect(noStore.sent.map((s) => s.ifNoneMatch)).toEqual([null, null]);
    const noEtag = setup({}, (r) => {
      const headers = new Headers(r.headers);
      headers.delete('etag');
      return new Response(r.body, { status: r.status, headers });
    });
    await noEtag.client.users.get(1);
    await noEtag.client.users.get(1);
    expect(noEtag.sent.map((s) => s.ifNoneMatch)).toEqual([null, null]);
  });

  it('logs miss, revalidated and hit', async () => {
    const { client, lines } = setup();
    await client.users.get(1);
    await client.users.get(1);
    expect(lines.filter((l) => / cache /.test(l))).toEqual([
      'GET /users/1 cache miss',
      'GET /users/1 cache revalidated',
    ]);
  });

  it('a call with cache: false bypasses it: nothing read, nothing kept', async () => {
    const { client, sent } = setup();
    await client.users.get(1, { cache: false });
    await client.users.get(1);
    await client.users.get(1, { cache: false });
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([null, null, null]);
  });
});

describe('cache: eviction on write', () => {
  it('a successful update evicts the resource and the lists of its tag', async () => {
    const { client, sent } = setup();
    await client.users.get(1);
    await client.users.get(2);
    await client.users.list({ limit: 2 });
    await client.users.update(1, { name: 'New name' });
    const updated = await client.users.get(1);
    expect(updated).toMatchObject({ name: 'New name' });
    await client.users.list({ limit: 2 });
    await client.users.get(2);
    const after = sent.slice(4).map((s) => [s.method, s.path.replace(/\?.*/, ''), s.ifNoneMatch !== null]);
    expect(after).toEqual([
      ['GET', '/users/1', false],
      ['GET', '/users', false],
      // Another user of the same tag is kept.
      ['GET', '/users/2', true],
    ]);
  });

  it('create and delete evict too; a failed write evicts nothing', async () => {
    const { client, sent } = setup();
    await client.users.list({ limit: 2 });
    await client.users.create({ name: 'N', username: 'n', email: 'n@example.com' });
    await client.users.list({ limit: 2 });
    expect(sent.at(-1)?.ifNoneMatch).toBeNull();
    await client.users.get(3);
    await expect(client.users.update(3, { email: 'not an email' })).rejects.toBeInstanceOf(ApiError);
    await client.users.get(3);
    expect(sent.at(-1)?.status).toBe(304);
    await client.users.delete(3);
    await expect(client.users.get(3)).rejects.toBeInstanceOf(ApiError);
    expect(sent.at(-1)?.ifNoneMatch).toBeNull();
  });

  it("a delete evicts every tag's lists: records that pointed at the deleted one went with it (a user's memberships)", async () => {
    // Fresh for a minute: only eviction stops the cache answering from memory.
    const { client, sent } = setup(
      {},
      (r) => {
        const headers = new Headers(r.headers);
        headers.set('Cache-Control', 'private, max-age=60');
        return new Response(r.body, { status: r.status, headers });
      },
      {
        groups: [{ id: 1, name: 'Admins' }],
        memberships: [
          { id: 1, groupId: 1, userId: 1, role: 'admin' },
          { id: 2, groupId: 1, userId: 2, role: 'member' },
        ],
      },
    );
    expect((await client.groups.listMemberships(1)).data.map((m) => m.userId)).toEqual([1, 2]);
    await client.groups.get(1);
    await client.users.update(1, { name: 'Ada' });
    // An update changes no other record: the group's memberships and the group stay cached.
    await client.groups.listMemberships(1);
    await client.groups.get(1);
    expect(sent.map((s) => s.method)).toEqual(['GET', 'GET', 'PATCH']);
    await client.users.delete(2);
    expect((await client.groups.listMemberships(1)).data.map((m) => m.userId)).toEqual([1]);
    expect(sent.at(-1)).toMatchObject({
      method: 'GET',
      path: expect.stringMatching(/^\/groups\/1\/memberships\b/) as string,
      ifNoneMatch: null,
    });
    // The group itself is not a list of records that point at users: still answered from memory.
    await client.groups.get(1);
    expect(sent).toHaveLength(5);
  });

  it('a write through raw evicts as well', async () => {
    const { client, sent } = setup();
    await client.users.get(1);
    await client.raw.PATCH('/users/{id}', { params: { path: { id: 1 } }, body: { name: 'Raw' } });
    expect(await client.users.get(1)).toMatchObject({ name: 'Raw' });
    expect(sent.at(-1)?.ifNoneMatch).toBeNull();
  });
});

describe('cache: credentials', () => {
  it('never answers one token’s request from another token’s entry', async () => {
    let token = 'token-a';
    const { client, sent } = setup({ token: () => Promise.resolve(token), allowInsecureHttp: true });
    await client.users.get(1);
    token = 'token-b';
    await client.users.get(1);
    token = 'token-a';
    await client.users.get(1);
    expect(sent.map((s) => [s.auth, s.ifNoneMatch !== null])).toEqual([
      ['Bearer token-a', false],
      ['Bearer token-b', false],
      ['Bearer token-a', true],
    ]);
  });

  it('keys per-call credentials apart too, and clients never share a cache', async () => {
    const { client, sent, mock } = setup();
    await client.users.get(1, { headers: { 'X-API-Key': 'key-1' } });
    await client.users.get(1, { headers: { 'X-API-Key': 'key-2' } });
    await client.users.get(1, { headers: { 'X-API-Key': 'key-1' } });
    expect(sent.map((s) => s.ifNoneMatch !== null)).toEqual([false, false, true]);
    // A second client on the same server, same credentials: its own (empty) cache.
    const seen: (string | null)[] = [];
    const other = new UserManagementClient({
      baseUrl: mock.baseUrl,
      cache: {},
      fetch: (request, init) => {
        const r = new Request(request, init);
        seen.push(r.headers.get('if-none-match'));
        return mock.fetch(r);
      },
    });
    await other.users.get(1, { headers: { 'X-API-Key': 'key-1' } });
    expect(seen).toEqual([null]);
  });
});

describe('cache: memory bound', () => {
  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { client, sent } = setup({ cache: { maxEntries: 2 } });
    await client.users.get(1);
    await client.users.get(2);
    await client.users.get(1); // 1 is now the most recently used
    await client.users.get(3); // drops 2
    await client.users.get(1);
    await client.users.get(2);
    expect(sent.map((s) => `${s.path} ${s.ifNoneMatch !== null ? 'revalidated' : 'full'}`)).toEqual([
      '/users/1 full',
      '/users/2 full',
      '/users/1 revalidated',
      '/users/3 full',
      '/users/1 revalidated',
      '/users/2 full',
    ]);
  });

  it('keeps nothing larger than maxBytes', async () => {
    const { client, sent } = setup({ cache: { maxBytes: 64 } });
    await client.users.get(1);
    await client.users.get(1);
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([null, null]);
  });

  it('rejects bad sizes with ConfigError', () => {
    for (const cache of [{ maxEntries: -1 }, { maxBytes: 1.5 }, { maxEntrys: 3 }, true, 'yes'])
      expect(
        () => new UserManagementClient({ baseUrl: 'https://api.example.com', cache: cache as never }),
      ).toThrow(ConfigError);
  });
});
