// The public types of user-management-sdk/testing.
import type { HttpHandler } from 'msw';
import type { MockFault } from './faults.js';
import type { MockFetch } from './fetch.js';
import type { MockOperationId } from './model.js';

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
  fail(operationId: MockOperationId, fault: MockFault, times?: number): void;
}
