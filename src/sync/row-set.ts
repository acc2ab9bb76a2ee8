// The rows of a run that are done, as sorted ranges: records finish nearly in source order (at most
// `concurrency` in flight), so a run of any length is a handful of ranges, not a number per row.
export class RowSet {
  /** Starts and ends (inclusive) of disjoint ranges, in order, with a gap between neighbours. */
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  #size = 0;

  /** The number of rows. */
  get size(): number {
    return this.#size;
  }

  has(row: number): boolean {
    return (this.#ends[this.#rangeAtOrBefore(row)] ?? -Infinity) >= row;
  }

  add(row: number): void {
    const i = this.#rangeAtOrBefore(row);
    const end = this.#ends[i];
    if (end !== undefined && end >= row) return;
    this.#size++;
    const joinsLeft = end === row - 1;
    const nextEnd = this.#ends[i + 1];
    const joinsRight = this.#starts[i + 1] === row + 1;
    if (joinsLeft && joinsRight && nextEnd !== undefined) {
      this.#ends[i] = nextEnd;
      this.#starts.splice(i + 1, 1);
      this.#ends.splice(i + 1, 1);
    } else if (joinsLeft) this.#ends[i] = row;
    else if (joinsRight) this.#starts[i + 1] = row;
    else {
      this.#starts.splice(i + 1, 0, row);
      this.#ends.splice(i + 1, 0, row);
    }
  }

  clear(): void {
    this.#starts.length = 0;
    this.#ends.length = 0;
    this.#size = 0;
  }

  /** The number of ranges (what the memory grows with). */
  get ranges(): number {
    return this.#starts.length;
  }

  *[Symbol.iterator](): Generator<number> {
    for (const [i, start] of this.#starts.entries())
      for (let row = start; row <= (this.#ends[i] ?? start); row++) yield row;
  }

  /** The index of the last range starting at or before `row`, or -1. */
  #rangeAtOrBefore(row: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#starts[mid] ?? Infinity) <= row) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at;
  }
}
