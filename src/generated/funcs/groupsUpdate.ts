// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { updateGroupOperation } from '../operations.js';
import type { Group, GroupPatch } from '../models.js';

/**
 * Update some fields of a group.
 *
 * Merges the given fields into the group. Send an `Idempotency-Key` to make retries safe (json-server ignores it; a repeated merge of the same fields is harmless).
 *
 * `PATCH /groups/{id}` (operation `updateGroup`).
 *
 * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely and takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
 *
 * The standalone form of `client.groups.update()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The group's id.
 * @param body - The request body.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { groupsUpdate } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await groupsUpdate(core, 1, { description: "People who run the organisation." });
 * const { data, response, requestId } = await groupsUpdate(core, 1, { description: "People who run the organisation." }).withResponse();
 * ```
 */
export function groupsUpdate(
  core: UserManagementCore,
  id: number,
  body: GroupPatch,
  options?: RequestOptions,
): APIPromise<Group> {
  return callOperation(core, 'updateGroup', updateGroupOperation, { path: { id }, body }, options);
}
