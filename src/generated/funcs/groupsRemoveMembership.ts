// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { removeGroupMembershipOperation } from '../operations.js';

/**
 * Remove a membership.
 *
 * A well-behaved server answers `204`; json-server answers `200` with `{}`.
 *
 * `DELETE /memberships/{id}` (operation `removeGroupMembership`).
 *
 * The standalone form of `client.groups.removeMembership()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The membership's id.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the completion; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { groupsRemoveMembership } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * await groupsRemoveMembership(core, 1);
 * ```
 */
export function groupsRemoveMembership(
  core: UserManagementCore,
  id: number,
  options?: RequestOptions,
): APIPromise<void> {
  return callOperation(
    core,
    'removeGroupMembership',
    removeGroupMembershipOperation,
    { path: { id } },
    options,
  );
}
