// Promise: linear time on hostile input. Each adversarial input of ≥ 1 MB is timed against a benign
// input of the same size in the same run; the bound is a ratio (≤ 5×), never an absolute time. The
// inputs are the ones that froze the old regular expressions for seconds at a tenth of this size.
import { expect, it } from 'vitest';
import { ApiError, UserManagementClient, type Logger } from '../../src/index.js';
import { createRedactor, DEFAULT_REDACT_KEYS } from '../../src/logging.js';
import { parseLinkHeader } from '../../src/http/page.js';

const MB = 1024 * 1024;
const RATIO = 5;

/** How long one run of `fn` takes, in ms. */
async function timeOnce(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** `unit` repeated to exactly `size` characters. */
const fill = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

async function expectLinear(
  benign: string,
  adversarial: Record<string, string>,
  run: (input: string) => unknown,
): Promise<void> {
  expect(benign.length).toBeGreaterThanOrEqual(MB);
  // Warm up the JIT on every path first, so no input is timed through a deoptimisation another caused.
  await run(benign);
  for (const input of Object.values(adversarial)) await run(input);
  for (const [name, input] of Object.entries(adversarial)) {
    expect(input.length, name).toBe(benign.length);
    // Interleaved, best of 7 each: a busy machine slows both sides alike, and the best run is the one
    // least disturbed by garbage collection and other processes. A ratio over the bound is measured
    // again (up to three rounds in all) before it counts: a burst of load on a shared CI machine can
    // fake one bad round, while a super-linear parser fails every round by orders of magnitude.
    let ratio = Infinity;
    let detail = '';
    for (let round = 0; round < 3 && ratio > RATIO; round++) {
      let base = Infinity;
      let t = Infinity;
      for (let i = 0; i < 7; i++) {
        base = Math.min(base, await timeOnce(() => run(benign)));
        t = Math.min(t, await timeOnce(() => run(input)));
      }
      // A floor of 1 ms keeps timer resolution from turning 0.1 ms vs 0.6 ms into a failure.
      ratio = Math.min(ratio, t / Math.max(base, 1));
      detail = `${t.toFixed(1)} ms vs ${base.toFixed(1)} ms benign`;
    }
    if (process.env.SHOW_RATIOS) console.log(name, ratio.toFixed(2));
    expect(ratio, `${name}: ${detail}`).toBeLessThanOrEqual(RATIO);
  }
}

/** A client whose fetch answers every request from memory with `respond()`: no network noise. */
function clientAnswering(respond: () => Response, logger?: Logger): UserManagementClient {
  return new UserManagementClient({
    baseUrl: 'https://api.example.com',
    fetch: () => Promise.resolve(respond()),
    maxRetries: 0,
    circuitBreaker: false,
    ...(logger ? { logger, logLevel: 'debug' as const } : { logLevel: 'off' as const }),
  });
}

const collecting = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  const push = (m: string, f?: unknown): void => {
    lines.push(m + JSON.stringify(f ?? {}));
  };
  return { lines, error: push, warn: push, info: push, debug: push };
};

it('formats a 1 MB problem detail, logged at debug, in time linear in its size', async () => {
  const problemOf = (detail: string): string => JSON.stringify({ title: 'Invalid', status: 422, detail });
  const benign = fill('a', MB);
  const adversarial = {
    'question marks': fill('?', MB),
    'query-like': fill('?a=', MB),
    'e-mail-like': fill('a@', MB),
    'slashes and at-signs': fill('//a@', MB),
    'whitespace runs': fill(' \t\n', MB),
  };
  const logger = collecting();
  await expectLinear(benign, adversarial, async (detail) => {
    const body = problemOf(detail);
    const client = clientAnswering(
      () => new Response(body, { status: 422, headers: { 'content-type': 'application/problem+json' } }),
      logger,
    );
    const err = await client.users.get(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message.length).toBeLessThan(700);
  });
});

it('builds an ApiError from a 1 MB problem in linear time, keeping the whole problem on err.problem', async () => {
  const make = (detail: string): ApiError =>
    new ApiError({
      status: 422,
      headers: {},
      body: { title: 'Invalid', detail, errors: [{ field: 'email', message: detail }] },
      method: 'POST',
      url: 'https://api.example.com/users',
    });
  const benign = fill('a', MB);
  await expectLinear(benign, { 'question marks': fill('?', MB), 'e-mail-like': fill('a@', MB) }, (d) => {
    const err = make(d);
    expect(err.message.length).toBeLessThan(700);
    expect(err.problem?.detail).toHaveLength(MB);
  });
});

it('redacts 1 MB of free text in linear time', async () => {
  const redactor = createRedactor(DEFAULT_REDACT_KEYS);
  // Densely packed, harmless query parameters: per-parameter work is the unit of cost of any redactor.
  const benign = fill('?page=1&q=ab', MB);
  await expectLinear(
    benign,
    {
      'question marks': fill('?', MB),
      ampersands: fill('&', MB),
      'names without values': fill('?abcdefgh', MB),
      // Ending in "=" and "@" defeats the shortcut for text without them: the whole scan runs.
      'question marks, then =@': `${fill('?', MB - 2)}=@`,
      'names without values, then =@': `${fill('?abcdefgh', MB - 2)}=@`,
      'secret parameters': fill('?token=x&', MB),
      'open userinfo': fill('//aaaaaaa', MB),
      'at-signs': fill('//a@', MB),
    },
    (text) => redactor.text(text),
  );
});

it('parses a 1 MB Link header in linear time, through client.users.list', async () => {
  const linkOf = (header: string): UserManagementClient =>
    clientAnswering(
      () =>
        new Response('[]', {
          status: 200,
          headers: { 'content-type': 'application/json', link: header },
        }),
    );
  // Well-formed, densely packed links: per-link work is the unit of cost for any parser.
  const benign = fill('</users?_page=2>; rel="next", ', MB);
  const adversarial = {
    'open brackets': fill('<', MB),
    'links without rel': fill('<a>;', MB),
    'empty params': fill('<a>; ;', MB),
    'params without values': fill('<a>; x ', MB),
    'unterminated quotes': fill('<a>; rel="', MB),
    semicolons: fill(';', MB),
    'rel everywhere': fill('; rel=next', MB),
    'commas and equals': fill(',=', MB),
  };
  await expectLinear(benign, adversarial, async (header) => {
    await linkOf(header).users.list();
  });
  await expectLinear(benign, adversarial, (header) => parseLinkHeader(header));
});

it('does no redaction or formatting for a level that is off', async () => {
  let reads = 0;
  const logger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
  const client = new UserManagementClient({
    baseUrl: 'https://api.example.com',
    fetch: () => Promise.resolve(new Response('{}', { status: 500 })),
    maxRetries: 1,
    backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    logLevel: 'off',
    logger: new Proxy(logger, {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }),
  });
  reads = 0;
  await client.users.get(1).catch(() => undefined);
  expect(reads).toBe(0);
});
