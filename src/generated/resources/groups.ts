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
  listGroupsOperation,
  createGroupOperation,
  getGroupOperation,
  updateGroupOperation,
  deleteGroupOperation,
  listGroupMembershipsOperation,
  addGroupMembershipOperation,
  removeGroupMembershipOperation,
} from '../operations.js';
import type {
  Group,
  GroupPatch,
  ListGroupMembershipsParams,
  ListGroupsParams,
  Membership,
  NewGroup,
  NewMembership,
} from '../models.js';

/**
 * Groups of users, and who is a member of which.
 *
 * One method per operation of the tag `groups`, as `client.groups`; each makes the same call as its standalone function in user-management-sdk/funcs.
 */
export class Groups extends Resource {
  /**
   * List groups, one page at a time.
   *
   * Pages with `_page`/`_limit`; the total count is in `X-Total-Count` and the neighbour pages in `Link`.
   *
   * `GET /groups` (operation `listGroups`).
   *
   * This call resolves to one page; `for await` over the result walks every item of every page.
   *
   * @param params - The query parameters.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns A {@link PagePromise}: await it for one page, iterate it for every item; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const page = await client.groups.list({ limit: 20 });
   * for await (const item of client.groups.list({ limit: 20 })) console.log(item);
   * const { data, requestId } = await client.groups.list({ limit: 20 }).withResponse();
   * ```
   */
  list(params?: ListGroupsParams, options?: RequestOptions): PagePromise<Group> {
    return pageOperation(this.core, 'listGroups', listGroupsOperation, { query: params }, options);
  }

  /**
   * Iterates over every item of `list()`, page by page; `break` stops without fetching further pages.
   *
   * The same as `for await (const item of client.groups.list(params))`, kept as a named method.
   *
   * @param params - The query parameters; `page` is where to start.
   * @param options - Per-call options, applied to every page, and `maxPages` (default 10000), after which the walk ends.
   * @example
   * ```ts
   * for await (const item of client.groups.listAll()) console.log(item);
   * ```
   */
  listAll(params?: ListGroupsParams, options?: ListAllOptions): AsyncGenerator<Group, void, undefined> {
    return allItems(this.core, 'listGroups', listGroupsOperation, { query: params }, options);
  }

  /**
   * Create a group.
   *
   * The server assigns the id. Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried create can create the group twice.
   *
   * `POST /groups` (operation `createGroup`).
   *
   * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely.
   *
   * @param body - The request body.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.groups.create({ name: "Research", description: "People who try things first." });
   * const { data, response, requestId } = await client.groups.create({ name: "Research", description: "People who try things first." }).withResponse();
   * ```
   */
  create(body: NewGroup, options?: RequestOptions): APIPromise<Group> {
    return callOperation(this.core, 'createGroup', createGroupOperation, { body }, options);
  }

  /**
   * Get one group.
   *
   * `GET /groups/{id}` (operation `getGroup`).
   *
   * @param id - The group's id.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.groups.get(1);
   * const { data, response, requestId } = await client.groups.get(1).withResponse();
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<Group> {
    return callOperation(this.core, 'getGroup', getGroupOperation, { path: { id } }, options);
  }

  /**
   * Update some fields of a group.
   *
   * Merges the given fields into the group. Send an `Idempotency-Key` to make retries safe (json-server ignores it; a repeated merge of the same fields is harmless).
   *
   * `PATCH /groups/{id}` (operation `updateGroup`).
   *
   * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely and takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
   *
   * @param id - The group's id.
   * @param body - The request body.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.groups.update(1, { description: "People who run the organisation." });
   * const { data, response, requestId } = await client.groups.update(1, { description: "People who run the organisation." }).withResponse();
   * ```
   */
  update(id: number, body: GroupPatch, options?: RequestOptions): APIPromise<Group> {
    return callOperation(this.core, 'updateGroup', updateGroupOperation, { path: { id }, body }, options);
  }

  /**
   * Delete a group.
   *
   * A well-behaved server answers `204`; json-server answers `200` with `{}`, and removes the group's memberships with it.
   *
   * `DELETE /groups/{id}` (operation `deleteGroup`).
   *
   * This call takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first.
   *
   * @param id - The group's id.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the completion; `.withResponse()` adds the response.
   * @example
   * ```ts
   * await client.groups.delete(1);
   * ```
   */
  delete(id: number, options?: RequestOptions): APIPromise<void> {
    return callOperation(this.core, 'deleteGroup', deleteGroupOperation, { path: { id } }, options);
  }

  /**
   * List the memberships of a group, one page at a time.
   *
   * Pages with `_page`/`_limit` like the group list; json-server serves this nested route as `/memberships?groupId={id}`.
   *
   * `GET /groups/{id}/memberships` (operation `listGroupMemberships`).
   *
   * This call resolves to one page; `for await` over the result walks every item of every page.
   *
   * @param id - The group's id.
   * @param params - The query parameters.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns A {@link PagePromise}: await it for one page, iterate it for every item; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const page = await client.groups.listMemberships(1, { limit: 20 });
   * for await (const item of client.groups.listMemberships(1, { limit: 20 })) console.log(item);
   * const { data, requestId } = await client.groups.listMemberships(1, { limit: 20 }).withResponse();
   * ```
   */
  listMemberships(
    id: number,
    params?: ListGroupMembershipsParams,
    options?: RequestOptions,
  ): PagePromise<Membership> {
    return pageOperation(
      this.core,
      'listGroupMemberships',
      listGroupMembershipsOperation,
      { path: { id }, query: params },
      options,
    );
  }

  /**
   * Add a user to a group.
   *
   * The group comes from the path. Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried add can add the user twice.
   *
   * `POST /groups/{id}/memberships` (operation `addGroupMembership`).
   *
   * This call sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely.
   *
   * @param id - The group's id.
   * @param body - The request body.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the response body; `.withResponse()` adds the response.
   * @example
   * ```ts
   * const result = await client.groups.addMembership(1, { userId: 3, role: "member" });
   * const { data, response, requestId } = await client.groups.addMembership(1, { userId: 3, role: "member" }).withResponse();
   * ```
   */
  addMembership(id: number, body: NewMembership, options?: RequestOptions): APIPromise<Membership> {
    return callOperation(
      this.core,
      'addGroupMembership',
      addGroupMembershipOperation,
      { path: { id }, body },
      options,
    );
  }

  /**
   * Remove a membership.
   *
   * A well-behaved server answers `204`; json-server answers `200` with `{}`.
   *
   * `DELETE /memberships/{id}` (operation `removeGroupMembership`).
   *
   * @param id - The membership's id.
   * @param options - Per-call options: signal, timeouts, retries, headers, idempotency key.
   * @returns An {@link APIPromise} of the completion; `.withResponse()` adds the response.
   * @example
   * ```ts
   * await client.groups.removeMembership(1);
   * ```
   */
  removeMembership(id: number, options?: RequestOptions): APIPromise<void> {
    return callOperation(
      this.core,
      'removeGroupMembership',
      removeGroupMembershipOperation,
      { path: { id } },
      options,
    );
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
   * const updated = await client.groups.modify(1, (current) => ({ description: "People who run the organisation." }));
   * ```
   */
  modify(id: number, change: ModifyFn<Group, GroupPatch>, options?: ModifyOptions): Promise<Group> {
    return modifyItem(
      (o) => callOperation(this.core, 'getGroup', getGroupOperation, { path: { id } }, o),
      (patch, o) =>
        callOperation(this.core, 'updateGroup', updateGroupOperation, { path: { id }, body: patch }, o),
      change,
      options,
      `client.groups.modify(${String(id)})`,
    );
  }
}
