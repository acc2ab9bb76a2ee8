// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  pageOperation,
  type UserManagementCore,
  type RequestOptions,
  type PagePromise,
} from '../../core/resource.js';
import { listGroupMembershipsOperation } from '../operations.js';
import type { ListGroupMembershipsParams, Membership } from '../models.js';

/**
 * List the memberships of a group, one page at a time.
 *
 * Pages with `_page`/`_limit` like the group list; json-server serves this nested route as `/memberships?groupId={id}`.
 *
 * `GET /groups/{id}/memberships` (operation `listGroupMemberships`).
 *
 * This call resolves to one page; `for await` over the result walks every item of every page.
 *
 * The standalone form of `client.groups.listMemberships()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The group's id.
 * @param params - The query parameters.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns A {@link PagePromise}: await it for one page, iterate it for every item; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { groupsListMemberships } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const page = await groupsListMemberships(core, 1, { limit: 20 });
 * for await (const item of groupsListMemberships(core, 1, { limit: 20 })) console.log(item);
 * const { data, requestId } = await groupsListMemberships(core, 1, { limit: 20 }).withResponse();
 * ```
 */
export function groupsListMemberships(
  core: UserManagementCore,
  id: number,
  params?: ListGroupMembershipsParams,
  options?: RequestOptions,
): PagePromise<Membership> {
  return pageOperation(
    core,
    'listGroupMemberships',
    listGroupMembershipsOperation,
    { path: { id }, query: params },
    options,
  );
}
