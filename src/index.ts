// The public surface of user-management-sdk. Everything not exported here is internal.
export { UserManagementClient } from './client.js';
// UserManagementCore, its options and their vocabulary (policies, events, logging) and the error classes:
// the list user-management-sdk/core exports, kept in one place (src/core/index.ts) so the entries cannot
// drift apart.
export * from './core/index.js';
// Named in both lists above (the spec's schemas and the error details): the errors' own, as before.
export type { FieldError, Problem } from './errors.js';
export { SDK_VERSION } from './version.js';
// The generated surface — ApiResources, one class per tag (Users, Groups, …), the models, the
// query-parameter and page types — as the explicit list src/generated/index.ts holds. It is generated so
// that a provider's new tag or schema reaches users with no hand-written line; the API report
// (etc/user-management-sdk.api.md) is where every change of it is reviewed.
export * from './generated/index.js';
export { DEFAULT_PAGE_SIZE, type Page } from './http/page.js';
export type { ListAllOptions } from './http/iterate-pages.js';
export { APIPromise, PagePromise, type WithResponse } from './http/response.js';
export { etagOf } from './http/etag.js';
export type { ModifyFn, ModifyOptions } from './http/modify.js';
export type {
  ResponseBody,
  RequestBody,
  PathParams,
  QueryParams,
  SdkQuery,
  Result,
  Item,
} from './http/api-types.js';
export type { OperationId } from './http/operations.js';
export type { UserSortField, SortOrder, paths } from './http/api-types.js';
