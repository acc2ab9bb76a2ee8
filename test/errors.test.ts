import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CircuitOpenError,
  ConfigError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  QueueFullError,
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
  UnprocessableEntityError,
  UserManagementClient,
  UserManagementError,
  type ApiErrorInit,
} from '../src/index.js';
// Internal: only the request path calls it, so it is not part of the public surface.
import { errorFromResponse } from '../src/errors.js';

const URL_42 = 'https://api.example.com/users/42';

/** Asserts `value` is a `Class` and returns it as one (a checked downcast). */
function expectInstance<T>(value: unknown, Class: new (...args: never[]) => T): T {
  expect(value).toBeInstanceOf(Class);
  if (!(value instanceof Class)) throw new Error(`expected a ${Class.name}`);
  return value;
}

function init(status: number, more: Partial<ApiErrorInit> = {}): ApiErrorInit {
  return { status, headers: {}, body: undefined, method: 'GET', url: URL_42, ...more };
}

describe('errorFromResponse', () => {
  it.each([
    [400, 'BadRequestError', BadRequestError],
    [401, 'AuthenticationError', AuthenticationError],
    [403, 'PermissionDeniedError', PermissionDeniedError],
    [404, 'NotFoundError', NotFoundError],
    [409, 'ConflictError', ConflictError],
    [422, 'UnprocessableEntityError', UnprocessableEntityError],
    [429, 'RateLimitError', RateLimitError],
    [500, 'InternalServerError', InternalServerError],
    [502, 'InternalServerError', InternalServerError],
    [503, 'InternalServerError', InternalServerError],
    [504, 'InternalServerError', InternalServerError],
    [405, 'ApiError', ApiError],
    [410, 'ApiError', ApiError],
    [418, 'ApiError', ApiError],
    [451, 'ApiError', ApiError],
  ] as const)('maps status %i to %s', (status, _name, Class) => {
    const err = errorFromResponse(init(status));

    // The exact class, not just an ancestor: every one of them is an ApiError.
    expect(Object.getPrototypeOf(err)).toBe(Class.prototype);
    expect(err.status).toBe(status);
  });

  it('formats the message as "METHOD path → status statusText: title: detail"', () => {
    const err = errorFromResponse(
      init(404, {
        statusText: 'Not Found',
        body: { type: 'about:blank', title: 'No such user', status: 404, detail: 'User 42 does not exist.' },
      }),
    );

    expect(err.message).toBe('GET /users/42 → 404 Not Found: No such user: User 42 does not exist.');
  });

  it('leaves out a problem title that only repeats the status text', () => {
    const err = errorFromResponse(
      init(404, {
        statusText: 'Not Found',
        body: { title: 'Not Found', status: 404, detail: 'User 42 does not exist.' },
      }),
    );

    expect(err.message).toBe('GET /users/42 → 404 Not Found: User 42 does not exist.');
  });

  it('keeps the query string of the URL in the message', () => {
    const err = errorFromResponse(
      init(400, { url: 'https://api.example.com/users?_limit=abc', statusText: 'Bad Request' }),
    );

    expect(err.message).toBe('GET /users?_limit=abc → 400 Bad Request');
  });

  it('parses a problem-details body into problem', () => {
    const body = {
      type: 'https://example.com/probs/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The username Bret is taken.',
      instance: '/users',
    };
    const err = errorFromResponse(
      init(409, { method: 'POST', url: 'https://api.example.com/users', statusText: 'Conflict', body }),
    );

    expect(err.problem).toEqual(body);
    expect(err.body).toEqual(body);
    expect(err.message).toBe('POST /users → 409 Conflict: The username Bret is taken.');
  });

  it('reads the fieldErrors of a 422 and lists them in the message, skipping malformed entries', () => {
    const body = {
      title: 'Unprocessable Entity',
      detail: 'The user is invalid.',
      errors: [
        { field: 'email', message: 'must be an email address' },
        { field: 'username' },
        'nonsense',
        { field: 'name', message: 'must not be empty' },
      ],
    };
    const err = expectInstance(
      errorFromResponse(
        init(422, {
          method: 'POST',
          url: 'https://api.example.com/users',
          statusText: 'Unprocessable Entity',
          body,
        }),
      ),
      UnprocessableEntityError,
    );

    expect(err.fieldErrors).toEqual([
      { field: 'email', message: 'must be an email address' },
      { field: 'name', message: 'must not be empty' },
    ]);
    expect(err.message).toBe(
      'POST /users → 422 Unprocessable Entity: The user is invalid. (email: must be an email address; name: must not be empty)',
    );
  });

  it('gives a 422 without errors[] an empty fieldErrors list', () => {
    const err = expectInstance(
      errorFromResponse(init(422, { body: { title: 'Unprocessable Entity' } })),
      UnprocessableEntityError,
    );

    expect(err.fieldErrors).toEqual([]);
  });

  it('handles an empty body with a message of the status alone', () => {
    const err = errorFromResponse(init(500, { method: 'DELETE', statusText: 'Internal Server Error' }));

    expect(err.message).toBe('DELETE /users/42 → 500 Internal Server Error');
    expect(err.body).toBeUndefined();
    expect(err.problem).toBeUndefined();
  });

  it('handles the empty object json-server sends with a 404', () => {
    const err = errorFromResponse(init(404, { statusText: 'Not Found', body: {} }));

    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('GET /users/42 → 404 Not Found');
    expect(err.body).toEqual({});
    expect(err.problem).toBeUndefined();
  });

  it('does not take a JSON array or an object without title, detail or type for a problem', () => {
    expect(errorFromResponse(init(400, { body: [{ title: 'x' }] })).problem).toBeUndefined();
    expect(errorFromResponse(init(400, { body: { error: 'bad' } })).problem).toBeUndefined();
  });

  it('puts a snippet of a text body in the message', () => {
    const err = errorFromResponse(
      init(502, { statusText: 'Bad Gateway', body: '<html>\n  <body>upstream  down</body>\n</html>' }),
    );

    expect(err.message).toBe('GET /users/42 → 502 Bad Gateway: <html> <body>upstream down</body> </html>');
    expect(err.body).toBe('<html>\n  <body>upstream  down</body>\n</html>');
  });

  it('cuts a long text body to 120 characters in the message, keeping it whole in body', () => {
    const text = `${'x'.repeat(120)}TAIL-NOT-SHOWN`;
    const err = errorFromResponse(init(500, { statusText: 'Internal Server Error', body: text }));

    expect(err.message).toBe(`GET /users/42 → 500 Internal Server Error: ${'x'.repeat(120)}…`);
    expect(err.message).not.toContain('TAIL');
    expect(err.body).toBe(text);
  });

  it('takes requestId from the x-request-id header', () => {
    const err = errorFromResponse(init(500, { headers: { 'x-request-id': 'req-7f3a' } }));

    expect(err.requestId).toBe('req-7f3a');
    expect(errorFromResponse(init(500)).requestId).toBeUndefined();
  });

  it('keeps headers, method, url and retryAfterMs', () => {
    const headers = { 'content-type': 'application/problem+json', 'retry-after': '2' };
    const err = errorFromResponse(init(503, { method: 'PUT', headers, retryAfterMs: 2000 }));

    expect(err.headers).toEqual(headers);
    expect(err.method).toBe('PUT');
    expect(err.url).toBe(URL_42);
    expect(err.retryAfterMs).toBe(2000);
  });

  it('reads RateLimit-Limit, -Remaining and -Reset into rateLimit', () => {
    const err = errorFromResponse(
      init(429, {
        headers: { 'ratelimit-limit': '100', 'ratelimit-remaining': '0', 'ratelimit-reset': '30' },
        retryAfterMs: 30_000,
      }),
    );

    expect(expectInstance(err, RateLimitError).rateLimit).toEqual({
      limit: 100,
      remaining: 0,
      resetSeconds: 30,
    });
    expect(err.retryAfterMs).toBe(30_000);
  });

  it('leaves absent or unreadable RateLimit-* headers out of rateLimit', () => {
    const err = expectInstance(
      errorFromResponse(init(429, { headers: { 'ratelimit-limit': 'lots', 'ratelimit-remaining': '-1' } })),
      RateLimitError,
    );

    expect(err.rateLimit).toEqual({});
  });

  it('uses a message given by the caller instead of the built one', () => {
    expect(errorFromResponse(init(404), 'custom words').message).toBe('custom words');
  });
});

