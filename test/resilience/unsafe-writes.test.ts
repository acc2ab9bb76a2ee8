// Writes whose operation takes no Idempotency-Key: the spec has none today, so the pipeline is driven
// directly with such an operation, through the same openapi-fetch path the facade uses.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { ConnectionError, InternalServerError } from '../../src/errors.js';
import { operations } from '../../src/http/operations.js';
import { createLogger } from '../../src/logging.js';
import { createPipeline, type CallPlan } from '../../src/pipeline/create-pipeline.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { useFaultServer } from '../support/drive.js';

let server: FaultServer;
useFaultServer((s) => (server = s), { seedAda: false });

function run(options: { retryNonIdempotent?: boolean } = {}) {
  const config = resolveConfig({
    baseUrl: server.url,
    logLevel: 'off',
    backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    ...options,
  });
  const pipeline = createPipeline(config, createLogger('off', console), undefined);
  const raw = createClient({ baseUrl: server.url });
  const plan: CallPlan = {
    operationId: 'createUserWithoutKey',
    op: { ...operations.createUser, acceptsIdempotencyKey: false },
    url: `${server.url}/users`,
    send: ({ signal, headers }) =>
      raw.request(
        'post',
        '/users' as never,
        {
          body: { name: 'A', username: 'a', email: 'a@b.co' },
          parseAs: 'text',
          signal,
          ...(headers ? { headers } : {}),
        } as never,
      ),
  };
  return pipeline.execute(plan, undefined);
}

describe('writes without Idempotency-Key support', () => {
  it('are not retried after a reset that may follow processing: ConnectionError says the write may have happened', async () => {
    server.script([{ kind: 'resetAfterProcessing' }]);
    const err = (await run().catch((e: unknown) => e)) as ConnectionError;
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.mayHaveBeenProcessed).toBe(true);
    expect(err.message).toMatch(/may have processed it/);
    expect(err.message).toMatch(/retryNonIdempotent/);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.idempotencyKey).toBeUndefined();
    expect(server.users.size).toBe(1);
  });

  it('are not retried on a 503', async () => {
    server.script([{ kind: 'respond', status: 503 }]);
    await expect(run()).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('are retried on a 429, which the server refused before doing anything', async () => {
    server.script([{ kind: 'retryAfter', status: 429, form: 'ms', value: 0 }]);
    await expect(run()).resolves.toMatchObject({ response: { status: 201 } });
    expect(server.requests).toHaveLength(2);
  });

  it('are retried when the caller opts in with retryNonIdempotent (and then may apply twice)', async () => {
    server.script([{ kind: 'resetAfterProcessing' }]);
    await expect(run({ retryNonIdempotent: true })).resolves.toMatchObject({ response: { status: 201 } });
    expect(server.requests).toHaveLength(2);
    expect(server.users.size).toBe(2);
  });

  it('are retried when the connection was refused, since nothing was sent', async () => {
    const dead = await startFaultServer();
    const url = dead.url;
    await dead.close();
    const config = resolveConfig({
      baseUrl: url,
      logLevel: 'off',
      backoff: { baseDelayMs: 0, maxDelayMs: 0 },
      circuitBreaker: false,
    });
    const pipeline = createPipeline(config, createLogger('off', console), undefined);
    const raw = createClient({ baseUrl: url });
    let sends = 0;
    const err = await pipeline
      .execute(
        {
          operationId: 'x',
          op: { ...operations.createUser, acceptsIdempotencyKey: false },
          url: `${url}/users`,
          send: ({ signal }) => {
            sends++;
            return raw.request('post', '/users' as never, { body: {}, parseAs: 'text', signal } as never);
          },
        },
        undefined,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(sends).toBe(3);
  });
});
