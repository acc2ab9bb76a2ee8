// Redirect following is a chunk of its own (src/transport/follow-redirects.ts), loaded at the first
// redirect a client has to act on: calls answered without one never load it, and a chunk that does not
// arrive fails the call with a UserManagementError, as any other lazily loaded part does.
import { describe, expect, it, vi } from 'vitest';
import { RedirectError, UserManagementClient, UserManagementError } from '../../src/index.js';

const chunk = vi.hoisted(() => ({ loads: 0, fail: false }));
vi.mock('../../src/transport/follow-redirects.js', async (importOriginal) => {
  chunk.loads++;
  if (chunk.fail) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const user = { id: 1, name: 'A', username: 'a', email: 'a@b.co' };

function clientAnswering(respond: () => Response): UserManagementClient {
  return new UserManagementClient({
    baseUrl: 'https://api.example.com',
    logLevel: 'off',
    maxRetries: 0,
    fetch: () => Promise.resolve(respond()),
  });
}

describe('redirect handling, loaded at the first redirect', () => {
  it('is not loaded for answers that are not redirects to act on (2xx, 4xx, 304, a 3xx without Location)', async () => {
    const answers = [
      () => Response.json(user),
      () => Response.json({ title: 'Not Found' }, { status: 404 }),
      () => new Response(null, { status: 304 }),
      () => new Response(null, { status: 302 }),
    ];
    for (const respond of answers)
      await clientAnswering(respond)
        .users.get(1)
        .catch(() => undefined);
    expect(chunk.loads).toBe(0);
  });

  it('fails the call with a UserManagementError when the chunk does not arrive', async () => {
    chunk.fail = true;
    const client = clientAnswering(
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/users/1' } }),
    );
    const err = await client.users.get(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserManagementError);
    expect((err as Error).message).toMatch(/^Could not load the SDK's redirect handling code: /);
    expect(chunk.loads).toBe(1);
  });

  it('is loaded at the first redirect and decides on it', async () => {
    chunk.fail = false;
    const client = clientAnswering(
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/users/1' } }),
    );
    await expect(client.users.get(1)).rejects.toBeInstanceOf(RedirectError);
    expect(chunk.loads).toBe(2);
  });
});
