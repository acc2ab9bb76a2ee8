// Query keys are a function of the call's arguments alone: whatever credentials and headers the client
// holds (an API key, a bearer token, OAuth2 client credentials, custom headers), every key and mutation
// key is the same as another client's, JSON-serialisable, hierarchical, and holds none of those values.
// A property test over arbitrary secrets and arbitrary arguments, for every kind of binding.
import { hashKey, partialMatchKey, QueryClient, type QueryKey } from '@tanstack/query-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserManagementClient, type ClientOptions } from '../../src/index.js';
import { createQueries } from '../../src/tanstack-query/index.js';

/** A secret no argument can contain by accident: the arguments below never hold `S3CRET`. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{8,24}$/).map((s) => `S3CRET${s}`);
const headerName = fc.stringMatching(/^x-[a-z]{1,12}$/);

const credentials: fc.Arbitrary<{ options: ClientOptions; secrets: string[] }> = fc.oneof(
  secret.map((apiKey) => ({ options: { apiKey }, secrets: [apiKey] })),
  secret.map((token) => ({ options: { token }, secrets: [token] })),
  secret.map((token) => ({ options: { token: () => token }, secrets: [token] })),
  fc.tuple(secret, secret).map(([clientId, clientSecret]) => ({
    options: { auth: { clientId, clientSecret, tokenUrl: 'https://auth.example.test/token' } },
    secrets: [clientId, clientSecret],
  })),
);

const clientOptions = fc
  .tuple(credentials, fc.dictionary(headerName, secret, { maxKeys: 3 }))
  .map(([{ options, secrets }, headers]) => ({
    options: {
      baseUrl: 'https://api.example.test',
      ...options,
      headers,
      logLevel: 'off' as const,
    } satisfies ClientOptions,
    secrets: [...secrets, ...Object.keys(headers), ...Object.values(headers)],
  }));

/** Arguments as an app passes them: ids, and list parameters with some left out or undefined. */
const id = fc.integer({ min: 1, max: 1_000_000 });
const text = fc
  .string({ maxLength: 12 })
  .filter((s) => !s.includes('S3CRET') && !/authorization|api-?key|bearer|header/i.test(s));
const listParams = fc.option(
  fc.record(
    {
      limit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      page: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      q: fc.option(text, { nil: undefined }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

function keysOf(
  api: ReturnType<typeof createQueries>,
  userId: number,
  groupId: number,
  params: object | undefined,
) {
  // The infinite query supplies the page itself.
  const rest: Record<string, unknown> = { ...params };
  delete rest.page;
  return {
    reads: [
      api.users.get.queryKey(userId),
      api.users.get.queryOptions(userId).queryKey,
      api.users.list.queryKey(params),
      api.users.list.queryOptions(params).queryKey,
      api.users.list.infiniteQueryKey(rest),
      api.users.list.infiniteQueryOptions(rest).queryKey,
      api.groups.get.queryKey(groupId),
      api.groups.listMemberships.queryKey(groupId, params),
      api.groups.listMemberships.infiniteQueryOptions(groupId, rest).queryKey,
    ] as QueryKey[],
    mutations: [
      api.users.update.mutationKey(),
      api.users.update.mutationOptions().mutationKey,
      api.users.create.mutationOptions().mutationKey,
      api.groups.addMembership.mutationOptions().mutationKey,
    ] as QueryKey[],
  };
}

describe('query keys, for any credentials and arguments (property)', () => {
  it('hold no credential or header, equal another client’s keys, and are serialisable and hierarchical', () => {
    fc.assert(
      fc.property(clientOptions, clientOptions, id, id, listParams, (a, b, userId, groupId, params) => {
        const apiA = createQueries(new UserManagementClient(a.options), new QueryClient());
        const apiB = createQueries(new UserManagementClient(b.options), new QueryClient());
        const keysA = keysOf(apiA, userId, groupId, params);
        const keysB = keysOf(apiB, userId, groupId, params);
        // The client's configuration does not reach a key: two clients, same arguments, same keys.
        expect(keysA).toEqual(keysB);
        const all = [...keysA.reads, ...keysA.mutations];
        const json = JSON.stringify(all);
        for (const value of [...a.secrets, ...b.secrets]) expect(json).not.toContain(value);
        expect(json).not.toMatch(/authorization|api-?key|bearer|header/i);
        // Serialisable and stable: a JSON round trip hashes the same, so persisted caches match again.
        for (const key of all)
          expect(hashKey(JSON.parse(JSON.stringify(key)) as QueryKey)).toBe(hashKey(key));
        // Hierarchical: tag → operation → parameters.
        for (const key of keysA.reads) expect(partialMatchKey(key, key.slice(0, 2))).toBe(true);
        expect(keysA.reads.map((k) => k[0])).toEqual([
          ...Array<string>(6).fill('users'),
          ...Array<string>(3).fill('groups'),
        ]);
      }),
      { numRuns: 200 },
    );
  });
});
