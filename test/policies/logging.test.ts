import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { createLogger, type Logger } from '../../src/logging.js';
import { resolveLogging } from '../../src/policies/logging.js';
import { createLogAttemptStep, createLogCallStep } from '../../src/policies/logging-step.js';
import { failed, fakeContext, ok } from './fake.js';

function sink() {
  const lines: [string, string, Record<string, unknown> | undefined][] = [];
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push([level, message, fields]);
    };
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { logger, lines };
}

describe('logging policies', () => {
  it('writes one info line for a call that failed for good, with its attempts and time', async () => {
    const { logger, lines } = sink();
    let t = 0;
    const ctx = fakeContext({ start: 0 });
    ctx.attempts.push({ attempt: 1, status: 404, durationMs: 5, waitMs: 0 });

    await expect(
      createLogCallStep(createLogger('info', logger), () => t)(ctx, () => {
        t = 42;
        return Promise.reject(failed(404).error!);
      }),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(lines).toHaveLength(1);
    expect(lines[0]![1]).toMatch(/^GET \/users\/1 failed after 1 attempt\(s\) in 42 ms: /);
    expect(lines[0]![2]).toMatchObject({ operationId: 'getUser', attempts: 1, status: 404 });
  });

  it('writes a debug line per attempt and per response, with the headers as sent', async () => {
    const { logger, lines } = sink();
    const ctx = fakeContext({ attempt: 2, headers: { 'X-Trace': 't' } });

    await createLogAttemptStep(createLogger('debug', logger), () => 0)(ctx, () =>
      Promise.resolve(ok({}, 200, { 'x-request-id': 'req-9' })),
    );

    expect(lines.map(([, m]) => m)).toEqual(['GET /users/1 attempt 2', 'GET /users/1 → 200 in 0 ms']);
    expect(lines[0]![2]).toMatchObject({ attempt: 2, headers: { 'X-Trace': 't' } });
    expect(lines[1]![2]).toMatchObject({ status: 200, requestId: 'req-9' });
  });

  it('resolves the level from options, then USER_MGMT_LOG, then warn', () => {
    expect(resolveLogging({ logLevel: 'debug' }).logLevel).toBe('debug');
    expect(() => resolveLogging({ logLevel: 'loud' as never })).toThrow(/Unknown log level "loud"/);
  });
});
