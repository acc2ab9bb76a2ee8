// With conditional requests, the cached entry is the write's response — the object and the version
// (`etagOf`) it carries — even when its body equals what was cached. TanStack's structural sharing would
// keep the old, deep-equal object, whose version is stale on a server that counts revisions: the next
// `ifMatch: data` would then fail with 412. The server here is the mock behind a revision counter (the
// ETag gains `.<writes so far>`, and If-Match must name the current revision), as json-server's
// conditional middleware and many real APIs version their resources.
import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { etagOf, UserManagementClient } from 'user-management-sdk';
import { createQueries } from 'user-management-sdk/tanstack-query';
import { createMockApi } from 'user-management-sdk/testing';
import { describe, expect, it, vi } from 'vitest';

const ada = { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' };

function setup() {
  const mock = createMockApi({ data: { users: [ada] } });
  let revision = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const ifMatch = request.headers.get('if-match');
    if (ifMatch) {
      const [tag, rev] = /^"(.*)\.(\d+)"$/.exec(ifMatch)?.slice(1) ?? [];
      if (Number(rev) !== revision)
        return Response.json({ title: 'Precondition Failed', status: 412 }, { status: 412 });
      request.headers.set('if-match', `"${tag ?? ''}"`);
    }
    const response = await mock.fetch(request);
    if (request.method !== 'GET' && response.ok) revision++;
    const etag = response.headers.get('etag');
    if (!etag) return response;
    const headers = new Headers(response.headers);
    headers.set('etag', `${etag.slice(0, -1)}.${String(revision)}"`);
    return new Response(response.body, { status: response.status, headers });
  };
  const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch });
  const queryClient = new QueryClient();
  return { client, queryClient, api: createQueries(client, queryClient) };
}

describe('the cache and versions (conditional requests)', () => {
  it("a write that leaves the body as it was still puts the write's response, with its new version, in the cache", async () => {
    const { client, queryClient, api } = setup();
    const read = await queryClient.query(api.users.get.queryOptions(1));
    const saved = await new MutationObserver(queryClient, api.users.update.mutationOptions()).mutate({
      id: 1,
      body: { name: 'Ada' },
    });
    expect(saved).toEqual(read);
    expect(etagOf(saved)).not.toBe(etagOf(read));
    const cached = queryClient.getQueryData(api.users.get.queryKey(1));
    expect(cached).toBe(saved);
    // So a conditional write from the cached object goes through.
    await expect(client.users.update(1, { name: 'Ada King' }, { ifMatch: cached! })).resolves.toMatchObject({
      name: 'Ada King',
    });
  });

  it('a refetch that returns an equal body under a new version replaces the object on screen', async () => {
    const { client, queryClient, api } = setup();
    const observer = new QueryObserver(queryClient, api.users.get.queryOptions(1));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    const before = observer.getCurrentResult().data!;
    // Someone else saves the same name: the body is unchanged, the version is not.
    await client.users.update(1, { name: 'Ada' });
    await observer.refetch();
    const after = observer.getCurrentResult().data!;
    unsubscribe();
    expect(after).toEqual(before);
    expect(etagOf(after)).not.toBe(etagOf(before));
    await expect(client.users.update(1, { name: 'Ada B.' }, { ifMatch: after })).resolves.toMatchObject({
      name: 'Ada B.',
    });
    queryClient.clear();
  });

  it('keeps structural sharing where no write takes If-Match (lists)', () => {
    const { api } = setup();
    expect(api.users.get.queryOptions(1).structuralSharing).toBe(false);
    expect(api.groups.get.queryOptions(1).structuralSharing).toBe(false);
    expect(api.users.list.queryOptions()).not.toHaveProperty('structuralSharing');
  });
});
