// Conflict-safe writes through the public API, against the in-process mock (which honours If-Match):
// etagOf and withResponse().etag, ifMatch as a string or a resource, PreconditionFailedError on a stale
// version, and modify() — including several modifiers of one user at once, none of whose changes is lost.
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  etagOf,
  InvalidArgumentError,
  PreconditionFailedError,
  UserManagementClient,
  UserManagementError,
  type ClientOptions,
} from '../../src/index.js';
import { createMockApi, type MockApi } from '../../src/testing/index.js';

const ada = { id: 1, name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com', website: '' };

function setup(options: Partial<ClientOptions> = {}) {
  const mock = createMockApi({ data: { users: [ada], groups: [{ id: 1, name: 'Admins' }] } });
  const sent: { method: string; path: string; ifMatch: string | null }[] = [];
  const client = new UserManagementClient({
    baseUrl: mock.baseUrl,
    fetch: (request, init) => {
      const r = new Request(request, init);
      sent.push({ method: r.method, path: new URL(r.url).pathname, ifMatch: r.headers.get('if-match') });
      return mock.fetch(r);
    },
    ...options,
  });
  return { mock, client, sent };
}

/** A second client on the same mock: another writer. */
const other = (mock: MockApi) => new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });

describe('versions without plumbing', () => {
  it('remembers the ETag each returned object came with, outside the object', async () => {
    const { client } = setup();
    const { data, etag } = await client.users.get(1).withResponse();
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(etagOf(data)).toBe(etag);
    // JSON and equality see only what the server sent.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(Object.keys(data).sort()).toEqual(Object.keys(ada).sort());
    expect(data).toEqual(ada);
    // A copy is not the object the client returned.
    expect(etagOf({ ...data })).toBeUndefined();
    expect(etagOf({})).toBeUndefined();
  });

  it('gives created, replaced and updated objects their new version', async () => {
    const { client } = setup();
    const before = await client.users.get(1);
    const updated = await client.users.update(1, { name: 'Ada King' });
    expect(etagOf(updated)).toBeDefined();
    expect(etagOf(updated)).not.toBe(etagOf(before));
    const created = await client.groups.create({ name: 'Ops' });
    expect(etagOf(created)).toBeDefined();
  });
});

