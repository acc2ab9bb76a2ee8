// One change between two specs, and the collector that merges identical ones found in several operations.

/** How a change affects consumers: breaking → major, addition/change → minor, docs → patch. */
export type Severity = 'breaking' | 'addition' | 'change' | 'docs';
/** Where a change is. */
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

/** Collects changes, merging identical ones found in several operations. */
export class Changes {
  readonly #byKey = new Map<string, Change>();

  add(severity: Severity, area: Area, subject: string, message: string, operation?: string): void {
    const key = `${severity}\u0000${area}\u0000${subject}\u0000${message}`;
    let entry = this.#byKey.get(key);
    if (!entry) {
      entry = { severity, area, subject, message, operations: [] };
      this.#byKey.set(key, entry);
    }
    if (operation !== undefined && !entry.operations.includes(operation)) entry.operations.push(operation);
  }

  list(): Change[] {
    return [...this.#byKey.values()].map((c) => ({ ...c, operations: [...c.operations].sort() }));
  }
}
