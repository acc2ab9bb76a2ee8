// The standalone functions (user-management-sdk/funcs) on a UserManagementCore (user-management-sdk/core)
// against a real loopback server: the same behaviour as the client's methods, which call them — retries,
// the Idempotency-Key reused on a retry, error classes, input checks, paging.
import { describe, expect, it } from 'vitest';
import {
  ApiError as CoreApiError,
  InvalidArgumentError,
  NotFoundError,
  UserManagementCore,
} from '../../src/core/index.js';
import { usersCreate, usersDelete, usersGet, usersList, usersUpdate } from '../../src/funcs/index.js';
import { ApiError, UserManagementClient, etagOf, type ClientOptions, type User } from '../../src/index.js';
import { ADA, useFaultServer } from '../support/drive.js';
import { fakeApi } from '../support/fake-api.js';
import type { FaultServer } from '../support/fault-server.js';

let server: FaultServer;
useFaultServer((s) => (server = s));

const options = (): ClientOptions => ({
  baseUrl: server.url,
  apiKey: 'test-key',
  logLevel: 'off',
  backoff: { baseDelayMs: 0, maxDelayMs: 0 },
});

describe('standalone functions on a UserManagementCore', () => {
  it('usersGet resolves to the same user as client.users.get, with the same request', async () => {
    const core = new UserManagementCore(options());
    const viaFunc = await usersGet(core, 1);
    const viaClient = await new UserManagementClient(options()).users.get(1);
    expect(viaFunc).toEqual(ADA);
    expect(viaClient).toEqual(viaFunc);
    const [a, b] = server.requests;
    expect(a!.method).toBe('GET');
    expect(a!.path).toBe('/users/1');
    expect(a!.path).toBe(b!.path);
    expect(a!.headers['x-api-key'] ?? a!.headers.authorization).toBeDefined();
    const { data, response } = await usersGet(core, 1).withResponse();
    expect(data).toEqual(ADA);
    expect(response.status).toBe(200);
  });

  it('retries a 503 then resolves, as the client does', async () => {
    const core = new UserManagementCore(options());
    server.script([{ kind: 'respond', status: 503 }]);
    await expect(usersGet(core, 1)).resolves.toEqual(ADA);
    expect(server.requests).toHaveLength(2);
  });

  it('sends one Idempotency-Key per create and reuses it on the retry', async () => {
    const core = new UserManagementCore(options());
    server.script([{ kind: 'respond', status: 503 }]);
    const created = await usersCreate(core, { name: 'Grace', username: 'grace', email: 'grace@example.com' });
    expect(created.name).toBe('Grace');
    expect(server.requests).toHaveLength(2);
    const [first, retry] = server.requests;
    expect(first!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry!.idempotencyKey).toBe(first!.idempotencyKey);
  });

  it('rejects a 404 with NotFoundError, the same class from the main entry and from /core', async () => {
    const core = new UserManagementCore(options());
    const err = await usersGet(core, 404).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(CoreApiError);
    expect((err as ApiError).status).toBe(404);
  });

  it('checks input before sending: a bad id is an InvalidArgumentError, with the message the client gives', async () => {
    const core = new UserManagementCore(options());
    const client = new UserManagementClient(options());
    const viaFunc = await usersGet(core, 0).catch((e: unknown) => e);
    const viaClient = await client.users.get(0).catch((e: unknown) => e);
    expect(viaFunc).toBeInstanceOf(InvalidArgumentError);
    expect((viaFunc as Error).message).toBe((viaClient as Error).message);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a first argument that is not a core, naming the function, and sends nothing', () => {
    const notACore = { baseUrl: server.url } as unknown as UserManagementCore;
    expect(() => usersGet(notACore, 1)).toThrow(InvalidArgumentError);
    expect(() => usersGet(notACore, 1)).toThrow(/^usersGet: the first argument must be a UserManagementCore/);
    expect(server.requests).toHaveLength(0);
  });

  it('usersList resolves to one page and iterates every item of every page', async () => {
    for (let id = 2; id <= 5; id++) server.users.set(id, { ...ADA, id, username: `u${id}` });
    const core = new UserManagementCore(options());
    const page = await usersList(core, { limit: 2 });
    expect(page.data.map((u) => u.id)).toEqual([1, 2]);
    expect(page.hasNextPage).toBe(true);
    const all: User[] = [];
    for await (const user of usersList(core, { limit: 2 })) all.push(user);
    expect(all.map((u) => u.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('works on a UserManagementClient too (a client is a core): usersUpdate then usersDelete', async () => {
    const client = new UserManagementClient(options());
    expect(client).toBeInstanceOf(UserManagementCore);
    const updated = await usersUpdate(client, 1, { email: 'ada@example.org' });
    expect(updated.email).toBe('ada@example.org');
    await expect(usersDelete(client, 1)).resolves.toBeUndefined();
    expect(server.users.has(1)).toBe(false);
  });

  it('shows no credentials: toString, toJSON', () => {
    const core = new UserManagementCore({ ...options(), apiKey: 'secret-key' });
    expect(String(core)).toBe(`UserManagementCore { baseUrl: ${server.url}, auth: apiKey }`);
    expect(JSON.stringify(core)).not.toContain('secret-key');
    expect(core.baseUrl).toBe(server.url);
  });
});

describe('one request path', () => {
  it('every client method sends exactly the request its standalone function sends', async () => {
    const { operations } = await import('../../src/http/operations.js');
    const funcs = (await import('../../src/funcs/index.js')) as unknown as Record<
      string,
      (...args: unknown[]) => PromiseLike<unknown>
    >;
    const { client, requests } = fakeApi((req) =>
      req.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : Response.json(req.url.includes('?') ? [] : {}),
    );
    const seen = async (send: () => PromiseLike<unknown>) => {
      await send();
      const req = requests.at(-1)!;
      const headers = Object.fromEntries([...req.headers].filter(([k]) => k !== 'idempotency-key'));
      return {
        method: req.method,
        url: req.url,
        headers,
        body: await req.text(),
        key: req.headers.has('idempotency-key'),
      };
    };
    const resources = client as unknown as Record<
      string,
      Record<string, (...args: unknown[]) => PromiseLike<unknown>>
    >;
    for (const op of Object.values(operations)) {
      const args = [
        ...op.pathParams.map(() => 7),
        ...(op.body ? [{ name: 'x' }] : []),
        ...(op.queryParams.length ? [{}] : []),
      ];
      const name = op.sdk.property + op.sdk.method[0]!.toUpperCase() + op.sdk.method.slice(1);
      const func = funcs[name];
      expect(func, name).toBeTypeOf('function');
      const viaMethod = await seen(() => resources[op.sdk.property]![op.sdk.method]!(...args));
      const viaFunc = await seen(() => func!(client, ...args));
      expect(viaFunc, name).toEqual(viaMethod);
      expect(viaFunc.key, name).toBe(op.acceptsIdempotencyKey);
    }
  });
});

describe('versions', () => {
  it('remembers the ETag of what a function returns: etagOf() reads it and ifMatch sends it', async () => {
    const requests: Request[] = [];
    const core = new UserManagementCore({
      baseUrl: 'https://api.example.com',
      apiKey: 'test-key',
      logLevel: 'off',
      fetch: async (req) => {
        requests.push(req);
        return Response.json({ ...ADA }, { headers: { etag: '"3"' } });
      },
    });
    const user = await usersGet(core, 1);
    expect(etagOf(user)).toBe('"3"');
    await usersUpdate(core, 1, { email: 'ada@example.org' }, { ifMatch: user });
    expect(requests[1]!.headers.get('if-match')).toBe('"3"');
  });
});
