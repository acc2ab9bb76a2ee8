import { describe, expect, it } from 'vitest';
import { UserManagementError } from '../../src/errors.js';
import { authPolicy, resolveAuthOptions } from '../../src/policies/auth.js';
import { StopCall } from '../../src/policies/policy.js';
import { fakeContext, ok } from './fake.js';

describe('auth policy', () => {
  it('sets a fresh bearer token on each attempt, asking for a new one after a 401', async () => {
    const asked: boolean[] = [];
    let n = 0;
    const policy = authPolicy(
      (refresh) => {
        asked.push(refresh);
        return Promise.resolve(`tok-${++n}`);
      },
      () => 0,
    );
    const ctx = fakeContext();
    const sent: (string | undefined)[] = [];
    const next = () => {
      sent.push(ctx.headers.Authorization);
      return Promise.resolve(ok());
    };

    await policy(ctx, next);
    ctx.refreshAuth = true;
    await policy(ctx, next);

    expect(sent).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(asked).toEqual([false, true]);
    expect(ctx.refreshAuth).toBe(false);
  });

  it('ends the call before sending when no token can be had', async () => {
    const failure = new UserManagementError('The token function failed: offline');
    let sent = false;

    const err = await authPolicy(
      () => Promise.reject(failure),
      () => 0,
    )(fakeContext(), () => {
      sent = true;
      return Promise.resolve(ok());
    }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(StopCall);
    expect((err as StopCall).error).toBe(failure);
    expect(sent).toBe(false);
  });

  it('resolves credentials: API key and bearer token side by side, OAuth2 with its default token URL', () => {
    const base = new URL('https://api.test/v1/');
    expect(resolveAuthOptions({ apiKey: 'k', token: 't' }, base)).toEqual({
      apiKey: 'k',
      auth: { kind: 'bearer', token: 't' },
      allowInsecureHttp: false,
    });
    expect(resolveAuthOptions({ auth: { clientId: 'id', clientSecret: 's' } }, base).auth).toEqual({
      kind: 'oauth2',
      credentials: { clientId: 'id', clientSecret: 's', tokenUrl: 'https://api.test/v1/oauth/token' },
    });
  });
});
