// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { deleteGroupOperation } from '../operations.js';

/**
 * Delete a group.
 *
 * A well-behaved server answers `204`; json-server answers `200` with `{}`, and removes the group's memberships with it.
 *
 * `DELETE /groups/{id}` (operation `deleteGroup`).
 *
 * This call takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
 *
 * The standalone form of `client.groups.delete()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The group's id.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the completion; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { groupsDelete } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * await groupsDelete(core, 1);
 * ```
 */
export function groupsDelete(
  core: UserManagementCore,
  id: number,
  options?: RequestOptions,
): APIPromise<void> {
  return callOperation(core, 'deleteGroup', deleteGroupOperation, { path: { id } }, options);
}
