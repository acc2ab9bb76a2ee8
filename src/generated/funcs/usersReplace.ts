// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { replaceUserOperation } from '../operations.js';
import type { User, UserReplace } from '../models.js';

/**
 * Replace a user.
 *
 * Replaces every field; fields left out are removed.
 *
 * `PUT /users/{id}` (operation `replaceUser`).
 *
 * This call takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
 *
 * The standalone form of `client.users.replace()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The user's id.
 * @param body - The request body.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { usersReplace } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await usersReplace(core, 1, { name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" });
 * const { data, response, requestId } = await usersReplace(core, 1, { name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" }).withResponse();
 * ```
 */
export function usersReplace(
  core: UserManagementCore,
  id: number,
  body: UserReplace,
  options?: RequestOptions,
): APIPromise<User> {
  return callOperation(core, 'replaceUser', replaceUserOperation, { path: { id }, body }, options);
}
