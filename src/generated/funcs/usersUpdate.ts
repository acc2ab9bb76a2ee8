// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { updateUserOperation } from '../operations.js';
import type { User, UserPatch } from '../models.js';

/**
 * Update some fields of a user.
 *
 * Merges the given fields into the user. Send an `Idempotency-Key` to make retries safe (json-server ignores it; a repeated merge of the same fields is harmless).
 *
 * `PATCH /users/{id}` (operation `updateUser`).
 *
 * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely and takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
 *
 * The standalone form of `client.users.update()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The user's id.
 * @param body - The request body.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { usersUpdate } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await usersUpdate(core, 1, { email: "ada@example.org" });
 * const { data, response, requestId } = await usersUpdate(core, 1, { email: "ada@example.org" }).withResponse();
 * ```
 */
export function usersUpdate(
  core: UserManagementCore,
  id: number,
  body: UserPatch,
  options?: RequestOptions,
): APIPromise<User> {
  return callOperation(core, 'updateUser', updateUserOperation, { path: { id }, body }, options);
}
