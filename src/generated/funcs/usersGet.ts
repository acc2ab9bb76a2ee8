// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { getUserOperation } from '../operations.js';
import type { User } from '../models.js';

/**
 * Get one user.
 *
 * `GET /users/{id}` (operation `getUser`).
 *
 * The standalone form of `client.users.get()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param id - The user's id.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { usersGet } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await usersGet(core, 1);
 * const { data, response, requestId } = await usersGet(core, 1).withResponse();
 * ```
 */
export function usersGet(core: UserManagementCore, id: number, options?: RequestOptions): APIPromise<User> {
  return callOperation(core, 'getUser', getUserOperation, { path: { id } }, options);
}
