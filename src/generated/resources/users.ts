// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import {
  Resource,
  type RequestOptions,
  callOperation,
  type APIPromise,
  pageOperation,
  type PagePromise,
  allItems,
  type ListAllOptions,
  modifyItem,
  type ModifyFn,
  type ModifyOptions,
} from '../../core/resource.js';
import {
  listUsersOperation,
  createUserOperation,
  getUserOperation,
  replaceUserOperation,
  updateUserOperation,
  deleteUserOperation,
} from '../operations.js';
import type { ListUsersParams, NewUser, User, UserPatch, UserReplace } from '../models.js';

/**
 * Users of the organisation.
 *
 * One method per operation of the tag `users`, as `client.users`; each makes the same call as its standalone function in user-management-sdk/funcs.
 */
export class Users extends Resource {
  /**
   * List users, one page at a time.
   *
   * Pages with `_page`/`_limit`; the total count is in `X-Total-Count` and the neighbour pages in `Link`.
   *
   * `GET /users` (operation `listUsers`).
   *
   * This call resolves to one page; `for await` over the result walks every item of every page.
   *
   * @param params - The query parameters.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns A {@link PagePromise}: await it for one page, iterate it for every item; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const page = await client.users.list({ limit: 20 });
   * for await (const item of client.users.list({ limit: 20 })) console.log(item);
   * const { data, requestId } = await client.users.list({ limit: 20 }).withResponse();
   * ```
   */
  list(params?: ListUsersParams, options?: RequestOptions): PagePromise<User> {
    return pageOperation(this.core, 'listUsers', listUsersOperation, { query: params }, options);
  }

  /**
   * Iterates over every item of `list()`, page by page; `break` stops without fetching further pages.
   *
   * The same as `for await (const item of client.users.list(params))`, kept as a named method.
   *
   * @param params - The query parameters; `page` is where to start.
   * @param options - Per-call options, applied to every page, and `maxPages` (default 10000), after which the walk ends.
   * @example
   * ```ts
   * for await (const item of client.users.listAll()) console.log(item);
   * ```
   */
  listAll(params?: ListUsersParams, options?: ListAllOptions): AsyncGenerator<User, void, undefined> {
    return allItems(this.core, 'listUsers', listUsersOperation, { query: params }, options);
  }

  /**
   * Create a user.
   *
   * The server assigns the id (json-server assigns the largest id + 1, so the id of a deleted last user is handed out again). Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried create can create the user twice.
   *
   * `POST /users` (operation `createUser`).
   *
   * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely.
   *
   * @param body - The request body.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.users.create({ name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" });
   * const { data, response, requestId } = await client.users.create({ name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" }).withResponse();
   * ```
   */
  create(body: NewUser, options?: RequestOptions): APIPromise<User> {
    return callOperation(this.core, 'createUser', createUserOperation, { body }, options);
  }

  /**
   * Get one user.
   *
   * `GET /users/{id}` (operation `getUser`).
   *
   * @param id - The user's id.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.users.get(1);
   * const { data, response, requestId } = await client.users.get(1).withResponse();
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<User> {
    return callOperation(this.core, 'getUser', getUserOperation, { path: { id } }, options);
  }

  /**
   * Replace a user.
   *
   * Replaces every field; fields left out are removed.
   *
   * `PUT /users/{id}` (operation `replaceUser`).
   *
   * This call takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
   *
   * @param id - The user's id.
   * @param body - The request body.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.users.replace(1, { name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" });
   * const { data, response, requestId } = await client.users.replace(1, { name: "Ada Lovelace", username: "ada", email: "ada@example.com", phone: "555-0100", website: "ada.example.com" }).withResponse();
   * ```
   */
  replace(id: number, body: UserReplace, options?: RequestOptions): APIPromise<User> {
    return callOperation(this.core, 'replaceUser', replaceUserOperation, { path: { id }, body }, options);
  }

  /**
   * Update some fields of a user.
   *
   * Merges the given fields into the user. Send an `Idempotency-Key` to make retries safe (json-server ignores it; a repeated merge of the same fields is harmless).
   *
   * `PATCH /users/{id}` (operation `updateUser`).
   *
   * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely and takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
   *
   * @param id - The user's id.
   * @param body - The request body.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.users.update(1, { email: "ada@example.org" });
   * const { data, response, requestId } = await client.users.update(1, { email: "ada@example.org" }).withResponse();
   * ```
   */
  update(id: number, body: UserPatch, options?: RequestOptions): APIPromise<User> {
    return callOperation(this.core, 'updateUser', updateUserOperation, { path: { id }, body }, options);
  }

  /**
   * Delete a user.
   *
   * A well-behaved server answers `204`; json-server answers `200` with `{}`.
   *
   * `DELETE /users/{id}` (operation `deleteUser`).
   *
   * This call takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
   *
   * @param id - The user's id.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the completion; `.withResponse()` adds the response.
   * @example
   * ```ts
   * await client.users.delete(1);
   * ```
   */
  delete(id: number, options?: RequestOptions): APIPromise<void> {
    return callOperation(this.core, 'deleteUser', deleteUserOperation, { path: { id } }, options);
  }

  /**
   * Reads, changes and writes back one item, safe against concurrent edits: `get()`, then your `change`, then `update()` with `ifMatch` set to the version read.
   *
   * If someone else wrote in between (412), it reads again and calls `change` again on the fresh item, up to `maxConflictRetries` times (default 3), then rejects with `PreconditionFailedError`. `change` may return `undefined` to write nothing; it may run more than once, so keep it free of side effects.
   *
   * @param id - As for `get()`.
   * @param change - Gets the current item, returns the fields to change (or `undefined` for no write).
   * @param options - Per-call options for every request it makes, and `maxConflictRetries`.
   * @returns The item as written, or as read when `change` returned `undefined`.
   * @example
   * ```ts
   * const updated = await client.users.modify(1, (current) => ({ email: "ada@example.org" }));
   * ```
   */
  modify(id: number, change: ModifyFn<User, UserPatch>, options?: ModifyOptions): Promise<User> {
    return modifyItem(
      (o) => callOperation(this.core, 'getUser', getUserOperation, { path: { id } }, o),
      (patch, o) =>
        callOperation(this.core, 'updateUser', updateUserOperation, { path: { id }, body: patch }, o),
      change,
      options,
      `client.users.modify(${String(id)})`,
    );
  }
}
