// The public extension point: the application's own policies at a named position, through the real
// client against a loopback server.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  InternalServerError,
  UserManagementClient,
  UserManagementError,
  type ClientOptions,
  type CustomPolicy,
  type Policy,
  type RetryEvent,
} from '../../src/index.js';
import type { FaultServer } from '../support/fault-server.js';
import { useFaultServer } from '../support/drive.js';

let server: FaultServer;
useFaultServer((s) => (server = s));

const client = (options: ClientOptions) =>
  new UserManagementClient({
    baseUrl: server.url,
    logLevel: 'off',
    backoff: { baseDelayMs: 0, maxDelayMs: 0 },
    ...options,
  });

describe('custom policies', () => {
  it('perCall: adds a header from the caller’s async context once per call, kept on every attempt', async () => {
    const tenant = new AsyncLocalStorage<string>();
    const seen: number[] = [];
    const tenantHeader: CustomPolicy = {
      name: 'tenant',
      position: 'perCall',
      policy: (ctx, next) => {
        seen.push(ctx.attempt);
        const id = tenant.getStore();
        if (id !== undefined) ctx.headers['X-Tenant'] = id;
        return next();
      },
    };
    server.script([{ kind: 'respond', status: 503 }]);

    await tenant.run('acme', () => client({ policies: [tenantHeader] }).users.get(1));

    expect(seen).toEqual([0]);
    expect(server.requests.map((r) => r.headers['x-tenant'])).toEqual(['acme', 'acme']);
  });

  it('perAttempt: signs each attempt after auth, so the signature covers the token and the body', async () => {
    const secret = 'signing-secret';
    const sign = (parts: string[]) => createHmac('sha256', secret).update(parts.join('\n')).digest('hex');
    let tokens = 0;
    const signer: Policy = (ctx, next) => {
      ctx.headers['X-Signature'] = sign([
        ctx.method,
        ctx.url,
        ctx.headers.Authorization ?? '',
        JSON.stringify(ctx.body ?? null),
      ]);
      return next();
    };
    server.script([{ kind: 'respond', status: 503 }]);

    await client({
      token: () => `tok-${++tokens}`,
      policies: [{ position: 'perAttempt', policy: signer }],
    }).users.create({ name: 'Grace', username: 'grace', email: 'g@example.com' });

    expect(server.requests).toHaveLength(2);
    server.requests.forEach((r, i) => {
      expect(r.headers.authorization).toBe(`Bearer tok-${i + 1}`);
      expect(r.headers['x-signature']).toBe(
        sign(['POST', `${server.url}/users`, `Bearer tok-${i + 1}`, r.body ?? 'null']),
      );
    });
  });

  it('records metrics around the whole call, next to onRetry', async () => {
    const metrics: string[] = [];
    const retries: RetryEvent[] = [];
    const timing: Policy = async (ctx, next) => {
      try {
        const outcome = await next();
        metrics.push(`${ctx.operationId} ${outcome.response.status}`);
        return outcome;
      } catch (err) {
        metrics.push(
          `${ctx.operationId} ${err instanceof UserManagementError ? err.name : 'bug'} after ${err instanceof UserManagementError ? err.attempts.length : 0}`,
        );
        throw err;
      }
    };
    server.script([
      { kind: 'respond', status: 503 },
      { kind: 'respond', status: 503 },
      { kind: 'respond', status: 503 },
    ]);
    const c = client({
      policies: [{ position: 'perCall', policy: timing }],
      onRetry: (e) => retries.push(e),
    });

    await expect(c.users.get(1)).rejects.toBeInstanceOf(InternalServerError);
    await c.users.get(1);

    expect(metrics).toEqual(['getUser InternalServerError after 3', 'getUser 200']);
    expect(retries).toHaveLength(2);
  });

  it('runs policies of one position in the order given, the perCall ones outside the perAttempt ones', async () => {
    const order: string[] = [];
    const mark =
      (name: string): Policy =>
      async (_ctx, next) => {
        order.push(`${name} in`);
        const outcome = await next();
        order.push(`${name} out`);
        return outcome;
      };

    await client({
      policies: [
        { position: 'perAttempt', policy: mark('attempt-a') },
        { position: 'perCall', policy: mark('call') },
        { position: 'perAttempt', policy: mark('attempt-b') },
      ],
    }).users.get(1);

    expect(order).toEqual([
      'call in',
      'attempt-a in',
      'attempt-b in',
      'attempt-b out',
      'attempt-a out',
      'call out',
    ]);
  });

  it('turns what a policy throws into the call’s error: ours as it is, anything else wrapped with its cause', async () => {
    const bug = new Error('no signing key');
    const c = client({ policies: [{ position: 'perAttempt', policy: () => Promise.reject(bug) }] });

    const err = (await c.users.get(1).catch((e: unknown) => e)) as UserManagementError;
    expect(err).toBeInstanceOf(UserManagementError);
    expect(err.message).toBe('GET /users/1 failed unexpectedly.');
    expect(err.cause).toBe(bug);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a malformed policy with ConfigError', () => {
    expect(() => client({ policies: [{ position: 'later' as never, policy: (_c, n) => n() }] })).toThrow(
      ConfigError,
    );
    expect(() => client({ policies: [{ name: 'sign', position: 'perCall', policy: 'x' as never }] })).toThrow(
      /sign: policy must be a function/,
    );
    expect(() => client({ policies: {} as never })).toThrow(/policies must be an array/);
  });
});
