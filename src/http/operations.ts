// The one door to the generated operation table (method, path, idempotency support per operationId).
export { operations, type OperationId } from '../../generated/operations.js';

/** What the runtime needs to know about one operation. */
export interface OperationDef {
  readonly method: string;
  readonly path: string;
  readonly tag: string;
  readonly acceptsIdempotencyKey: boolean;
  readonly successStatus: number;
  readonly successStatuses: readonly number[];
}
