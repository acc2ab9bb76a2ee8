/**
 * `user-management-sdk/testing`: a stateful mock of the User Management API for your own tests, on
 * MSW, generated from the spec this package ships. See {@link createMockApi}.
 *
 * @packageDocumentation
 * @module user-management-sdk/testing
 */
// Driven by src/generated/spec-model.ts; nothing here is imported by the main entry.
import { SPEC } from './model.js';
import { mockFromSpec } from './mock.js';
import type { MockApi, MockApiOptions } from './types.js';

export type { MockFault } from './faults.js';
export type { MockFetch } from './fetch.js';
export type { MockOperationId } from './model.js';

export { DEFAULT_MOCK_BASE_URL } from './mock.js';
export type { MockApi, MockApiOptions } from './types.js';

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
  return mockFromSpec(SPEC, options);
}
