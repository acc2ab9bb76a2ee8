import type { OpenApiDocument } from './spec-compare.mjs';
export class SpecError extends Error {}
export function assertOpenApi30(doc: unknown, label: string): asserts doc is OpenApiDocument;
export function parseSpec(text: string, label: string): OpenApiDocument;
export function loadSpec(path: string, label?: string): Promise<{ text: string; doc: OpenApiDocument }>;
