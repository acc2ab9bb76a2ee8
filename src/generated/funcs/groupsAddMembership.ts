// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { addGroupMembershipOperation } from '../operations.js';
import type { Membership, NewMembership } from '../models.js';

/**
 * Add a user to a group.
 *
 * The group comes from the path. Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried add can add the user twice.
 *
 * `POST /groups/{id}/memberships` (operation `addGroupMembership`).
 *
 * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely.
 *
 * The standalone form of `client.groups.addMembership()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The group's id.
 * @param body - The request body.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { groupsAddMembership } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await groupsAddMembership(core, 1, { userId: 3, role: "member" });
 * const { data, response, requestId } = await groupsAddMembership(core, 1, { userId: 3, role: "member" }).withResponse();
 * ```
 */
export function groupsAddMembership(
  core: UserManagementCore,
  id: number,
  body: NewMembership,
  options?: RequestOptions,
): APIPromise<Membership> {
  return callOperation(
    core,
    'addGroupMembership',
    addGroupMembershipOperation,
    { path: { id }, body },
    options,
  );
}
