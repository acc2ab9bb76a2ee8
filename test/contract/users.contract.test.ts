// Every users operation through the public client against a Prism mock of spec/openapi.yaml, with
// every response body checked against the spec's own schemas. Prism validates our requests too: a
// request that breaks the spec comes back as a 4xx with `sl-violations`, so a green run here means
// the SDK speaks the contract both ways.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { parse } from 'yaml';
import {
  ApiError,
  AuthenticationError,
  InternalServerError,
  etagOf,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  UnprocessableEntityError,
  UserManagementClient,
  type ClientOptions,
  type User,
} from '../../src/index.js';

const prismUrl = inject('prismUrl');

// --- The spec's schemas as ajv validators -------------------------------------------------------

interface OpenApiDocument {
  components: { schemas: Record<string, unknown> };
}

/**
 * OpenAPI 3.0 schema objects → JSON Schema: `nullable: true` becomes a `null` type, `example` goes.
 * `readOnly` stays: JSON Schema knows it as an annotation, and only responses are validated here,
 * where read-only fields such as `id` must be present.
 */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'example' || key === 'nullable') continue;
    // Under `properties` the keys are field names (a field may be called "example"), not keywords.
    out[key] =
      key === 'properties' && typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]))
        : toJsonSchema(value);
  }
  const { nullable, type } = schema as { nullable?: unknown; type?: unknown };
  if (nullable === true && typeof type === 'string') out.type = [type, 'null'];
  return out;
}

const spec = parse(
  readFileSync(new URL('../../spec/openapi.yaml', import.meta.url), 'utf8'),
) as OpenApiDocument;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
// Registered under one id, so the spec's own `#/components/schemas/…` refs resolve unchanged.
ajv.addSchema({ $id: 'openapi.json', components: { schemas: toJsonSchema(spec.components.schemas) } });
const schemaRef = (name: string): { $ref: string } => ({ $ref: `openapi.json#/components/schemas/${name}` });

const validateUser = ajv.compile(schemaRef('User'));
const validateUsers = ajv.compile({ type: 'array', items: schemaRef('User') });
const validateProblem = ajv.compile(schemaRef('Problem'));
const validateEmpty = ajv.compile(schemaRef('Empty'));

function expectValid(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect(ajv.errorsText(validate.errors), JSON.stringify(value)).toBe('No errors');
  expect(ok).toBe(true);
}

/** Awaits a call that must fail with `Class` (an ApiError subclass) and returns the error. */
async function failureOf<T extends ApiError>(
  promise: Promise<unknown>,
  Class: new (...args: never[]) => T,
): Promise<T> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Class);
  if (!(err instanceof Class)) throw new Error(`expected a ${Class.name}`);
  return err;
}

// --- Clients ------------------------------------------------------------------------------------

