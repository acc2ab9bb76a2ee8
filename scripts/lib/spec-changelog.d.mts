import type { Classification } from './spec-classify.mjs';
import type { Change } from './spec-compare.mjs';
export function describeChange(change: Change): string;
export function countSummary(result: Classification): string;
/** The changeset file (@changesets/cli format) for a classification. */
export function renderChangeset(result: Classification, packageName: string): string;
export function renderReport(result: Classification): string;