describe('ifMatch', () => {
  it('sends If-Match from a resource the client returned, or from an ETag string', async () => {
    const { client, sent } = setup();
    const user = await client.users.get(1);
    const updated = await client.users.update(1, { name: 'Ada King' }, { ifMatch: user });
    expect(sent.at(-1)?.ifMatch).toBe(etagOf(user));
    await client.users.update(1, { name: 'Ada K.' }, { ifMatch: etagOf(updated) as string });
    expect(sent.at(-1)?.ifMatch).toBe(etagOf(updated));
  });

  it('prevents a lost update: the second writer with a stale version gets PreconditionFailedError and the first one’s change stays', async () => {
    const { client, mock } = setup();
    const mine = await client.users.get(1);
    const theirs = await other(mock).users.get(1);
    await other(mock).users.update(1, { website: 'theirs.example' }, { ifMatch: theirs });
    const error = await client.users.update(1, { name: 'Mine' }, { ifMatch: mine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as PreconditionFailedError).status).toBe(412);
    expect((error as PreconditionFailedError).name).toBe('PreconditionFailedError');
    // Sent once: a 412 is not a transient failure.
    expect((error as PreconditionFailedError).attempts).toHaveLength(1);
    expect(await client.users.get(1)).toMatchObject({ name: 'Ada Lovelace', website: 'theirs.example' });
  });

  it('guards delete too', async () => {
    const { client } = setup();
    const stale = await client.users.get(1);
    await client.users.update(1, { name: 'Changed' });
    await expect(client.users.delete(1, { ifMatch: stale })).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(client.users.get(1)).resolves.toMatchObject({ name: 'Changed' });
  });

  it('without ifMatch, the last write wins', async () => {
    const { client, sent } = setup();
    await client.users.update(1, { name: 'Last' });
    expect(sent.at(-1)?.ifMatch).toBeNull();
    await expect(client.users.get(1)).resolves.toMatchObject({ name: 'Last' });
  });

  it.each([
    ['an object with no version', {}],
    ['a copy of a returned object', { ...ada }],
    ['an unquoted string', 'abc'],
    ['a number', 3],
    ['a string with a newline', '"a"\r\nX-Evil: 1'],
  ])('rejects %s with InvalidArgumentError and sends nothing', async (_, ifMatch) => {
    const { client, sent } = setup();
    await expect(client.users.update(1, { name: 'x' }, { ifMatch: ifMatch as never })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(sent).toHaveLength(0);
  });

  it('rejects ifMatch on an operation that does not declare If-Match, and a cache option other than false', async () => {
    const { client, sent } = setup();
    await expect(client.users.get(1, { ifMatch: '"1"' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.users.get(1, { cache: true as never })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(sent).toHaveLength(0);
  });
});

describe('modify', () => {
  it('reads, applies the change and writes it with If-Match', async () => {
    const { client, sent } = setup();
    const result = await client.users.modify(1, (u) => ({ name: `${u.name}!` }));
    expect(result).toMatchObject({ id: 1, name: 'Ada Lovelace!' });
    expect(etagOf(result)).toBeDefined();
    expect(sent.map((s) => s.method)).toEqual(['GET', 'PATCH']);
    expect(sent[1]?.ifMatch).toMatch(/^"/);
  });

  it('writes nothing when the change returns undefined, and resolves to the item as read', async () => {
    const { client, sent } = setup();
    const result = await client.users.modify(1, () => undefined);
    expect(result).toEqual(ada);
    expect(sent.map((s) => s.method)).toEqual(['GET']);
  });

  it('re-reads and re-applies after a conflict', async () => {
    const { client, mock } = setup();
    let runs = 0;
    const result = await client.users.modify(1, async (u) => {
      runs++;
      // Someone else writes between our read and our write, the first time only.
      if (runs === 1) await other(mock).users.update(1, { website: 'theirs.example' });
      return { name: `${u.name} (seen ${u.website})` };
    });
    expect(runs).toBe(2);
    expect(result).toMatchObject({ name: 'Ada Lovelace (seen theirs.example)', website: 'theirs.example' });
  });

  it('gives up after maxConflictRetries with PreconditionFailedError', async () => {
    const { client, mock } = setup();
    let runs = 0;
    const error = await client.users
      .modify(
        1,
        async () => {
          runs++;
          await other(mock).users.update(1, { website: `w${runs}` });
          return { name: 'never written' };
        },
        { maxConflictRetries: 2 },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect((error as Error).message).toMatch(/maxConflictRetries = 2/);
    expect(runs).toBe(3);
    expect(await client.users.get(1)).toMatchObject({ name: 'Ada Lovelace', website: 'w3' });
  });

  it('converges under contention: concurrent modifiers each apply their change, none is lost', async () => {
    const { mock } = setup();
    const writers = 8;
    const clients = Array.from({ length: writers }, () => other(mock));
    // Each appends its own tag to the same field: a lost update would drop a tag.
    await Promise.all(
      clients.map((c, i) =>
        c.users.modify(1, (u) => ({ website: `${u.website ?? ''}[${i}]` }), {
          maxConflictRetries: writers - 1,
        }),
      ),
    );
    const final = await other(mock).users.get(1);
    const tags = (final.website ?? '').match(/\[\d+\]/g) ?? [];
    expect(tags.sort()).toEqual(Array.from({ length: writers }, (_, i) => `[${i}]`).sort());
  });

  it('with the default bound, four writers at once always converge', async () => {
    const { mock } = setup();
    await Promise.all(
      [0, 1, 2, 3].map((i) => other(mock).users.modify(1, (u) => ({ website: `${u.website ?? ''}[${i}]` }))),
    );
    expect(((await other(mock).users.get(1)).website ?? '').match(/\[\d\]/g)).toHaveLength(4);
  });

  it('exists for every tag with a get and an update (groups too)', async () => {
    const { client } = setup();
    await expect(client.groups.modify(1, () => ({ description: 'Run things' }))).resolves.toMatchObject({
      id: 1,
      description: 'Run things',
    });
  });

  it('rejects bad arguments before sending anything', async () => {
    const { client, sent } = setup();
    await expect(client.users.modify(1, 'x' as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.users.modify(1, () => ({}), { maxConflictRetries: -1 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(client.users.modify(1, () => ({}), { ifMatch: '"1"' } as never)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(client.users.modify(1, () => ({}), { idempotencyKey: 'k' } as never)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(sent).toHaveLength(0);
  });

  it('refuses to write when the server sends no ETag', async () => {
    const { mock } = setup();
    const client = new UserManagementClient({
      baseUrl: mock.baseUrl,
      fetch: async (request, init) => {
        const response = await mock.fetch(request, init);
        const headers = new Headers(response.headers);
        headers.delete('etag');
        return new Response(await response.text(), { status: response.status, headers });
      },
    });
    const error = await client.users.modify(1, () => ({ name: 'x' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserManagementError);
    expect((error as Error).message).toMatch(/no ETag/);
  });
});
