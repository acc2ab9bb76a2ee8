// Every SDK method against the real json-server, through Prism's validating proxy: a disagreement between
// spec/openapi.yaml and what json-server actually does fails the test with Prism's violation message.
// The tests share one database and run in order; the write tests leave it as they found it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotFoundError,
  UnprocessableEntityError,
  type NewUser,
  type User,
} from '../../src/index.js';
import { recordingProxyClient } from './connect.js';
import { conform, conformAll } from './conform.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/users.json', import.meta.url), 'utf8')) as User[];

/** A client through the proxy that records each request URL; no retries, so a violation surfaces at once. */
const connect = ({ withKey = true }: { withKey?: boolean } = {}) => recordingProxyClient({ withKey });

const ada: NewUser = { name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com', phone: '555-0100' };

const names = (users: readonly User[]): string[] => users.map((u) => u.name);

describe('json-server behind Prism (proxy, --errors)', () => {
  describe('paging with X-Total-Count and Link', () => {
    it('lists the first page of 10 with the total of 25 and a next page', async () => {
      const { client } = connect();
      const page = await conform(client.users.list({ page: 1, limit: 10 }));
      expect(page).toMatchObject({ total: 25, page: 1, limit: 10, hasNextPage: true });
      expect(page.data).toEqual(fixture.slice(0, 10));
    });

    it('answers the last, short page with 5 users and no next page', async () => {
      const { client } = connect();
      const page = await conform(client.users.list({ page: 3, limit: 10 }));
      expect(page).toMatchObject({ total: 25, page: 3, hasNextPage: false });
      expect(page.data.map((u) => u.id)).toEqual([21, 22, 23, 24, 25]);
    });

    it('listAll over 25 users in pages of 10 yields exactly 25 distinct users in three requests', async () => {
      const { client, urls } = connect();
      const users = await conformAll(client.users.listAll({ limit: 10 }));
      expect(users).toHaveLength(25);
      expect(new Set(users.map((u) => u.id)).size).toBe(25);
      expect(users).toEqual(fixture);
      expect(urls.map((u) => u.searchParams.get('_page'))).toEqual(['1', '2', '3']);
    });
  });

  describe('sorting, search and filters', () => {
    it('sorts by name, descending, across pages', async () => {
      const { client } = connect();
      // json-server sorts with lodash orderBy: plain string comparison, as Array.prototype.sort does.
      const expected = names(fixture).sort().reverse();
      const first = await conform(client.users.list({ sort: 'name', order: 'desc', limit: 10 }));
      expect(names(first.data)).toEqual(expected.slice(0, 10));
      const all = await conformAll(client.users.listAll({ sort: 'name', order: 'desc', limit: 10 }));
      expect(names(all)).toEqual(expected);
    });

    it('searches every field, nested ones included, case-insensitively with q', async () => {
      const { client } = connect();
      const byName = await conform(client.users.list({ q: 'lamarr' }));
      expect(byName.data.map((u) => u.name)).toEqual(['Hedy Lamarr']);
      expect(byName).toMatchObject({ total: 1, hasNextPage: false });
      const byCity = await conform(client.users.list({ q: 'gwenborough' }));
      expect(byCity.data.map((u) => u.id)).toEqual([1]);
    });

    it('filters by exact username and by exact email', async () => {
      const { client } = connect();
      const byUsername = await conform(client.users.list({ username: 'Bret' }));
      expect(byUsername.data).toEqual([fixture[0]]);
      const byEmail = await conform(client.users.list({ email: 'Shanna@melissa.tv' }));
      expect(byEmail.data.map((u) => u.username)).toEqual(['Antonette']);
    });

    it('answers a filter nothing matches with an empty page and a total of 0', async () => {
      const { client } = connect();
      const page = await conform(client.users.list({ username: 'nobody-has-this-name' }));
      expect(page).toEqual({ data: [], total: 0, page: 1, limit: 10, hasNextPage: false });
    });
  });

  describe('one user', () => {
    it('gets a user with the full address, geo and company', async () => {
      const { client } = connect();
      expect(await conform(client.users.get(1))).toEqual(fixture[0]);
    });

    it('rejects a missing id with NotFoundError, the 404 body being json-server’s {}', async () => {
      const { client } = connect();
      const err: unknown = await conform(client.users.get(999)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err).toMatchObject({ status: 404, body: {} });
    });
  });

  describe('writes', () => {
    it('creates → gets → updates → replaces → deletes a user, after which get rejects with NotFoundError', async () => {
      const { client } = connect();
      const created = await conform(client.users.create(ada));
      // json-server assigns the largest id + 1.
      expect(created).toEqual({ ...ada, id: 26 });
      expect(await conform(client.users.get(created.id))).toEqual(created);

      const updated = await conform(client.users.update(created.id, { email: 'ada@example.org' }));
      expect(updated).toEqual({ ...created, email: 'ada@example.org' });

      // PUT replaces: phone, left out, is gone.
      const replaced = await conform(
        client.users.replace(created.id, { name: 'Ada King', username: 'ada', email: 'ada@example.org' }),
      );
      expect(replaced).toEqual({
        id: created.id,
        name: 'Ada King',
        username: 'ada',
        email: 'ada@example.org',
      });

      await expect(conform(client.users.delete(created.id))).resolves.toBeUndefined();
      await expect(conform(client.users.get(created.id))).rejects.toBeInstanceOf(NotFoundError);
      expect((await conform(client.users.list())).total).toBe(25);
    });

    it('rejects update, replace and delete of a missing id with NotFoundError', async () => {
      const { client } = connect();
      await expect(conform(client.users.update(999, { name: 'x' }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(conform(client.users.replace(999, ada))).rejects.toBeInstanceOf(NotFoundError);
      await expect(conform(client.users.delete(999))).rejects.toBeInstanceOf(NotFoundError);
    });

    it('json-server ignores Idempotency-Key: the same key twice creates two users', async () => {
      const { client } = connect();
      const key = '0f8fad5b-d9cb-469f-a165-70867728950e';
      const first = await conform(client.users.create(ada, { idempotencyKey: key }));
      const second = await conform(client.users.create(ada, { idempotencyKey: key }));
      try {
        expect(second.id).not.toBe(first.id);
      } finally {
        await conform(client.users.delete(first.id));
        await conform(client.users.delete(second.id));
      }
      expect((await conform(client.users.list())).total).toBe(25);
    });
  });

  describe('what the proxy enforces from the spec', () => {
    it('rejects a request without credentials with AuthenticationError (json-server itself checks none)', async () => {
      const { client } = connect({ withKey: false });
      await expect(client.users.get(1)).rejects.toBeInstanceOf(AuthenticationError);
    });

    it('stops a body the spec forbids before it reaches json-server, with UnprocessableEntityError', async () => {
      const { client } = connect();
      await expect(client.users.create({ ...ada, email: 'not-an-email' })).rejects.toBeInstanceOf(
        UnprocessableEntityError,
      );
      expect((await conform(client.users.list())).total).toBe(25);
    });
  });
});
