// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

import type { OperationRow } from '../http/operation-table.js';

/** `POST /groups/{id}/memberships`: what the runtime needs to send, validate and retry operation `addGroupMembership`. */
export const addGroupMembershipOperation = {
  method: 'POST',
  path: '/groups/{id}/memberships',
  tag: 'groups',
  acceptsIdempotencyKey: true,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: false,
  successStatus: 201,
  successStatuses: [201],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: {
    required: true,
    object: true,
  },
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'groups',
    method: 'addMembership',
  },
} as const satisfies OperationRow;

/** `POST /groups`: what the runtime needs to send, validate and retry operation `createGroup`. */
export const createGroupOperation = {
  method: 'POST',
  path: '/groups',
  tag: 'groups',
  acceptsIdempotencyKey: true,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: false,
  successStatus: 201,
  successStatuses: [201],
  pathParams: [],
  queryParams: [],
  body: {
    required: true,
    object: true,
  },
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'groups',
    method: 'create',
  },
} as const satisfies OperationRow;

/** `POST /users`: what the runtime needs to send, validate and retry operation `createUser`. */
export const createUserOperation = {
  method: 'POST',
  path: '/users',
  tag: 'users',
  acceptsIdempotencyKey: true,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: false,
  successStatus: 201,
  successStatuses: [201],
  pathParams: [],
  queryParams: [],
  body: {
    required: true,
    object: true,
  },
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'users',
    method: 'create',
  },
} as const satisfies OperationRow;

/** `DELETE /groups/{id}`: what the runtime needs to send, validate and retry operation `deleteGroup`. */
export const deleteGroupOperation = {
  method: 'DELETE',
  path: '/groups/{id}',
  tag: 'groups',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: true,
  acceptsIfNoneMatch: false,
  successStatus: 200,
  successStatuses: [200, 204],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: null,
  returnsData: false,
  pagination: null,
  sdk: {
    property: 'groups',
    method: 'delete',
  },
} as const satisfies OperationRow;

/** `DELETE /users/{id}`: what the runtime needs to send, validate and retry operation `deleteUser`. */
export const deleteUserOperation = {
  method: 'DELETE',
  path: '/users/{id}',
  tag: 'users',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: true,
  acceptsIfNoneMatch: false,
  successStatus: 200,
  successStatuses: [200, 204],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: null,
  returnsData: false,
  pagination: null,
  sdk: {
    property: 'users',
    method: 'delete',
  },
} as const satisfies OperationRow;

/** `GET /groups/{id}`: what the runtime needs to send, validate and retry operation `getGroup`. */
export const getGroupOperation = {
  method: 'GET',
  path: '/groups/{id}',
  tag: 'groups',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: true,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: null,
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'groups',
    method: 'get',
  },
} as const satisfies OperationRow;

/** `GET /users/{id}`: what the runtime needs to send, validate and retry operation `getUser`. */
export const getUserOperation = {
  method: 'GET',
  path: '/users/{id}',
  tag: 'users',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: true,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: null,
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'users',
    method: 'get',
  },
} as const satisfies OperationRow;

/** `GET /groups/{id}/memberships`: what the runtime needs to send, validate and retry operation `listGroupMemberships`. */
export const listGroupMembershipsOperation = {
  method: 'GET',
  path: '/groups/{id}/memberships',
  tag: 'groups',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: true,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [
    {
      name: '_page',
      sdkName: 'page',
      required: false,
      type: 'integer',
      minimum: 1,
    },
    {
      name: '_limit',
      sdkName: 'limit',
      required: false,
      type: 'integer',
      minimum: 1,
      maximum: 100,
    },
    {
      name: 'role',
      sdkName: 'role',
      required: false,
      type: 'string',
      enum: ['member', 'admin'],
    },
    {
      name: 'userId',
      sdkName: 'userId',
      required: false,
      type: 'integer',
      minimum: 1,
    },
  ],
  body: null,
  returnsData: true,
  pagination: {
    page: '_page',
    limit: '_limit',
  },
  sdk: {
    property: 'groups',
    method: 'listMemberships',
  },
} as const satisfies OperationRow;

/** `GET /groups`: what the runtime needs to send, validate and retry operation `listGroups`. */
export const listGroupsOperation = {
  method: 'GET',
  path: '/groups',
  tag: 'groups',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: true,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [],
  queryParams: [
    {
      name: '_page',
      sdkName: 'page',
      required: false,
      type: 'integer',
      minimum: 1,
    },
    {
      name: '_limit',
      sdkName: 'limit',
      required: false,
      type: 'integer',
      minimum: 1,
      maximum: 100,
    },
    {
      name: '_sort',
      sdkName: 'sort',
      required: false,
      type: 'string',
      enum: ['id', 'name'],
    },
    {
      name: '_order',
      sdkName: 'order',
      required: false,
      type: 'string',
      enum: ['asc', 'desc'],
    },
    {
      name: 'q',
      sdkName: 'q',
      required: false,
      type: 'string',
    },
    {
      name: 'name',
      sdkName: 'name',
      required: false,
      type: 'string',
    },
  ],
  body: null,
  returnsData: true,
  pagination: {
    page: '_page',
    limit: '_limit',
  },
  sdk: {
    property: 'groups',
    method: 'list',
  },
} as const satisfies OperationRow;