describe('the error tree', () => {
  const api = init(404);
  const instances = [
    [new UserManagementError('m'), 'UserManagementError', [Error]],
    [new ConfigError('m'), 'ConfigError', [UserManagementError, Error]],
    [new InvalidArgumentError('m'), 'InvalidArgumentError', [UserManagementError, Error]],
    [new ApiError(api), 'ApiError', [UserManagementError, Error]],
    [new BadRequestError(api), 'BadRequestError', [ApiError, UserManagementError, Error]],
    [new AuthenticationError(api), 'AuthenticationError', [ApiError, UserManagementError, Error]],
    [new PermissionDeniedError(api), 'PermissionDeniedError', [ApiError, UserManagementError, Error]],
    [new NotFoundError(api), 'NotFoundError', [ApiError, UserManagementError, Error]],
    [new ConflictError(api), 'ConflictError', [ApiError, UserManagementError, Error]],
    [new UnprocessableEntityError(api), 'UnprocessableEntityError', [ApiError, UserManagementError, Error]],
    [new RateLimitError(api), 'RateLimitError', [ApiError, UserManagementError, Error]],
    [new InternalServerError(api), 'InternalServerError', [ApiError, UserManagementError, Error]],
    [new ConnectionError('m'), 'ConnectionError', [UserManagementError, Error]],
    [
      new TimeoutError('m', { kind: 'attempt', timeoutMs: 5 }),
      'TimeoutError',
      [ConnectionError, UserManagementError, Error],
    ],
    [new RequestAbortedError('m'), 'RequestAbortedError', [UserManagementError, Error]],
    [new CircuitOpenError('m', 1000), 'CircuitOpenError', [UserManagementError, Error]],
    [new QueueFullError('m'), 'QueueFullError', [UserManagementError, Error]],
  ] as const;

  it.each(instances.map(([err, name, ancestors]) => ({ err, name, ancestors })))(
    '$name has its own name and the ancestors it promises',
    ({ err, name, ancestors }) => {
      expect(err.name).toBe(name);
      expect(String(err).startsWith(`${name}: `)).toBe(true);
      expect(err.stack?.startsWith(`${name}: `)).toBe(true);
      for (const Ancestor of ancestors) expect(err).toBeInstanceOf(Ancestor);
    },
  );

  it('does not make a connection failure an ApiError, nor an ApiError a connection failure', () => {
    expect(new TimeoutError('m', { kind: 'deadline', timeoutMs: 5 })).not.toBeInstanceOf(ApiError);
    expect(new NotFoundError(api)).not.toBeInstanceOf(ConnectionError);
  });

  it('keeps the original failure in cause', () => {
    const cause = new TypeError('fetch failed');

    expect(new ConnectionError('m', { cause }).cause).toBe(cause);
    expect(new TimeoutError('m', { kind: 'attempt', timeoutMs: 5, cause }).cause).toBe(cause);
    expect(new RequestAbortedError('m', { cause }).cause).toBe(cause);
  });

  it('records which limit a TimeoutError hit, and that the request may have been processed', () => {
    const err = new TimeoutError('m', { kind: 'deadline', timeoutMs: 250 });

    expect(err.kind).toBe('deadline');
    expect(err.timeoutMs).toBe(250);
    expect(err.mayHaveBeenProcessed).toBe(true);
  });

  it('lets a ConnectionError say the request was never sent', () => {
    expect(new ConnectionError('m').mayHaveBeenProcessed).toBe(true);
    expect(new ConnectionError('m', { mayHaveBeenProcessed: false }).mayHaveBeenProcessed).toBe(false);
  });

  it('starts every error with no attempts and no elapsed time', () => {
    const err = new NotFoundError(api);

    expect(err.attempts).toEqual([]);
    expect(err.elapsedMs).toBe(0);
  });
});

