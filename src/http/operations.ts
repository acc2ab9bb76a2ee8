// The one door to the generated operation table (method, path, idempotency, parameters, pagination per
// operationId): the runtime reads it, so every behaviour comes from the spec, none from a method's name.
export { operations, type OperationId } from '../generated/operations.js';

export type { OperationDef, OperationRow, ParamDef } from './operation-table.js';
