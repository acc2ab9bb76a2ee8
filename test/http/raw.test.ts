// client.raw on the same request path as the generated methods: retries, the breaker, idempotency keys
// from the spec's operation table, a fresh Request per attempt.
import { describe, expect, it } from 'vitest';
import { CircuitOpenError, UserManagementClient, type ClientOptions } from '../../src/index.js';

const BASE = 'https://api.example.com';
const user = { id: 1, name: 'A', username: 'a', email: 'a@b.co' };

function fakeApi(
  respond: (req: Request, n: number) => Response | Promise<Response>,
  options: ClientOptions = {},
) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const client = new UserManagementClient({
    baseUrl: BASE,
    apiKey: 'k',
    logLevel: 'off',
    ...options,
    fetch: async (req) => {
      requests.push(req);
      bodies.push(await req.clone().text());
      return respond(req, requests.length);
    },
  });
  return { client, requests, bodies };
}

// Retry-After: 0 makes the retry immediate, so no timer is involved.
const unavailable = (): Response =>
  Response.json(
    { title: 'Service Unavailable', status: 503 },
    { status: 503, headers: { 'retry-after': '0' } },
  );

describe('client.raw through the pipeline', () => {
  it('retries a 503 on a GET and resolves with the data', async () => {
    const { client, requests } = fakeApi((_req, n) => (n === 1 ? unavailable() : Response.json(user)));

    const { data, response } = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } } });

    expect(response.status).toBe(200);
    expect(data).toEqual(user);
    expect(requests).toHaveLength(2);
  });

  it('retries a POST the spec gives an Idempotency-Key, with one key and a fresh body on every attempt', async () => {
    const { client, requests, bodies } = fakeApi((_req, n) =>
      n === 1 ? unavailable() : Response.json({ ...user, id: 11 }, { status: 201 }),
    );

    const { data } = await client.raw.POST('/users', { body: { name: 'A', username: 'a', email: 'a@b.co' } });

    expect(data?.id).toBe(11);
    expect(requests).toHaveLength(2);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(bodies).toEqual([bodies[0], bodies[0]]);
    expect(JSON.parse(bodies[0]!)).toEqual({ name: 'A', username: 'a', email: 'a@b.co' });
  });

  it('retries a PUT (idempotent by its method) without adding an Idempotency-Key the spec does not declare', async () => {
    const { client, requests } = fakeApi((_req, n) => (n === 1 ? unavailable() : Response.json(user)));
    await client.raw.PUT('/users/{id}', {
      params: { path: { id: 1 } },
      body: { name: 'A', username: 'a', email: 'a@b.co' },
    });
    expect(requests).toHaveLength(2);
    expect(requests[0]!.headers.get('idempotency-key')).toBeNull();
  });

  it('gives openapi-fetch the last error response once retries are spent: { error, response }', async () => {
    const { client, requests } = fakeApi(() => unavailable(), { maxRetries: 2 });

    const { data, error, response } = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } } });

    expect(requests).toHaveLength(3);
    expect(data).toBeUndefined();
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ title: 'Service Unavailable' });
  });

  it('is rejected with CircuitOpenError once the breaker the methods share is open, sending nothing', async () => {
    const { client, requests } = fakeApi(() => unavailable(), {
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 60_000 },
    });

    await client.users.get(1).catch(() => undefined);
    expect(requests).toHaveLength(1);

    await expect(client.raw.GET('/users/{id}', { params: { path: { id: 1 } } })).rejects.toBeInstanceOf(
      CircuitOpenError,
    );
    expect(requests).toHaveLength(1);
  });

  it('refreshes the token after a 401 and tries once more, as the methods do', async () => {
    let calls = 0;
    const seen: (string | null)[] = [];
    const client = new UserManagementClient({
      baseUrl: BASE,
      logLevel: 'off',
      token: async () => `t${++calls}`,
      fetch: async (req) => {
        seen.push(req.headers.get('authorization'));
        return seen.length === 1 ? Response.json({}, { status: 401 }) : Response.json(user);
      },
    });

    const { data } = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } } });

    expect(data).toEqual(user);
    expect(seen).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('sends requests to paths the spec does not have, retrying only idempotent methods', async () => {
    const { client, requests } = fakeApi((_req, n) =>
      n === 1 || n === 3 ? unavailable() : Response.json({}),
    );
    const loose = client.raw as unknown as {
      GET(path: string, init?: object): Promise<{ response: Response }>;
    };
    const { response } = await loose.GET('/health');
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(2);

    const post = client.raw as unknown as {
      POST(path: string, init?: object): Promise<{ response: Response }>;
    };
    const { response: refused } = await post.POST('/reports', { body: {} });
    expect(refused.status).toBe(503);
    expect(requests).toHaveLength(3);
    expect(requests[2]!.headers.get('idempotency-key')).toBeNull();
  });
});
