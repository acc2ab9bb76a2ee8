export type Severity = 'breaking' | 'addition' | 'change' | 'docs';
export type Area = 'operation' | 'request' | 'response' | 'spec';
/** One change between two specs; identical changes found in several operations are merged. */
export interface Change {
  severity: Severity;
  area: Area;
  /** What changed: `User.email`, `query parameter _sort`, an operationId, … */
  subject: string;
  /** A readable sentence, with names in backticks. */
  message: string;
  /** The operationIds affected, sorted. */
  operations: string[];
}
export type OpenApiDocument = Record<string, any>;
export const HTTP_METHODS: readonly string[];
/** Compares two parsed OpenAPI 3.0 documents at the level TypeScript consumers see. Pure. */
export function compareSpecs(oldSpec: OpenApiDocument, newSpec: OpenApiDocument): Change[];
export function sameJson(a: unknown, b: unknown): boolean;
