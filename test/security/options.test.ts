// Promise: options and arguments as a person writes them in plain JavaScript. Headers in any common
// form arrive; wrong types, unknown keys, null and odd bodies get a typed error that says what to fix
// (ConfigError for the client, InvalidArgumentError for a call), and nothing is misread.
import { describe, expect, it } from 'vitest';
import { ConfigError, InvalidArgumentError, UserManagementClient } from '../../src/index.js';
import { json, quietLogger, useServer } from './support.js';

const USER = { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' };
const api = useServer((_req, res) => json(res, 200, USER));

const make = (o: Record<string, unknown>) => () =>
  new UserManagementClient({ baseUrl: api.url, logger: quietLogger, ...o });

describe('headers', () => {
  const forms: [string, unknown][] = [
    ['a plain object', { 'X-Team': 'blue' }],
    ['a Headers', new Headers({ 'X-Team': 'blue' })],
    ['a Map', new Map([['X-Team', 'blue']])],
    ['an array of pairs', [['X-Team', 'blue']]],
  ];

  it.each(forms)('are sent when given to the client as %s', async (_what, headers) => {
    await make({ headers })().users.get(1);
    expect(api.requests[0]?.headers['x-team']).toBe('blue');
  });

  it.each(forms)('are sent when given to a call as %s', async (_what, headers) => {
    await make({})().users.get(1, { headers: headers as never });
    expect(api.requests[0]?.headers['x-team']).toBe('blue');
  });
});

describe('client options', () => {
  it.each([
    ['null options', null, /options must be an object/],
    [
      'an unknown key, naming the nearest',
      { timeoutMS: 5 },
      /unknown option "timeoutMS"; did you mean "timeoutMs"\?/,
    ],
    [
      'a misspelt nested key',
      { backoff: { baseDelay: 5 } },
      /backoff has an unknown option "baseDelay"; did you mean "baseDelayMs"\?/,
    ],
    [
      "circuitBreaker: 'off'",
      { circuitBreaker: 'off' },
      /circuitBreaker must be an object or false \(to switch it off\); got the string "off"/,
    ],
    ['circuitBreaker: null', { circuitBreaker: null }, /circuitBreaker must be an object or false/],
    ["retryBudget: 'false'", { retryBudget: 'false' }, /retryBudget must be an object or false/],
    [
      "retryNonIdempotent: 'false'",
      { retryNonIdempotent: 'false' },
      /retryNonIdempotent must be true or false; got the string "false"/,
    ],
    [
      "dangerouslyAllowBrowser: 'yes'",
      { dangerouslyAllowBrowser: 'yes' },
      /dangerouslyAllowBrowser must be true or false/,
    ],
    [
      "redirects: 'follow'",
      { redirects: 'follow' },
      /redirects must be one of 'same-origin', 'none', 'any-origin'/,
    ],
    ['a string rateLimit', { rateLimit: '10/s' }, /rateLimit must be an object/],
    ['headers as a string', { headers: 'X-A: 1' }, /headers must be an object of header names/],
  ])('rejects %s with a ConfigError that says what to fix', (_what, options, message) => {
    const build = options === null ? () => new UserManagementClient(null as never) : make(options);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(message);
  });

  it('never misreads retryNonIdempotent: "false" as true, or circuitBreaker: "off" as on', () => {
    // Both fail loudly above; here the real values keep working.
    expect(make({ retryNonIdempotent: false, circuitBreaker: false })).not.toThrow();
  });
});

describe('per-call options and arguments', () => {
  type Call = (c: UserManagementClient) => Promise<unknown>;
  it.each<[string, Call, RegExp]>([
    ['null options', (c) => c.users.get(1, null as never), /Request options must be an object; got null/],
    ['an unknown option', (c) => c.users.get(1, { timeout: 5 } as never), /did you mean "timeoutMs"\?/],
    [
      "retryNonIdempotent: 'false'",
      (c) => c.users.get(1, { retryNonIdempotent: 'false' } as never),
      /must be true or false/,
    ],
    [
      'maxResponseBytes: -1',
      (c) => c.users.get(1, { maxResponseBytes: -1 }),
      /maxResponseBytes must be a whole number/,
    ],
    ['null list params', (c) => c.users.list(null as never), /list params must be an object; got null/],
    ['a Date body', (c) => c.users.create(new Date() as never), /plain object/],
    ['an array body', (c) => c.users.update(1, [] as never), /plain object/],
  ])('rejects %s with InvalidArgumentError and sends nothing', async (_what, call, message) => {
    const err = await call(make({})()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as Error).message).toMatch(message);
    expect(api.requests).toHaveLength(0);
  });
});