/** `GET /users`: what the runtime needs to send, validate and retry operation `listUsers`. */
export const listUsersOperation = {
  method: 'GET',
  path: '/users',
  tag: 'users',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: true,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [],
  queryParams: [
    {
      name: '_page',
      sdkName: 'page',
      required: false,
      type: 'integer',
      minimum: 1,
    },
    {
      name: '_limit',
      sdkName: 'limit',
      required: false,
      type: 'integer',
      minimum: 1,
      maximum: 100,
    },
    {
      name: '_sort',
      sdkName: 'sort',
      required: false,
      type: 'string',
      enum: ['id', 'name', 'username', 'email'],
    },
    {
      name: '_order',
      sdkName: 'order',
      required: false,
      type: 'string',
      enum: ['asc', 'desc'],
    },
    {
      name: 'q',
      sdkName: 'q',
      required: false,
      type: 'string',
    },
    {
      name: 'username',
      sdkName: 'username',
      required: false,
      type: 'string',
    },
    {
      name: 'email',
      sdkName: 'email',
      required: false,
      type: 'string',
    },
  ],
  body: null,
  returnsData: true,
  pagination: {
    page: '_page',
    limit: '_limit',
  },
  sdk: {
    property: 'users',
    method: 'list',
  },
} as const satisfies OperationRow;

/** `DELETE /memberships/{id}`: what the runtime needs to send, validate and retry operation `removeGroupMembership`. */
export const removeGroupMembershipOperation = {
  method: 'DELETE',
  path: '/memberships/{id}',
  tag: 'groups',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: false,
  acceptsIfNoneMatch: false,
  successStatus: 200,
  successStatuses: [200, 204],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: null,
  returnsData: false,
  pagination: null,
  sdk: {
    property: 'groups',
    method: 'removeMembership',
  },
} as const satisfies OperationRow;

/** `PUT /users/{id}`: what the runtime needs to send, validate and retry operation `replaceUser`. */
export const replaceUserOperation = {
  method: 'PUT',
  path: '/users/{id}',
  tag: 'users',
  acceptsIdempotencyKey: false,
  acceptsIfMatch: true,
  acceptsIfNoneMatch: false,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: {
    required: true,
    object: true,
  },
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'users',
    method: 'replace',
  },
} as const satisfies OperationRow;

/** `PATCH /groups/{id}`: what the runtime needs to send, validate and retry operation `updateGroup`. */
export const updateGroupOperation = {
  method: 'PATCH',
  path: '/groups/{id}',
  tag: 'groups',
  acceptsIdempotencyKey: true,
  acceptsIfMatch: true,
  acceptsIfNoneMatch: false,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: {
    required: true,
    object: true,
  },
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'groups',
    method: 'update',
  },
} as const satisfies OperationRow;

/** `PATCH /users/{id}`: what the runtime needs to send, validate and retry operation `updateUser`. */
export const updateUserOperation = {
  method: 'PATCH',
  path: '/users/{id}',
  tag: 'users',
  acceptsIdempotencyKey: true,
  acceptsIfMatch: true,
  acceptsIfNoneMatch: false,
  successStatus: 200,
  successStatuses: [200],
  pathParams: [
    {
      name: 'id',
      sdkName: 'id',
      required: true,
      type: 'integer',
      minimum: 1,
    },
  ],
  queryParams: [],
  body: {
    required: true,
    object: true,
  },
  returnsData: true,
  pagination: null,
  sdk: {
    property: 'users',
    method: 'update',
  },
} as const satisfies OperationRow;

/** One entry per operation of the spec, keyed by operationId: what the runtime needs to send, validate and retry it. */
export const operations = {
  addGroupMembership: addGroupMembershipOperation,
  createGroup: createGroupOperation,
  createUser: createUserOperation,
  deleteGroup: deleteGroupOperation,
  deleteUser: deleteUserOperation,
  getGroup: getGroupOperation,
  getUser: getUserOperation,
  listGroupMemberships: listGroupMembershipsOperation,
  listGroups: listGroupsOperation,
  listUsers: listUsersOperation,
  removeGroupMembership: removeGroupMembershipOperation,
  replaceUser: replaceUserOperation,
  updateGroup: updateGroupOperation,
  updateUser: updateUserOperation,
} as const satisfies Readonly<Record<string, OperationRow>>;

/** The operationIds of the spec. */
export type OperationId =
  | 'addGroupMembership'
  | 'createGroup'
  | 'createUser'
  | 'deleteGroup'
  | 'deleteUser'
  | 'getGroup'
  | 'getUser'
  | 'listGroupMemberships'
  | 'listGroups'
  | 'listUsers'
  | 'removeGroupMembership'
  | 'replaceUser'
  | 'updateGroup'
  | 'updateUser';
