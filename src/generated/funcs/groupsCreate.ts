// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { createGroupOperation } from '../operations.js';
import type { Group, NewGroup } from '../models.js';

/**
 * Create a group.
 *
 * The server assigns the id. Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried create can create the group twice.
 *
 * `POST /groups` (operation `createGroup`).
 *
 * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely.
 *
 * The standalone form of `client.groups.create()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param body - The request body.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { groupsCreate } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await groupsCreate(core, { name: "Research", description: "People who try things first." });
 * const { data, response, requestId } = await groupsCreate(core, { name: "Research", description: "People who try things first." }).withResponse();
 * ```
 */
export function groupsCreate(
  core: UserManagementCore,
  body: NewGroup,
  options?: RequestOptions,
): APIPromise<Group> {
  return callOperation(core, 'createGroup', createGroupOperation, { body }, options);
}
