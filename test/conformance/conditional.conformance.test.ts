// Conflict-safe writes and revalidation against the real json-server, behind Prism's validating proxy,
// with the conditional middleware (test/support/json-server-conditional.cjs) keeping versions and
// enforcing If-Match. Every request and response is checked against the spec by the proxy. The user it
// changes is put back as it was at the end.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { etagOf, PreconditionFailedError, type ClientOptions, type User } from '../../src/index.js';
import { conform } from './conform.js';
import { proxyClient } from './connect.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/users.json', import.meta.url), 'utf8')) as User[];
const ID = 24;
const original = fixture.find((u) => u.id === ID) as User;

/** A client through the proxy, recording the conditional headers of each request and each status. */
function connect(options: Partial<ClientOptions> = {}) {
  const seen: { method: string; ifMatch: string | null; ifNoneMatch: string | null; status?: number }[] = [];
  const client = proxyClient({
    fetch: async (req, init) => {
      const r = new Request(req, init);
      const entry = {
        method: r.method,
        ifMatch: r.headers.get('if-match'),
        ifNoneMatch: r.headers.get('if-none-match'),
      } as (typeof seen)[number];
      seen.push(entry);
      const response = await fetch(r);
      entry.status = response.status;
      return response;
    },
    ...options,
  });
  return { client, seen };
}

afterAll(async () => {
  const { id, ...fields } = original;
  expect(id).toBe(ID);
  await connect().client.users.replace(ID, fields);
});

describe('conditional requests against json-server', () => {
  it('sends a strong ETag with a read, and a new one after each write', async () => {
    const { client } = connect();
    const first = await conform(client.users.get(ID).withResponse());
    expect(first.etag).toMatch(/^"users-24-\d+"$/);
    expect(etagOf(first.data)).toBe(first.etag);
    const updated = await conform(client.users.update(ID, { phone: '555-0101' }, { ifMatch: first.data }));
    expect(etagOf(updated)).toBeDefined();
    expect(etagOf(updated)).not.toBe(first.etag);
    expect(etagOf(await conform(client.users.get(ID)))).toBe(etagOf(updated));
  });

  it('prevents a lost update: a stale ifMatch rejects with PreconditionFailedError and the other writer’s change stays', async () => {
    const alice = connect().client;
    const bob = connect().client;
    const aliceCopy = await conform(alice.users.get(ID));
    const bobCopy = await conform(bob.users.get(ID));
    await conform(bob.users.update(ID, { website: 'bob.example' }, { ifMatch: bobCopy }));
    const error = await alice.users
      .update(ID, { website: 'alice.example' }, { ifMatch: aliceCopy })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect((error as PreconditionFailedError).status).toBe(412);
    expect((error as PreconditionFailedError).attempts).toHaveLength(1);
    expect(await conform(alice.users.get(ID))).toMatchObject({ website: 'bob.example' });
    // A stale replace and delete are refused the same way.
    const { id, ...fields } = aliceCopy;
    expect(id).toBe(ID);
    await expect(alice.users.replace(ID, fields, { ifMatch: aliceCopy })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(alice.users.delete(ID, { ifMatch: aliceCopy })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await conform(alice.users.get(ID))).toMatchObject({ website: 'bob.example' });
  });

  it('modify under contention: six concurrent modifiers each get their change in, none is lost', async () => {
    await conform(connect().client.users.update(ID, { website: '' }));
    const writers = Array.from({ length: 6 }, () => connect());
    await Promise.all(
      writers.map(({ client }, i) =>
        conform(
          client.users.modify(ID, (u) => ({ website: `${u.website ?? ''}[${i}]` }), {
            maxConflictRetries: writers.length - 1,
          }),
        ),
      ),
    );
    const final = await conform(connect().client.users.get(ID));
    expect((final.website ?? '').match(/\[\d\]/g)?.sort()).toEqual([
      '[0]',
      '[1]',
      '[2]',
      '[3]',
      '[4]',
      '[5]',
    ]);
    // Conflicts happened and were resolved by re-reading, not by overwriting.
    const statuses = writers.flatMap(({ seen }) => seen.map((s) => s.status));
    expect(statuses.filter((s) => s === 412).length).toBeGreaterThan(0);
    expect(
      writers.every(({ seen }) => seen.filter((s) => s.method === 'PATCH').every((s) => s.ifMatch)),
    ).toBe(true);
  });

  it('groups have versions too', async () => {
    const { client } = connect();
    const group = await conform(client.groups.get(1));
    const changed = await conform(
      client.groups.modify(1, (g) => ({ description: `${g.description ?? ''} (checked)` })),
    );
    expect(etagOf(changed)).not.toBe(etagOf(group));
    await expect(client.groups.update(1, { name: group.name }, { ifMatch: group })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await conform(client.groups.update(1, { description: group.description ?? '' }));
  });

  it('revalidates with the cache: a repeated get sends If-None-Match, the 304 returns the same data, a write evicts it', async () => {
    const { client, seen } = connect({ cache: {} });
    const first = await conform(client.users.get(ID));
    const again = await conform(client.users.get(ID));
    expect(again).toEqual(first);
    expect(seen.map((s) => [s.ifNoneMatch, s.status])).toEqual([
      [null, 200],
      [etagOf(first), 304],
    ]);
    // Lists too: json-server's own (weak) ETag of the page.
    const page = await conform(client.users.list({ limit: 5 }));
    expect(await conform(client.users.list({ limit: 5 }))).toEqual(page);
    expect(seen.at(-1)?.status).toBe(304);
    // A write through this client evicts the user and the user lists.
    await conform(client.users.update(ID, { phone: '555-0102' }, { ifMatch: again }));
    expect(await conform(client.users.get(ID))).toMatchObject({ phone: '555-0102' });
    expect(seen.at(-1)).toMatchObject({ ifNoneMatch: null, status: 200 });
    await conform(client.users.list({ limit: 5 }));
    expect(seen.at(-1)).toMatchObject({ ifNoneMatch: null, status: 200 });
  });
});
