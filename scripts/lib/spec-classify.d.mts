import type { Change, OpenApiDocument } from './spec-compare.mjs';
export type Bump = 'major' | 'minor' | 'patch';
export interface Classification {
  bump: Bump | null;
  changes: Change[];
  breaking: Change[];
  additions: Change[];
  otherChanges: Change[];
  docs: Change[];
  from: { title?: string; version?: string };
  to: { title?: string; version?: string };
}
export type DiffSpecs = (options: {
  sourceSpec: { content: string; location: string; format: 'openapi3' | 'swagger2' };
  destinationSpec: { content: string; location: string; format: 'openapi3' | 'swagger2' };
}) => Promise<{
  breakingDifferences?: unknown[];
  nonBreakingDifferences: unknown[];
  unclassifiedDifferences: unknown[];
}>;
export function bumpFor(changes: readonly Change[]): Bump | null;
export function openapiDiff(): DiffSpecs;
/** Classifies the change from one parsed OpenAPI 3.0 document to the next. No I/O. */
export function classifySpecs(
  oldSpec: OpenApiDocument,
  newSpec: OpenApiDocument,
  options?: { diffSpecs?: DiffSpecs },
): Promise<Classification>;
