// Promise: a local mistake is reported as the caller's, not the network's. A body JSON cannot hold,
// a header value fetch cannot send, or a credential with a NUL sends nothing, is never retried, leaves
// the circuit breaker closed, and never repeats the offending value in a message or a log line.
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  ConnectionError,
  InvalidArgumentError,
  UserManagementClient,
  type ClientOptions,
} from '../../src/index.js';
import { json, SECRETS, startServer, useRecordingLogger, useServer } from './support.js';
import { transportUnderTest } from '../support/transport.js';

const USER = { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' };
const { lines, logger } = useRecordingLogger();
const api = useServer((_req, res) => json(res, 200, USER));

function client(options: Partial<ClientOptions> = {}): UserManagementClient {
  return new UserManagementClient({
    baseUrl: api.url,
    logger,
    logLevel: 'debug',
    // One counted failure would open the breaker: any local failure it counted would show at once.
    circuitBreaker: { failureThreshold: 1 },
    backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    ...transportUnderTest(options),
    ...options,
  });
}

class Account {
  name = 'x';
}
const cycle: Record<string, unknown> = { name: 'x' };
cycle.self = cycle;

const badBodies: [string, unknown, RegExp][] = [
  ['a BigInt', { name: 'x', id: 10n }, /BigInt/],
  ['a cycle', cycle, /cycle/],
  [
    'a throwing toJSON',
    {
      name: 'x',
      extra: {
        toJSON: () => {
          throw new Error(SECRETS.password);
        },
      },
    },
    /toJSON/,
  ],
  ['a Date', new Date(0), /plain object/],
  ['a class instance', new Account(), /plain object.*Account/],
  ['an array', [USER], /plain object/],
  ['null', null, /plain object/],
];

describe.each(badBodies)('a body with %s', (_what, body, message) => {
  it('rejects with InvalidArgumentError, sends nothing, retries nothing and leaves the breaker closed', async () => {
    const c = client();
    for (let i = 0; i < 3; i++) {
      const err = await c.users.create(body as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect(err).not.toBeInstanceOf(ConnectionError);
      expect((err as Error).message).toMatch(message);
      expect(String(err)).not.toContain(SECRETS.password);
    }
    expect(api.requests).toHaveLength(0);
    // The breaker (threshold 1) is still closed: a good call goes through.
    await expect(c.users.get(1)).resolves.toEqual(USER);
  });
});

const badValues: [string, string][] = [
  ['a NUL', `${SECRETS.header}\u0000`],
  ['a character above U+00FF', `${SECRETS.header}\u2603`],
  ['a CR/LF', `${SECRETS.header}\r\nX-Injected: 1`],
];

describe.each(badValues)('a header value with %s', (_what, value) => {
  it('in the client headers, apiKey or token: ConfigError at construction, value not repeated', () => {
    for (const options of [
      { headers: { 'X-Team': value } },
      { headers: new Map([['X-Team', value]]) },
      { apiKey: value },
      { token: value },
    ] as Partial<ClientOptions>[]) {
      const err = (() => {
        try {
          client(options);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(ConfigError);
      expect(String(err)).not.toContain(SECRETS.header);
    }
  });

  it('in per-call headers or idempotencyKey: InvalidArgumentError, nothing sent, breaker closed', async () => {
    const c = client();
    for (const call of [
      () => c.users.get(1, { headers: { 'X-Team': value } }),
      () => c.users.get(1, { headers: [['X-Team', value]] }),
      () => c.users.create({ ...USER }, { idempotencyKey: value }),
    ]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect(String(err)).not.toContain(SECRETS.header);
    }
    expect(api.requests).toHaveLength(0);
    await expect(c.users.get(1)).resolves.toEqual(USER);
    expect(lines.join('\n')).not.toContain(SECRETS.header);
  });

  it('returned by a token function: ConfigError, nothing sent, not retried, not logged', async () => {
    let calls = 0;
    const c = client({
      token: () => {
        calls++;
        return value;
      },
    });
    const err = await c.users.get(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(String(err)).not.toContain(SECRETS.header);
    expect(calls).toBe(1);
    expect(api.requests).toHaveLength(0);
    expect(lines.join('\n')).not.toContain(SECRETS.header);
  });
});

it('reports a TypeError fetch raises while building the request as the caller’s, not "may have been processed"', async () => {
  const c = client({
    fetch: () =>
      Promise.reject(new TypeError(`Headers.append: "${SECRETS.header}\u0000" is an invalid header value.`)),
    maxRetries: 2,
  });
  const err = await c.users.get(1).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidArgumentError);
  expect(err).not.toBeInstanceOf(ConnectionError);
  expect(String(err)).not.toContain(SECRETS.header);
  expect((err as InvalidArgumentError).attempts).toHaveLength(1);
});

it('still reports a real network failure as ConnectionError', async () => {
  const down = await startServer();
  const url = down.url;
  await down.close();
  const err = await new UserManagementClient({ baseUrl: url, maxRetries: 0, logger }).users
    .get(1)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectionError);
});
