// "A failing query makes no more requests than the SDK's own retry policy allows", counted where it
// matters: at a real loopback server that fails every request. Each case runs the same failing call
// twice — once through the SDK alone, once through the TanStack Query options on observers (what
// useQuery / useInfiniteQuery / useMutation subscribe with) over a QueryClient with TanStack's defaults
// (3 retries for queries) — and the server must see the same number of requests both times.
import {
  InfiniteQueryObserver,
  MutationObserver,
  QueryClient,
  QueryObserver,
  type QueryObserverResult,
} from '@tanstack/query-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, DEFAULTS, UserManagementClient, type ClientOptions } from '../../src/index.js';
import { createQueries } from '../../src/tanstack-query/index.js';
import { RetryDriver, useFaultServerWithFakeClock } from '../support/drive.js';
import type { FaultServer } from '../support/fault-server.js';

let server: FaultServer;
useFaultServerWithFakeClock((s) => (server = s));

const queryClients: QueryClient[] = [];
afterEach(() => {
  for (const c of queryClients.splice(0)) c.clear();
});

const failing = (status: number) =>
  ({
    kind: 'respond',
    status,
    body: { title: `status ${status}` },
    contentType: 'application/problem+json',
  }) as const;

function setup(options: ClientOptions = {}) {
  const driver = new RetryDriver();
  const client = new UserManagementClient({
    baseUrl: server.url,
    apiKey: 'k',
    logLevel: 'off',
    circuitBreaker: false,
    onRetry: driver.onRetry,
    ...options,
  });
  // TanStack's defaults stay as they are (retry: 3 for queries): the generated options must turn them off.
  const queryClient = new QueryClient();
  queryClients.push(queryClient);
  return { driver, client, queryClient, api: createQueries(client, queryClient) };
}

/**
 * Settles at the observer's first failure — an error, or a failure TanStack would retry (failureCount
 * goes up while the status stays pending) — so a TanStack retry shows up as a result, not a hang.
 */
function firstFailure<R extends Pick<QueryObserverResult, 'status' | 'failureCount'>>(observer: {
  subscribe: (listener: (result: R) => void) => () => void;
}): { result: Promise<R>; unsubscribe: () => void } {
  let unsubscribe: () => void = () => undefined;
  const result = new Promise<R>((resolve) => {
    unsubscribe = observer.subscribe((r) => {
      if (r.status === 'error' || r.failureCount > 0) resolve(r);
    });
  });
  return { result, unsubscribe };
}

/** Real I/O turns (setImmediate is not faked), so a request sent after a timer fired reaches the server. */
async function ioTurns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Requests the server saw for `run`, once any retry anyone scheduled has had its chance: a minute of fake
 * time (TanStack's retry delays are 1, 2, 4 s by default), then real I/O turns for a request to land.
 */
async function countRequests(run: () => Promise<unknown>): Promise<number> {
  const before = server.requests.length;
  await run();
  await vi.advanceTimersByTimeAsync(60_000);
  await ioTurns(50);
  return server.requests.length - before;
}

describe('a failing call through the TanStack Query options: as many requests as the SDK alone', () => {
  it.each([
    ['the defaults', {}, 1 + DEFAULTS.maxRetries],
    ['maxRetries: 0', { maxRetries: 0 }, 1],
    ['maxRetries: 4 (no retry budget)', { maxRetries: 4, retryBudget: false as const }, 5],
  ])(
    'useQuery(get.queryOptions(id)) with %s: 1 + maxRetries requests, then the SDK error',
    async (_, options, expected) => {
      server.setDefault(failing(503));
      const sdk = setup(options);
      const alone = await countRequests(() => sdk.driver.run(sdk.client.users.get(1)).catch(() => undefined));
      expect(alone).toBe(expected);

      const { driver, queryClient, api } = setup(options);
      const observer = new QueryObserver(queryClient, api.users.get.queryOptions(1));
      const watched = firstFailure(observer);
      let result: QueryObserverResult | undefined;
      const viaTanstack = await countRequests(async () => (result = await driver.run(watched.result)));
      watched.unsubscribe();
      expect(viaTanstack).toBe(alone);
      expect(result?.status).toBe('error');
      expect(result?.failureCount).toBe(1);
      expect(result?.error).toBeInstanceOf(ApiError);
      expect((result?.error as ApiError).attempts).toHaveLength(expected);
    },
  );

  it('useInfiniteQuery(list.infiniteQueryOptions()): the first page fails after 1 + maxRetries requests', async () => {
    server.setDefault(failing(500));
    const sdk = setup();
    const alone = await countRequests(() =>
      sdk.driver.run(sdk.client.users.list({ page: 1, limit: 5 })).catch(() => undefined),
    );
    expect(alone).toBe(1 + DEFAULTS.maxRetries);

    const { driver, queryClient, api } = setup();
    const observer = new InfiniteQueryObserver(
      queryClient,
      api.users.list.infiniteQueryOptions({ limit: 5 }),
    );
    const watched = firstFailure(observer);
    const viaTanstack = await countRequests(() => driver.run(watched.result));
    watched.unsubscribe();
    expect(viaTanstack).toBe(alone);
    expect(observer.getCurrentResult()).toMatchObject({ status: 'error', failureCount: 1 });
  });

  it('a query the SDK does not retry (404) is sent once', async () => {
    server.setDefault(failing(404));
    const { driver, queryClient, api } = setup();
    const watched = firstFailure(new QueryObserver(queryClient, api.users.get.queryOptions(1)));
    expect(await countRequests(() => driver.run(watched.result))).toBe(1);
    watched.unsubscribe();
  });

  it('useMutation(update.mutationOptions()): a PATCH the SDK will not repeat is sent once, by TanStack too', async () => {
    server.setDefault(failing(503));
    const sdk = setup();
    const alone = await countRequests(() =>
      sdk.driver.run(sdk.client.users.update(1, { name: 'x' })).catch(() => undefined),
    );
    const { driver, queryClient, api } = setup();
    const mutation = new MutationObserver(queryClient, api.users.update.mutationOptions());
    const viaTanstack = await countRequests(() =>
      driver.run(mutation.mutate({ id: 1, body: { name: 'x' } })).catch(() => undefined),
    );
    expect(viaTanstack).toBe(alone);
    expect(alone).toBeLessThanOrEqual(1 + DEFAULTS.maxRetries);
    expect(mutation.getCurrentResult()).toMatchObject({ status: 'error', failureCount: 1 });
  });
});
