// The one door to the generated operation table (method, path, idempotency, parameters, pagination per
// operationId): the runtime reads it, so every behaviour comes from the spec, none from a method's name.
export { operations, type OperationId } from '../generated/operations.js';

/** A parameter as the runtime validates and sends it. */
export interface ParamDef {
  /** The name in the spec (`_page`). */
  readonly name: string;
  /** The SDK's name (`page`). */
  readonly sdkName: string;
  readonly required: boolean;
  readonly type: string | undefined;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly (string | number)[];
  readonly default?: string | number | boolean;
}

/** What the runtime needs to know about one operation. */
export interface OperationDef {
  readonly method: string;
  readonly path: string;
  readonly tag: string;
  readonly acceptsIdempotencyKey: boolean;
  /** The spec declares `If-Match`: the `ifMatch` request option applies. */
  readonly acceptsIfMatch?: boolean;
  /** The spec declares `If-None-Match`: a cached response may be revalidated (304). */
  readonly acceptsIfNoneMatch?: boolean;
  readonly successStatus: number;
  readonly successStatuses: readonly number[];
  /** Path parameters in path order; absent on requests `client.raw` sends to paths the spec does not have. */
  readonly pathParams?: readonly ParamDef[];
  readonly queryParams?: readonly ParamDef[];
  readonly body?: { readonly required: boolean; readonly object: boolean } | null;
  readonly returnsData?: boolean;
  readonly pagination?: { readonly page: string; readonly limit: string } | null;
  readonly sdk?: { readonly property: string; readonly method: string };
}
