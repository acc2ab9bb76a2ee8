// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  pageOperation,
  type UserManagementCore,
  type RequestOptions,
  type PagePromise,
} from '../../core/resource.js';
import { listUsersOperation } from '../operations.js';
import type { ListUsersParams, User } from '../models.js';

/**
 * List users, one page at a time.
 *
 * Pages with `_page`/`_limit`; the total count is in `X-Total-Count` and the neighbour pages in `Link`.
 *
 * `GET /users` (operation `listUsers`).
 *
 * This call resolves to one page; `for await` over the result walks every item of every page.
 *
 * The standalone form of `client.users.list()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param params - The query parameters.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns A {@link PagePromise}: await it for one page, iterate it for every item; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { usersList } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const page = await usersList(core, { limit: 20 });
 * for await (const item of usersList(core, { limit: 20 })) console.log(item);
 * const { data, requestId } = await usersList(core, { limit: 20 }).withResponse();
 * ```
 */
export function usersList(
  core: UserManagementCore,
  params?: ListUsersParams,
  options?: RequestOptions,
): PagePromise<User> {
  return pageOperation(core, 'listUsers', listUsersOperation, { query: params }, options);
}
