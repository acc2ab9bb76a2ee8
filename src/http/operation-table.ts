// The shape of the operation table: one definition for the generator that writes it (codegen/model.ts,
// codegen/render.ts) and the runtime that reads it (src/generated/operations.ts `satisfies` it), so the two
// cannot drift.
//
// The table is written as plain objects on purpose. A compact form (parameters listed once by index, one
// tuple per operation, the booleans as a bit field, decoded at first import) was measured on this spec:
// 892 B gzip for table and decoder against 733 B for the objects alone, and +10 B in the browser bundle —
// gzip already folds the repeated keys, and the decoder costs more than it saves.

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

/** One operation of the spec: what the runtime needs to send, validate and retry it. */
export interface OperationRow {
  readonly method: string;
  readonly path: string;
  readonly tag: string;
  readonly acceptsIdempotencyKey: boolean;
  /** Declares an `If-Match` header: the `ifMatch` request option applies (412 when stale). */
  readonly acceptsIfMatch: boolean;
  /** Declares an `If-None-Match` header: the cache may revalidate it (304 when unchanged). */
  readonly acceptsIfNoneMatch: boolean;
  readonly successStatus: number;
  readonly successStatuses: readonly number[];
  /** Path parameters in the order they appear in the path. */
  readonly pathParams: readonly ParamDef[];
  readonly queryParams: readonly ParamDef[];
  /** `null` when the operation takes no JSON body. */
  readonly body: { readonly required: boolean; readonly object: boolean } | null;
  /** false when every success response is empty (no content, or an object with no properties allowed). */
  readonly returnsData: boolean;
  /** The page and limit query parameters of a paginated list, else `null`. */
  readonly pagination: { readonly page: string; readonly limit: string } | null;
  /** Where the operation lives in the SDK: `client.<property>.<method>()`. */
  readonly sdk: { readonly property: string; readonly method: string };
}

/** What the runtime needs to know about one operation; `client.raw` sends paths the spec lacks with less. */
export type OperationDef = Pick<
  OperationRow,
  'method' | 'path' | 'tag' | 'acceptsIdempotencyKey' | 'successStatus' | 'successStatuses'
> &
  Partial<
    Pick<
      OperationRow,
      | 'acceptsIfMatch'
      | 'acceptsIfNoneMatch'
      | 'pathParams'
      | 'queryParams'
      | 'body'
      | 'returnsData'
      | 'pagination'
      | 'sdk'
    >
  >;
