// What the generated code imports (the standalone functions, the resource classes and their base): the
// entry points into the request path and the runtime types their signatures use. Generated code imports
// nothing else of ours, so the runtime can move behind this file.
//
// Each function takes the operation's own row of the table, so a bundle holds only the rows (and, with
// `pageOperation` unused, none of the paging code) of the operations an application calls.
import type { RequestOptions } from '../config.js';
import type { Item, PaginatedId, Result } from '../http/api-types.js';
import type { CallInput } from '../http/core.js';
import type { ListAllOptions } from '../http/iterate-pages.js';
import type { OperationDef, OperationId } from '../http/operations.js';
import { all, page, type PaginatedOp } from '../http/paginate.js';
import type { APIPromise, PagePromise } from '../http/response.js';
import { InvalidArgumentError } from '../errors.js';
import { describeValue } from '../validation.js';
import { runtimeOf, type Runtime, type UserManagementCore } from './user-management-core.js';

export type { ClientOptions, RequestOptions } from '../config.js';
export { UserManagementCore } from './user-management-core.js';
export type { APIPromise, PagePromise, WithResponse } from '../http/response.js';
export type { Page } from '../http/page.js';
export type { ListAllOptions } from '../http/iterate-pages.js';
export type { ModifyFn, ModifyOptions } from '../http/modify.js';
/** A resource's `modify()`: read-modify-write over its generated get and update (see http/modify.ts). */
export { modify as modifyItem } from '../http/core.js';

/** Runs one operation on `core`: what every generated function and method of a non-paginated operation does. */
export function callOperation<Id extends OperationId>(
  core: UserManagementCore,
  id: Id,
  op: OperationDef,
  input: CallInput<Id>,
  options: RequestOptions | undefined,
): APIPromise<Result<Id>> {
  return runtime(core, id, op).core.call(id, op, input, options);
}

/** Runs a paginated operation on `core` for one page; the result also iterates every item. */
export function pageOperation<Id extends PaginatedId>(
  core: UserManagementCore,
  id: Id,
  op: PaginatedOp,
  input: CallInput<Id>,
  options: RequestOptions | undefined,
): PagePromise<Item<Id>> {
  return page(runtime(core, id, op).core, id, op, input, options);
}

/** Every item of a paginated operation on `core`: a resource's `listAll()`. */
export function allItems<Id extends PaginatedId>(
  core: UserManagementCore,
  id: Id,
  op: PaginatedOp,
  input: CallInput<Id>,
  options: ListAllOptions | undefined,
): AsyncGenerator<Item<Id>, void, undefined> {
  return all(runtime(core, id, op).core, id, op, input, options);
}

/**
 * The runtime of `core`. Anything else (a function called on a plain object, or with its arguments
 * shifted) is an InvalidArgumentError naming the function, thrown before anything is sent.
 */
function runtime(core: unknown, id: string, op: OperationDef): Runtime {
  const found = runtimeOf(core);
  if (found) return found;
  const name = op.sdk ? op.sdk.property + op.sdk.method.charAt(0).toUpperCase() + op.sdk.method.slice(1) : id;
  throw new InvalidArgumentError(
    `${name}: the first argument must be a UserManagementCore or a UserManagementClient; got ${describeValue(core, true)}. Nothing was sent.`,
  );
}

/** The base of every generated resource class: holds the core its methods call the functions with. */
export abstract class Resource {
  /** @internal The core (the client itself) the methods run on. */
  protected readonly core: UserManagementCore;

  /** @internal Created by UserManagementClient. */
  constructor(core: UserManagementCore) {
    this.core = core;
  }
}
