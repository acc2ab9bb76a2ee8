// The SDK-level view of a spec change, for spec:update's report and changeset: which methods of the
// generated client appear, disappear or change, by their public names (`client.users.deactivate()`).
import { nameOperations } from './naming.js';
import { walkOperations, type OpenApiDocument } from './spec.js';

/** The methods added, removed and changed between two generated surfaces, as `client.<tag>.<method>()`. */
export interface SdkDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** operationId → public method name and what its call looks like, under the naming rules. */
export function sdkSurface(doc: OpenApiDocument): Map<string, { name: string; shape: string }> {
  const ops = walkOperations(doc);
  const names = nameOperations(ops);
  return new Map(
    ops.map((op) => {
      const n = names.get(op.operationId);
      const shape = JSON.stringify([
        op.method,
        op.path,
        op.parameters.map((p) => [p.in, p.name, p.required]),
      ]);
      return [op.operationId, { name: `client.${n?.property ?? ''}.${n?.method ?? ''}()`, shape }];
    }),
  );
}

/**
 * Compares the generated surfaces of two specs. An operation whose public name moved counts as removed
 * under the old name and added under the new one; `touched` (operationIds the spec comparison found
 * changes in) and a different method, path or parameter list mark a method as changed.
 */
export function diffSdk(before: OpenApiDocument, after: OpenApiDocument, touched: Iterable<string>): SdkDiff {
  const was = sdkSurface(before);
  const now = sdkSurface(after);
  const namesBefore = new Map([...was.values()].map((v) => [v.name, v.shape]));
  const namesAfter = new Map([...now.values()].map((v) => [v.name, v.shape]));
  const changed = new Set<string>();
  for (const id of touched) {
    const name = now.get(id)?.name;
    if (name !== undefined && was.get(id)?.name === name) changed.add(name);
  }
  for (const [name, shape] of namesAfter) {
    const old = namesBefore.get(name);
    if (old !== undefined && old !== shape) changed.add(name);
  }
  return {
    added: [...namesAfter.keys()].filter((n) => !namesBefore.has(n)).sort(),
    removed: [...namesBefore.keys()].filter((n) => !namesAfter.has(n)).sort(),
    changed: [...changed].sort(),
  };
}

/**
 * The lines for a changeset (`- Added \`client.users.deactivate()\``) or, with `marks`, for the terminal
 * report (`+ Added …`, `! Removed …`, `~ Changed …`); none when nothing moved.
 */
export function describeSdkDiff(
  diff: SdkDiff,
  marks: { added: string; removed: string; changed: string } = { added: '-', removed: '-', changed: '-' },
): string[] {
  return [
    ...diff.added.map((n) => `${marks.added} Added \`${n}\``),
    ...diff.removed.map((n) => `${marks.removed} Removed \`${n}\``),
    ...diff.changed.map((n) => `${marks.changed} Changed \`${n}\``),
  ];
}