describe('errors through the client', () => {
  /** A client whose every request gets `respond`'s answer; no retries, so no backoff waits. */
  function clientAnswering(respond: (req: Request) => Response): UserManagementClient {
    return new UserManagementClient({
      baseUrl: 'https://api.example.com',
      apiKey: 'test-key',
      maxRetries: 0,
      logLevel: 'off',
      fetch: async (req) => respond(req),
    });
  }

  it('rejects a 200 with a malformed JSON body with an ApiError naming the status and quoting the body, not a SyntaxError', async () => {
    const client = clientAnswering(
      () =>
        new Response('<html>maintenance page</html>', {
          status: 200,
          statusText: 'OK',
          headers: { 'content-type': 'application/json' },
        }),
    );

    const err: unknown = await client.users.get(42).catch((e: unknown) => e);

    expect(err).not.toBeInstanceOf(SyntaxError);
    const apiError = expectInstance(err, ApiError);
    expect(apiError.status).toBe(200);
    expect(apiError.message).toBe(
      'GET /users/42 → 200 OK: the response body is not valid JSON: <html>maintenance page</html>',
    );
    expect(apiError.body).toBe('<html>maintenance page</html>');
  });

  it('rejects a 404 with an empty-object body with NotFoundError', async () => {
    const client = clientAnswering(
      () =>
        new Response('{}', {
          status: 404,
          statusText: 'Not Found',
          headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
        }),
    );

    const err = expectInstance(await client.users.get(42).catch((e: unknown) => e), NotFoundError);

    expect(err.message).toBe('GET /users/42 → 404 Not Found');
    expect(err.body).toEqual({});
    expect(err.requestId).toBe('req-1');
    expect(err.attempts).toEqual([expect.objectContaining({ attempt: 1, status: 404 })]);
  });

  it('rejects a 404 with problem+json with NotFoundError carrying problem.detail', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'User 42 does not exist.',
    };
    const client = clientAnswering(
      () =>
        new Response(JSON.stringify(problem), {
          status: 404,
          statusText: 'Not Found',
          headers: { 'content-type': 'application/problem+json' },
        }),
    );

    const err = expectInstance(await client.users.get(42).catch((e: unknown) => e), NotFoundError);

    expect(err.problem?.detail).toBe('User 42 does not exist.');
    expect(err.message).toBe('GET /users/42 → 404 Not Found: User 42 does not exist.');
  });

  it('rejects a 422 with UnprocessableEntityError carrying the fieldErrors', async () => {
    const problem = {
      title: 'Unprocessable Entity',
      detail: 'The user is invalid.',
      errors: [{ field: 'email', message: 'must be an email address' }],
    };
    const client = clientAnswering(
      () =>
        new Response(JSON.stringify(problem), {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );

    const err = expectInstance(
      await client.users.create({ name: 'a', username: 'b', email: 'c' }).catch((e: unknown) => e),
      UnprocessableEntityError,
    );

    expect(err.fieldErrors).toEqual([{ field: 'email', message: 'must be an email address' }]);
  });

  it('rejects a 429 with RateLimitError carrying rateLimit and retryAfterMs', async () => {
    const client = clientAnswering(
      () =>
        new Response(null, {
          status: 429,
          headers: {
            'retry-after': '2',
            'ratelimit-limit': '100',
            'ratelimit-remaining': '0',
            'ratelimit-reset': '2',
          },
        }),
    );

    const err = expectInstance(await client.users.get(42).catch((e: unknown) => e), RateLimitError);

    expect(err.rateLimit).toEqual({ limit: 100, remaining: 0, resetSeconds: 2 });
    expect(err.retryAfterMs).toBe(2000);
  });

  it('rejects a 500 with a text body with InternalServerError quoting the text', async () => {
    const client = clientAnswering(
      () => new Response('upstream exploded', { status: 500, statusText: 'Internal Server Error' }),
    );

    const err = expectInstance(await client.users.get(42).catch((e: unknown) => e), InternalServerError);

    expect(err.message).toBe('GET /users/42 → 500 Internal Server Error: upstream exploded');
  });

  it('resolves a 204 delete with undefined', async () => {
    const client = clientAnswering(() => new Response(null, { status: 204 }));

    await expect(client.users.delete(42)).resolves.toBeUndefined();
  });

  it('resolves json-server’s 200 delete with {} with undefined too', async () => {
    const client = clientAnswering(
      () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );

    await expect(client.users.delete(42)).resolves.toBeUndefined();
  });

  it('rejects a network failure with ConnectionError keeping the original error in cause', async () => {
    const failure = new TypeError('fetch failed');
    const client = new UserManagementClient({
      baseUrl: 'https://api.example.com',
      maxRetries: 0,
      logLevel: 'off',
      fetch: () => Promise.reject(failure),
    });

    const err = expectInstance(await client.users.get(42).catch((e: unknown) => e), ConnectionError);

    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(err.cause).toBe(failure);
    expect(err.message).toMatch(/^GET \/users\/42 failed \(fetch failed\)/);
  });
});
