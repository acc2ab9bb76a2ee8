import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { UserManagementClient, type ClientOptions, type Logger, type LogLevel } from '../src/index.js';
import { createLogger, createRedactor, DEFAULT_REDACT_KEYS, LOG_LEVELS, REDACTED } from '../src/logging.js';

type Method = 'error' | 'warn' | 'info' | 'debug';
const METHODS: readonly Method[] = ['error', 'warn', 'info', 'debug'];

function spySink() {
  return { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
}

describe('createLogger', () => {
  const expected: Record<LogLevel, readonly Method[]> = {
    off: [],
    error: ['error'],
    warn: ['error', 'warn'],
    info: ['error', 'warn', 'info'],
    debug: ['error', 'warn', 'info', 'debug'],
  };

  it.each(LOG_LEVELS)(
    'at level %s passes the lines at or above it to the sink and drops the rest',
    (level) => {
      const sink = spySink();
      const log = createLogger(level, sink);

      for (const m of METHODS) log[m](`a ${m} line`, { n: 1 });

      for (const m of METHODS) {
        if (expected[level].includes(m)) {
          expect(sink[m]).toHaveBeenCalledExactlyOnceWith(`a ${m} line`, { n: 1 });
        } else {
          expect(sink[m]).not.toHaveBeenCalled();
        }
        expect(log.enabled(m)).toBe(expected[level].includes(m));
      }
    },
  );

  it('passes only the message when there are no fields', () => {
    const sink = spySink();

    createLogger('info', sink).info('plain');

    expect(sink.info.mock.calls).toStrictEqual([['plain']]);
  });

  it('passes (fields, message) to pino- and bunyan-shaped loggers, which read them in that order', () => {
    const calls: unknown[][] = [];
    const pinoLike = {
      bindings: () => ({}),
      error: (...a: unknown[]) => calls.push(a),
      warn: (...a: unknown[]) => calls.push(a),
      info: (...a: unknown[]) => calls.push(a),
      debug: (...a: unknown[]) => calls.push(a),
    };
    createLogger('info', pinoLike).info('GET /users/1 → 200', { status: 200 });
    createLogger('info', pinoLike).warn('no fields');
    const bunyanLike = { ...pinoLike, bindings: undefined, streams: [] };
    createLogger('info', bunyanLike).info('bunyan', { a: 1 });
    expect(calls).toEqual([
      [{ status: 200 }, 'GET /users/1 → 200'],
      [{}, 'no fields'],
      [{ a: 1 }, 'bunyan'],
    ]);
  });

  it('calls the sink’s methods on the sink, so loggers that use `this` work', () => {
    const lines: string[] = [];
    class ThisLogger implements Logger {
      readonly prefix = 'app';
      error(message: string): void {
        lines.push(`${this.prefix} ${message}`);
      }
      warn(message: string): void {
        lines.push(`${this.prefix} ${message}`);
      }
      info(message: string): void {
        lines.push(`${this.prefix} ${message}`);
      }
      debug(message: string): void {
        lines.push(`${this.prefix} ${message}`);
      }
    }

    const log = createLogger('debug', new ThisLogger());
    log.warn('w');
    log.debug('d');

    expect(lines).toEqual(['app w', 'app d']);
  });
});

describe('createRedactor', () => {
  const redactor = createRedactor(DEFAULT_REDACT_KEYS);

  it('redacts Authorization, X-API-Key, Cookie and Set-Cookie whatever their case, and keeps other headers', () => {
    const out = redactor.headers({
      Authorization: 'Bearer tok',
      'x-api-key': 'sk',
      COOKIE: 'sid=1',
      'Set-Cookie': 'sid=2',
      'Proxy-Authorization': 'Basic abc',
      'Content-Type': 'application/json',
      'X-Request-Id': 'req-1',
    });

    expect(out).toEqual({
      Authorization: REDACTED,
      'x-api-key': REDACTED,
      COOKIE: REDACTED,
      'Set-Cookie': REDACTED,
      'Proxy-Authorization': REDACTED,
      'Content-Type': 'application/json',
      'X-Request-Id': 'req-1',
    });
  });

  it('redacts headers whose names contain a secret key fragment', () => {
    expect(redactor.headers({ 'X-Auth-Token': 't', 'X-Client-Secret': 's' })).toEqual({
      'X-Auth-Token': REDACTED,
      'X-Client-Secret': REDACTED,
    });
  });

  it('redacts secret query parameters in a URL and keeps the rest as they were', () => {
    expect(redactor.url('https://api.example.com/users?api_key=sk-1&_page=2&token=tok-2&q=a%20b#frag')).toBe(
      `https://api.example.com/users?api_key=${REDACTED}&_page=2&token=${REDACTED}&q=a%20b#frag`,
    );
  });

  it('matches percent-encoded and differently cased parameter names', () => {
    expect(redactor.url('https://api.example.com/?API%5FKEY=sk-1&Access_Token=tok')).toBe(
      `https://api.example.com/?API%5FKEY=${REDACTED}&Access_Token=${REDACTED}`,
    );
  });

  it('removes user:password@ from a URL', () => {
    expect(redactor.url('https://user:pass@api.example.com/users')).toBe('https://api.example.com/users');
  });

  it('removes userinfo even from a string that is not a valid URL', () => {
    expect(redactor.url('GET https://user:pass@api.example.com/users failed')).toBe(
      'GET https://api.example.com/users failed',
    );
  });

  it('redacts userinfo and secret query parameters anywhere in free text', () => {
    expect(
      redactor.text(
        'GET https://u:p@api.example.com/users?token=t1&_page=2 failed; retry https://api.example.com/x?api_key=k2',
      ),
    ).toBe(
      `GET https://api.example.com/users?token=${REDACTED}&_page=2 failed; retry https://api.example.com/x?api_key=${REDACTED}`,
    );
  });

  it('leaves free text without secrets unchanged', () => {
    const message = 'GET /users?_page=2&_limit=10 → 404 Not Found: User 42 does not exist.';

    expect(redactor.text(message)).toBe(message);
  });

  it('leaves a URL without secrets unchanged', () => {
    expect(redactor.url('https://api.example.com/users?_page=2&_limit=10')).toBe(
      'https://api.example.com/users?_page=2&_limit=10',
    );
  });

  it('redacts nested body fields and array items, without changing the input', () => {
    const input = {
      name: 'Ada',
      password: 'p',
      credentials: { token: 't', clientId: 'id', client_secret: 's', nested: { mySecret: 'x', ok: true } },
      items: [{ accessToken: 'a', id: 1 }],
      count: 3,
    };
    const copy = structuredClone(input);

    expect(redactor.body(input)).toEqual({
      name: 'Ada',
      password: REDACTED,
      credentials: {
        token: REDACTED,
        clientId: 'id',
        client_secret: REDACTED,
        nested: { mySecret: REDACTED, ok: true },
      },
      items: [{ accessToken: REDACTED, id: 1 }],
      count: 3,
    });
    expect(input).toEqual(copy);
  });

  it('never passes a secret through, however deep it sits', () => {
    let deep: Record<string, unknown> = { password: 'p-SECRET', note: 'n' };
    for (let i = 0; i < 12; i++) deep = { level: deep };

    expect(JSON.stringify(redactor.body(deep))).not.toContain('p-SECRET');
  });

  it('survives a cyclic body', () => {
    const cyclic: Record<string, unknown> = { name: 'a', token: 't' };
    cyclic.self = cyclic;

    expect(() => redactor.body(cyclic)).not.toThrow();
    expect((redactor.body(cyclic) as Record<string, unknown>).token).toBe(REDACTED);
  });

  it('redacts a whole object kept under a secret key', () => {
    expect(redactor.body({ secret: { a: 1 } })).toEqual({ secret: REDACTED });
  });

  it('passes primitives and null through', () => {
    expect(redactor.body('text')).toBe('text');
    expect(redactor.body(42)).toBe(42);
    expect(redactor.body(null)).toBeNull();
  });

  it('uses a custom key list in place of the defaults', () => {
    const custom = createRedactor(['ssn', 'dob']);

    expect(custom.body({ SSN: '1', dateOfBirth: 'x', dob: '2', password: 'p' })).toEqual({
      SSN: REDACTED,
      dateOfBirth: 'x',
      dob: REDACTED,
      password: 'p',
    });
    expect(custom.url('https://api.example.com/?ssn=1&token=2')).toBe(
      `https://api.example.com/?ssn=${REDACTED}&token=2`,
    );
  });
});

describe('secrets through the client', () => {
  const API_KEY = 'sk-SECRET-123';
  const TOKEN = 'tok-SECRET-456';
  const user = { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' };

  /**
   * Makes calls that succeed, fail 404, fail 500 and fail on the network, through a client logging at
   * debug into a capture; returns everything that could be printed, and the requests the API saw.
   */
  async function exercise(options: Omit<ClientOptions, 'fetch' | 'logger' | 'logLevel' | 'baseUrl'>) {
    const lines: { level: Method; message: string; fields: unknown[] }[] = [];
    const capture =
      (level: Method) =>
      (message: string, ...fields: unknown[]): void => {
        lines.push({ level, message, fields });
      };
    const logger: Logger = {
      error: capture('error'),
      warn: capture('warn'),
      info: capture('info'),
      debug: capture('debug'),
    };
    const seen: Request[] = [];
    const client = new UserManagementClient({
      ...options,
      baseUrl: 'https://api.example.com',
      logLevel: 'debug',
      logger,
      maxRetries: 0,
      fetch: async (req) => {
        const { pathname } = new URL(req.url);
        if (pathname === '/oauth/token')
          return Response.json({ access_token: 'oauth-SECRET-789', expires_in: 3600 });
        seen.push(req);
        if (pathname === '/users/404')
          return Response.json({ title: 'Not Found', detail: 'No user 404.' }, { status: 404 });
        if (pathname === '/users/500') return new Response('database on fire', { status: 500 });
        if (pathname === '/users/999') throw new TypeError('fetch failed');
        if (pathname === '/users' && req.method === 'GET')
          return Response.json([user], { headers: { 'x-total-count': '1' } });
        return Response.json(user, { status: req.method === 'POST' ? 201 : 200 });
      },
    });

    await client.users.get(1);
    await client.users.list();
    await client.users.create({ name: 'Ada', username: 'ada', email: 'ada@example.com' });
    const errors = await Promise.all(
      [client.users.get(404), client.users.get(500), client.users.get(999)].map((p) =>
        p.then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );

    // The checks below mean something only if the requests really were logged and really failed.
    expect(seen).toHaveLength(6);
    expect(lines.filter((l) => l.level === 'debug').length).toBeGreaterThanOrEqual(6);
    expect(lines.filter((l) => l.level === 'info').length).toBeGreaterThanOrEqual(3);
    expect(errors.map((e) => (e as Error).name)).toEqual([
      'NotFoundError',
      'InternalServerError',
      'ConnectionError',
    ]);

    const printed: string[] = [
      ...lines.map((l) => `${l.message} ${JSON.stringify(l.fields)}`),
      ...errors.flatMap((e) => {
        const err = e as Error;
        return [
          err.message,
          String(err),
          // eslint-disable-next-line @typescript-eslint/no-misused-spread -- copying own fields is the point: JSON log pipelines do it
          JSON.stringify({ ...err }),
          err.stack ?? '',
          inspect(err, { depth: 10 }),
        ];
      }),
      String(client),
      JSON.stringify(client),
      inspect(client),
      inspect(client, { customInspect: false, showHidden: true, depth: 10 }),
      inspect(client.users, { showHidden: true, depth: 10 }),
    ];
    return { seen, printed };
  }

  it('never puts the apiKey or token in a log line, an error or a printed client', async () => {
    const { seen, printed } = await exercise({ apiKey: API_KEY, token: TOKEN });

    for (const req of seen) {
      expect(req.headers.get('x-api-key')).toBe(API_KEY);
      expect(req.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    }
    for (const text of printed) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(TOKEN);
    }
  });

  it('never prints a token that a token function supplies per attempt', async () => {
    const { seen, printed } = await exercise({ token: () => TOKEN });

    for (const req of seen) expect(req.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    for (const text of printed) expect(text).not.toContain(TOKEN);
  });

  it('never prints the OAuth2 client secret or the access token it buys', async () => {
    const { seen, printed } = await exercise({ auth: { clientId: 'app', clientSecret: 'cs-SECRET-000' } });

    for (const req of seen) expect(req.headers.get('authorization')).toBe('Bearer oauth-SECRET-789');
    for (const text of printed) {
      expect(text).not.toContain('cs-SECRET-000');
      expect(text).not.toContain('oauth-SECRET-789');
    }
  });
});
