// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  callOperation,
  type UserManagementCore,
  type RequestOptions,
  type APIPromise,
} from '../../core/resource.js';
import { createUserOperation } from '../operations.js';
import type { NewUser, User } from '../models.js';

/**
 * Create a user.
 *
 * The server assigns the id (json-server assigns the largest id + 1, so the id of a deleted last user is handed out again). Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried create can create the user twice.
 *
 * `POST /users` (operation `createUser`).
 *
 * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely.
 *
 * The standalone form of `client.users.create()`, for applications that bundle only the operations they call.
 *
 * @param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.
 * @param body - The request body.
 * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
 * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { usersCreate } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });
 * const result = await usersCreate(core, { name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" });
 * const { data, response, requestId } = await usersCreate(core, { name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" }).withResponse();
 * ```
 */
export function usersCreate(
  core: UserManagementCore,
  body: NewUser,
  options?: RequestOptions,
): APIPromise<User> {
  return callOperation(core, 'createUser', createUserOperation, { body }, options);
}