beforeEach(() => {
  // Credentials or a base URL from the developer's shell must not change what these tests send.
  for (const name of ['USER_MGMT_BASE_URL', 'USER_MGMT_API_KEY', 'USER_MGMT_TOKEN', 'USER_MGMT_LOG'])
    vi.stubEnv(name, undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A fresh client per test, so no breaker, budget or Retry-After cooldown carries over. */
function client(options: ClientOptions = {}): UserManagementClient {
  return new UserManagementClient({ baseUrl: prismUrl, apiKey: 'test-key', logLevel: 'off', ...options });
}

const newUser = { name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com' };

// --- Tests --------------------------------------------------------------------------------------

describe('the spec validators', () => {
  it('reject users that break the schema, so the passes below mean something', () => {
    expect(validateUser({ id: 1, name: 'a', username: 'b', email: 'a@b.io' })).toBe(true);
    expect(validateUser({ id: 1, name: 'a', username: 'b' })).toBe(false);
    expect(validateUser({ id: 0, name: 'a', username: 'b', email: 'a@b.io' })).toBe(false);
    expect(validateUser({ id: 1, name: 'a', username: 'b', email: 'not an email' })).toBe(false);
    expect(
      validateUser({ id: 1, name: 'a', username: 'b', email: 'a@b.io', address: { geo: { lat: 1 } } }),
    ).toBe(false);
    expect(validateUsers([{ id: 1 }])).toBe(false);
    expect(validateEmpty({ a: 1 })).toBe(false);
  });
});

describe('users operations against the Prism mock', () => {
  it('lists a page of users with every query parameter, as valid Users with the paging headers read', async () => {
    const page = await client().users.list({
      page: 1,
      limit: 10,
      sort: 'name',
      order: 'asc',
      q: 'Leanne',
      username: 'Bret',
      email: 'Sincere@april.biz',
    });

    expectValid(validateUsers, page.data);
    expect(page.data.length).toBeGreaterThan(0);
    expect(page).toMatchObject({ page: 1, limit: 10, total: 10 });
    // The mock's example page is short (3 < 10), so it is the last whatever Link says.
    expect(page.hasNextPage).toBe(false);
  });

  it('walks listAll to the end, yielding valid Users', async () => {
    const users: User[] = [];
    for await (const user of client().users.listAll({ limit: 10 })) users.push(user);

    expect(users.length).toBeGreaterThan(0);
    expectValid(validateUsers, users);
  });

  it('gets a user', async () => {
    const user = await client().users.get(1);

    expectValid(validateUser, user);
    expect(user.id).toBe(1);
  });

  it('creates a user', async () => {
    const user = await client().users.create(
      { ...newUser, phone: '555-0100' },
      { idempotencyKey: 'contract-create-1' },
    );

    expectValid(validateUser, user);
  });

  it('replaces a user', async () => {
    expectValid(validateUser, await client().users.replace(1, newUser));
  });

  it('updates a user', async () => {
    expectValid(validateUser, await client().users.update(1, { email: 'ada@example.org' }));
  });

  it('deletes a user, resolving undefined, and the raw body is the spec’s Empty', async () => {
    await expect(client().users.delete(1)).resolves.toBeUndefined();

    const { data, response } = await client().raw.DELETE('/users/{id}', { params: { path: { id: 1 } } });
    expect(response.status).toBe(200);
    expectValid(validateEmpty, data);
  });

  it('is accepted with a bearer token instead of an API key', async () => {
    const bearer = new UserManagementClient({ baseUrl: prismUrl, token: 'test-token', logLevel: 'off' });

    expectValid(validateUser, await bearer.users.get(1));
  });
});

describe('error responses from the Prism mock', () => {
  it('rejects a call without credentials with AuthenticationError', async () => {
    const anonymous = new UserManagementClient({ baseUrl: prismUrl, logLevel: 'off' });

    const err = await failureOf(anonymous.users.get(1), AuthenticationError);

    expect(err.status).toBe(401);
    expectValid(validateProblem, err.body);
  });

  it('rejects a missing user (Prefer: code=404) with NotFoundError and json-server’s empty body', async () => {
    const err = await failureOf(client().users.get(42, { headers: { Prefer: 'code=404' } }), NotFoundError);

    expect(err.status).toBe(404);
    expect(err.requestId).toBe('req-7f3a');
    expectValid(validateEmpty, err.body);
  });

  it('carries problem.detail of a 404 when problem+json is asked for', async () => {
    const err = await failureOf(
      client().users.get(42, { headers: { Prefer: 'code=404', Accept: 'application/problem+json' } }),
      NotFoundError,
    );

    expectValid(validateProblem, err.body);
    expect(err.problem?.detail).toBe('User 42 does not exist.');
    expect(err.message).toBe('GET /users/42 → 404 Not Found: User 42 does not exist.');
  });

  it('rejects an invalid new user with UnprocessableEntityError, Prism naming the missing fields', async () => {
    const err = await failureOf(client().users.create({ name: 'a' } as never), UnprocessableEntityError);

    expect(err.status).toBe(422);
    expectValid(validateProblem, err.body);
    const violations = JSON.parse(err.headers['sl-violations'] ?? '[]') as { message: string }[];
    const said = violations.map((v) => v.message).join('\n');
    expect(said).toMatch(/username/);
    expect(said).toMatch(/email/);
    expect(err.fieldErrors.length).toBeGreaterThan(0);
  });

  it('rejects a rate-limited call (Prefer: code=429) with RateLimitError carrying the RateLimit-* headers', async () => {
    const err = await failureOf(
      client({ maxRetries: 0 }).users.get(1, { headers: { Prefer: 'code=429' } }),
      RateLimitError,
    );

    expect(err.status).toBe(429);
    expect(err.rateLimit).toEqual({ limit: 100, remaining: 0, resetSeconds: 2 });
    expect(err.retryAfterMs).toBe(2000);
    expectValid(validateProblem, err.body);
  });

  it('rejects a server failure (Prefer: code=500) with InternalServerError', async () => {
    const err = await failureOf(
      client({ maxRetries: 0 }).users.get(1, { headers: { Prefer: 'code=500' } }),
      InternalServerError,
    );

    expect(err.status).toBe(500);
    expectValid(validateProblem, err.body);
  });

  it('sends the ETag the spec declares with a user, and If-Match from ifMatch; a stale version (Prefer: code=412) is PreconditionFailedError', async () => {
    const { data, etag } = await client().users.get(1).withResponse();
    expect(etag).toBe('"1.3"');
    expect(etagOf(data)).toBe(etag);
    // Prism checks If-Match against the spec's parameter.
    await expect(client().users.update(1, { name: 'Ada' }, { ifMatch: data })).resolves.toMatchObject({
      id: 1,
    });
    const err = await failureOf(
      client().users.update(1, { name: 'Ada' }, { ifMatch: data, headers: { Prefer: 'code=412' } }),
      PreconditionFailedError,
    );
    expect(err.status).toBe(412);
    expect(err.attempts).toHaveLength(1);
    expectValid(validateProblem, err.body);
  });

  it('revalidates with the cache: If-None-Match is sent as the spec declares it, and a 304 (Prefer: code=304) answers from the cache', async () => {
    const cached = client({ cache: {} });
    const first = await cached.users.get(1);
    const again = await cached.users.get(1, { headers: { Prefer: 'code=304' } });
    expect(again).toEqual(first);
    expect(etagOf(again)).toBe(etagOf(first));
  });
});
