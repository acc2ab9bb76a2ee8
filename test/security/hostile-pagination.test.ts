// Promise: listAll ends. A server that always answers a full page with rel="next" (Prism's mock does
// for limit ≤ 3), one that ignores the page number, or one that points `next` backwards cannot make
// it loop forever; maxPages bounds it in any case; an abort stops it before the next item; items that
// are not objects are an error.
import { expect, it } from 'vitest';
import {
  InvalidArgumentError,
  RequestAbortedError,
  UserManagementClient,
  UserManagementError,
} from '../../src/index.js';
import { json, quietLogger, useServer } from './support.js';

const api = useServer();

const client = () => new UserManagementClient({ baseUrl: api.url, logger: quietLogger });
const pageOf = (url: string) => Number(new URL(url, 'http://x').searchParams.get('_page'));
const users = (page: number, n = 3) =>
  Array.from({ length: n }, (_, i) => ({
    id: page * 100 + i,
    name: `u${i}`,
    username: `u${i}`,
    email: 'u@x.test',
  }));

async function collect(iter: AsyncIterable<unknown>, cap = 100_000): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of iter) {
    out.push(item);
    if (out.length >= cap) throw new Error('runaway iteration');
  }
  return out;
}

it('ends when the server ignores the page number and repeats the same full page with rel="next"', async () => {
  api.handle((req, res) =>
    json(res, 200, users(1), {
      link: `<${api.url}/users?_page=${pageOf(req.url ?? '') + 1}&_limit=3>; rel="next"`,
    }),
  );
  const items = await collect(client().users.listAll({ limit: 3 }));
  expect(items).toHaveLength(3);
  expect(api.requests).toHaveLength(2);
});

it('ends when `next` points back at a page already read', async () => {
  api.handle((req, res) =>
    json(res, 200, users(pageOf(req.url ?? '')), { link: `<${api.url}/users?_page=1&_limit=3>; rel="next"` }),
  );
  const items = await collect(client().users.listAll({ limit: 3 }));
  expect(items).toHaveLength(3);
  expect(api.requests).toHaveLength(1);
});

it('stops after maxPages against a server with endless distinct full pages', async () => {
  api.handle((req, res) => {
    const page = pageOf(req.url ?? '');
    json(res, 200, users(page), { link: `<${api.url}/users?_page=${page + 1}&_limit=3>; rel="next"` });
  });
  const items = await collect(client().users.listAll({ limit: 3 }, { maxPages: 4 }));
  expect(items).toHaveLength(12);
  expect(api.requests).toHaveLength(4);
});

it('rejects a maxPages that is not a whole number ≥ 1', async () => {
  await expect(collect(client().users.listAll({}, { maxPages: 0 }))).rejects.toBeInstanceOf(
    InvalidArgumentError,
  );
  await expect(collect(client().users.listAll({}, { maxPages: '5' as never }))).rejects.toThrow(/maxPages/);
});

it('checks the signal before every item, not only between pages', async () => {
  api.handle((_req, res) => json(res, 200, users(1, 10)));
  const ctl = new AbortController();
  const seen: unknown[] = [];
  const run = async () => {
    for await (const u of client().users.listAll({ limit: 10 }, { signal: ctl.signal })) {
      seen.push(u);
      if (seen.length === 2) ctl.abort();
    }
  };
  await expect(run()).rejects.toBeInstanceOf(RequestAbortedError);
  expect(seen).toHaveLength(2);
});

it('refuses items that are not objects', async () => {
  api.handle((_req, res) => json(res, 200, [users(1, 1)[0], 'root', 42]));
  const err = await collect(client().users.listAll({ limit: 3 })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserManagementError);
  expect((err as Error).message).toMatch(/not an object/);
});
