// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { getGroupOperation } from '../operations.js';
import type { Group } from '../models.js';

/**
 * Get one group.
 *
 * `GET /groups/{id}` (operation `getGroup`).
 *
 * The standalone form of `client.groups.get()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The group's id.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { groupsGet } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await groupsGet(core, 1);
 * const { data, response, requestId } = await groupsGet(core, 1).withResponse();
 * ```
 */
export function groupsGet(core: UserManagementCore, id: number, options?: RequestOptions): APIPromise<Group> {
  return callOperation(core, 'getGroup', getGroupOperation, { path: { id } }, options);
}
