/** operationId → what the mock needs, plus components.schemas (see src/testing/model.ts for the shape). */
export function deriveSpecModel(spec: unknown): {
  operations: Record<string, unknown>;
  schemas: Record<string, unknown>;
};
/** The text of generated/spec-model.ts. */
export function renderSpecModel(header: string, spec: unknown): string;
