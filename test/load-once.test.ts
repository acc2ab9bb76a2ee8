import { describe, expect, it } from 'vitest';
import { UserManagementError } from '../src/errors.js';
import { lazyStep, loadOnce } from '../src/load-once.js';
import { rateLimitPolicy } from '../src/policies/rate-limit.js';
import { fakeContext, ok } from './policies/fake.js';

describe('loadOnce', () => {
  it('loads once for concurrent and later uses', async () => {
    let loads = 0;
    const get = loadOnce('thing', () => Promise.resolve(++loads));
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
    expect(loads).toBe(1);
  });

  it('reports a failed load as a UserManagementError naming the feature, and tries again next time', async () => {
    let loads = 0;
    const get = loadOnce('OAuth2', () =>
      ++loads === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve('ok'),
    );
    const err = await get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserManagementError);
    expect((err as Error).message).toBe(
      "Could not load the SDK's OAuth2 code: Failed to fetch dynamically imported module",
    );
    expect((err as Error).cause).toBeInstanceOf(TypeError);
    expect(await get()).toBe('ok');
  });
});

describe('lazyStep', () => {
  it('runs the loaded step for every call, loading it once', async () => {
    let loads = 0;
    const step = lazyStep('step', () => {
      loads++;
      return Promise.resolve((ctx: string, next: () => Promise<string>) => next().then((r) => `${ctx}:${r}`));
    });
    const next = () => Promise.resolve('sent');
    expect(await Promise.all([step('a', next), step('b', next)])).toEqual(['a:sent', 'b:sent']);
    expect(await step('c', next)).toBe('c:sent');
    expect(loads).toBe(1);
  });

  it('runs an optional policy loaded on first use like the policy itself (the rate limit)', async () => {
    const policy = rateLimitPolicy({ requestsPerSecond: 1000, burst: 1 }, () => 0);
    const sent: number[] = [];
    const outcome = await policy(fakeContext(), () => {
      sent.push(1);
      return Promise.resolve(ok());
    });
    expect(outcome.response.status).toBe(200);
    expect(sent).toEqual([1]);
  });
});
