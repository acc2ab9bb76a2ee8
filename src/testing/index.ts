// `user-management-sdk/testing`: a stateful mock of the User Management API for consumers' tests,
// built on MSW and driven by the spec this package was generated from (generated/spec-model.ts).
// Nothing here is imported by the main entry.
import type { HttpHandler } from 'msw';
import { checkFault, FaultQueue, type MockFault } from './faults.js';
import { createFetch, type MockFetch } from './fetch.js';
import { createHandlers } from './handlers.js';
import { routesOf, seedFromExamples, SPEC } from './model.js';
import { Store, type Row } from './store.js';
import { RequestValidator } from './validate.js';

export type { MockFault } from './faults.js';
export type { MockFetch } from './fetch.js';

/** Where the mock answers unless told otherwise (`.test` is reserved, so it never reaches a real host). */
export const DEFAULT_MOCK_BASE_URL = 'http://user-management.test';

/** Options of {@link createMockApi}. */
export interface MockApiOptions {
  /**
   * The origin (and optional path prefix) the mock answers, for the client's `baseUrl`.
   * @default 'http://user-management.test'
   */
  baseUrl?: string | undefined;
  /**
   * The database to start from (and to return to on `reset()`): collection name → records, as in
   * json-server's db.json, e.g. `{ users: [{ id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' }] }`.
   * Given, it is the whole database (collections it leaves out start empty).
   * @default the records in the spec's examples
   */
  data?: Readonly<Record<string, readonly object[]>> | undefined;
}

/** A running mock of the API: see {@link createMockApi}. */
export interface MockApi {
  /** The URL to give the client: `new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch })`. */
  readonly baseUrl: string;
  /** Answers requests in this process, with no server and nothing patched. */
  readonly fetch: MockFetch;
  /**
   * MSW request handlers for `setupServer(...mock.handlers)` (msw/node) or `setupWorker(...mock.handlers)`
   * (msw/browser), for code that calls the global `fetch`. They share state with `fetch`.
   */
  readonly handlers: readonly HttpHandler[];
  /** Puts the data back as it started and forgets queued faults. */
  reset(): void;
  /**
   * Makes the next `times` calls of an operation fail with `fault` (queued after faults already set).
   * @param operationId - the spec's operationId, e.g. `'getUser'`
   * @param fault - a status (with an optional `retryAfter`), a delay, or a dropped connection
   * @param times - how many calls in a row @default 1
   * @throws RangeError for an operationId the spec does not have, TypeError/RangeError for a bad fault
   * @example
   * ```ts
   * mock.fail('getUser', { status: 503, retryAfter: 1 }, 2); // two 503s, then normal answers
   * mock.fail('createUser', { dropConnection: true }); // one network error
   * ```
   */
  fail(operationId: string, fault: MockFault, times?: number): void;
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== 'string')
    throw new TypeError('createMockApi(): baseUrl must be a string such as "http://api.test".');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`createMockApi(): baseUrl "${value}" is not an absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`createMockApi(): baseUrl must be http(s), got ${url.protocol}.`);
  if (url.search || url.hash) throw new TypeError('createMockApi(): baseUrl takes no query or fragment.');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function checkData(data: unknown): Record<string, Row[]> {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new TypeError('createMockApi(): data must be an object of collections, e.g. { users: [...] }.');
  for (const [name, rows] of Object.entries(data)) {
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
      throw new TypeError(`createMockApi(): data.${name} must be an array of records (objects).`);
  }
  return data as Record<string, Row[]>;
}

/**
 * Creates a stateful mock of the User Management API from the spec this package ships
 * (`user-management-sdk/openapi.yaml`), on [MSW](https://mswjs.io). It behaves as json-server does:
 * create, get, list with `_page`/`_limit`/`_sort`/`_order`/`q`/field filters and `X-Total-Count`/`Link`
 * headers, PATCH merges, PUT replaces, DELETE removes, a missing record is a 404 with problem details.
 * Requests are validated against the spec: an invalid body gets the 422 problem details the real API
 * gives. {@link MockApi.fail} injects faults for the next calls of an operation.
 *
 * Every operation in the spec is mocked, including ones added after this was written; nested
 * collections (`/groups/{id}/memberships`) hold records with a foreign key (`groupId`), as json-server's.
 * Each mock has its own data: create one per test, or `reset()` between tests.
 *
 * Needs `msw` (≥ 2) installed; it is an optional peer dependency of this package.
 *
 * @example
 * ```ts
 * import { UserManagementClient } from 'user-management-sdk';
 * import { createMockApi } from 'user-management-sdk/testing';
 *
 * const mock = createMockApi();
 * const client = new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });
 * const ada = await client.users.create({ name: 'Ada', username: 'ada', email: 'ada@example.com' });
 * await client.users.get(ada.id); // the same user
 * ```
 * @throws TypeError when `baseUrl` or `data` is malformed
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_MOCK_BASE_URL);
  const routes = routesOf(SPEC);
  const store = new Store(options.data === undefined ? seedFromExamples(routes) : checkData(options.data));
  const faults = new FaultQueue();
  let requests = 0;
  const handlers = createHandlers(routes, baseUrl, {
    store,
    faults,
    validator: new RequestValidator(SPEC),
    collections: new Set(routes.map((r) => r.collection)),
    nextRequestId: () => `mock-${String(++requests)}`,
  });
  return {
    baseUrl,
    fetch: createFetch(handlers, baseUrl),
    handlers,
    reset() {
      store.reset();
      faults.clear();
    },
    fail(operationId, fault, times = 1) {
      faults.add(operationId, checkFault(operationId, operationId in SPEC.operations, fault, times), times);
    },
  };
}
