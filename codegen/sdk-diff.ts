// The SDK-level view of a spec change, for spec:update's report and changeset: which methods of the
// generated client appear, disappear or change, by their public names (`client.users.deactivate()`).
import type { SdkModel } from './model.js';

/** The methods added, removed and changed between two generated surfaces, as `client.<tag>.<method>()`. */
export interface SdkDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

const publicName = (row: { readonly sdk: { readonly property: string; readonly method: string } }): string =>
  `client.${row.sdk.property}.${row.sdk.method}()`;

/**
 * Compares the generated surfaces of two specs. An operation whose public name moved counts as removed
 * under the old name and added under the new one; `touched` (operationIds the spec comparison found
 * changes in) marks the methods whose types or behaviour changed.
 */
export function diffSdk(before: SdkModel, after: SdkModel, touched: Iterable<string>): SdkDiff {
  const was = new Map(Object.values(before.operations).map((row) => [publicName(row), row]));
  const now = new Map(Object.values(after.operations).map((row) => [publicName(row), row]));
  const idsBefore = new Map(Object.entries(before.operations).map(([id, row]) => [id, publicName(row)]));
  const idsAfter = new Map(Object.entries(after.operations).map(([id, row]) => [id, publicName(row)]));
  const changed = new Set<string>();
  for (const id of touched) {
    const name = idsAfter.get(id);
    if (name !== undefined && idsBefore.get(id) === name) changed.add(name);
  }
  // The same method with a different method, path, idempotency or pagination is a change too.
  for (const [name, row] of now) {
    const old = was.get(name);
    if (old && JSON.stringify(old) !== JSON.stringify(row)) changed.add(name);
  }
  return {
    added: [...now.keys()].filter((n) => !was.has(n)).sort(),
    removed: [...was.keys()].filter((n) => !now.has(n)).sort(),
    changed: [...changed].sort(),
  };
}

/** The lines for a changeset or report: `- Added \`client.users.deactivate()\``; none when nothing moved. */
export function describeSdkDiff(diff: SdkDiff, bullet = '-'): string[] {
  return [
    ...diff.added.map((n) => `${bullet} Added \`${n}\``),
    ...diff.removed.map((n) => `${bullet} Removed \`${n}\``),
    ...diff.changed.map((n) => `${bullet} Changed \`${n}\``),
  ];
}
