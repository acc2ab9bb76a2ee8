/**
 * `user-management-sdk/funcs`: one standalone function per operation of the spec — `usersGet(core, id)`,
 * `usersList(core, params)`, `groupsAddMembership(core, id, body)`, … — each the same call as the
 * client's method (`client.users.get(id)`), on a {@link UserManagementCore} from
 * `user-management-sdk/core` (or a `UserManagementClient`). A bundler keeps only the functions an
 * application imports, with only their rows of the operation table: the smallest browser bundle.
 *
 * @example
 * ```ts
 * import { UserManagementCore } from 'user-management-sdk/core';
 * import { usersGet } from 'user-management-sdk/funcs';
 *
 * const core = new UserManagementCore({ baseUrl: 'https://api.example.com', apiKey: 'key' });
 * const user = await usersGet(core, 1);
 * ```
 *
 * @packageDocumentation
 * @module user-management-sdk/funcs
 */
// The generated list (src/generated/funcs/index.ts), so that a provider's new operation gets its
// function with no hand-written line; the API report (etc/user-management-sdk-funcs.api.md) reviews it.
export * from '../generated/funcs/index.js';
// The types of the functions' signatures, so this entry documents itself (the values live in /core).
export type { UserManagementCore } from '../core/user-management-core.js';
export type { RequestOptions } from '../config.js';
export type { APIPromise, PagePromise, WithResponse } from '../http/response.js';
export type { Page } from '../http/page.js';
