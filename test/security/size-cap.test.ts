// Promise: bounded memory. A body over maxResponseBytes is refused from its Content-Length or cut off
// while streaming (the connection is closed, not drained); error bodies kept on errors are at most
// 64 KiB, so retried 5xx answers do not pile up.
import { expect, it } from 'vitest';
import {
  InternalServerError,
  ResponseTooLargeError,
  UserManagementClient,
  UserManagementError,
  type ClientOptions,
} from '../../src/index.js';
import { quietLogger, useServer } from './support.js';
import { transportUnderTest } from '../support/transport.js';

const api = useServer();

function client(options: Partial<ClientOptions> = {}): UserManagementClient {
  return new UserManagementClient({
    baseUrl: api.url,
    logger: quietLogger,
    backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    ...transportUnderTest(options),
    ...options,
  });
}

it('refuses a 2xx whose Content-Length is over the limit, without retrying', async () => {
  api.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2048) });
    res.end(`"${'x'.repeat(2046)}"`);
  });
  const err = await client({ maxResponseBytes: 1024 })
    .users.get(1)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResponseTooLargeError);
  expect(err).toBeInstanceOf(UserManagementError);
  expect((err as ResponseTooLargeError).limitBytes).toBe(1024);
  expect((err as ResponseTooLargeError).name).toBe('ResponseTooLargeError');
  expect(api.requests).toHaveLength(1);
});

it('stops a chunked body at the limit and closes the connection instead of reading on', async () => {
  let written = 0;
  let closedEarly: (early: boolean) => void = () => undefined;
  const closed = new Promise<boolean>((resolve) => (closedEarly = resolve));
  api.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.on('close', () => {
      closedEarly(!res.writableFinished);
    });
    // 64 MiB in 64 KiB chunks, as fast as the socket takes them.
    const chunk = Buffer.alloc(65_536, 0x61);
    const pump = (): void => {
      while (written < 64 * 1024 * 1024) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  const err = await client({ maxResponseBytes: 256 * 1024 })
    .users.get(1)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResponseTooLargeError);
  expect(await closed).toBe(true);
  expect(written).toBeLessThan(16 * 1024 * 1024);
});

it('takes a per-call maxResponseBytes over the client’s', async () => {
  api.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 1, name: 'x'.repeat(4000) }));
  });
  const c = client();
  await expect(c.users.get(1, { maxResponseBytes: 1000 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  await expect(c.users.get(1)).resolves.toMatchObject({ id: 1 });
});

it('keeps at most 64 KiB of an error body, and a retried 5xx does not pile its bodies up', async () => {
  const huge = JSON.stringify({ title: 'Boom', detail: 'y'.repeat(5 * 1024 * 1024) });
  api.handle((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/problem+json' });
    res.end(huge);
  });
  const err = await client({ maxRetries: 2 })
    .users.get(1)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InternalServerError);
  expect(api.requests).toHaveLength(3);
  const body = (err as InternalServerError).body;
  expect(typeof body).toBe('string');
  expect((body as string).length).toBeLessThanOrEqual(64 * 1024);
  expect((err as InternalServerError).message.length).toBeLessThan(1000);
});

it('rejects a maxResponseBytes that is not a whole number of bytes', () => {
  expect(() => client({ maxResponseBytes: 0 })).toThrow(/maxResponseBytes must be a whole number of bytes/);
  expect(() => client({ maxResponseBytes: '1mb' as never })).toThrow(/maxResponseBytes/);
});
