// Running totals of a pass: counts per outcome, records per second, failures grouped by reason.
// The engine feeds it live and the state feeds it again from the journal on resume, so a resumed run's
// report covers the records done before the interruption too.
import type {
  DeadLetterReason,
  SyncErrorGroup,
  SyncOutcome,
  SyncTimelinePoint,
  SyncTotals,
} from './types.js';

/** A failure as the journal and tally keep it (no record, no key: those go to the dead-letter file). */
export interface FailureInfo {
  readonly reason: DeadLetterReason;
  readonly error: string;
  readonly message: string;
  readonly retryable: boolean;
}

export function emptyTotals(): SyncTotals {
  return { read: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, skipped: 0, failed: 0, conflicts: 0 };
}

export class Tally {
  readonly totals: SyncTotals = emptyTotals();
  readonly #perSecond = new Map<number, { ok: number; failed: number }>();
  readonly #errors = new Map<string, { group: Omit<SyncErrorGroup, 'count'>; count: number }>();

  readonly startedAtMs: number;

  constructor(startedAtMs: number) {
    this.startedAtMs = startedAtMs;
  }

  /** Counts one finished record (`read` counts source records; deletes are not read). */
  add(outcome: SyncOutcome, atMs: number, failure?: FailureInfo, conflict = false): void {
    this.totals[outcome]++;
    if (outcome !== 'deleted') this.totals.read++;
    if (conflict) this.totals.conflicts++;
    const second = Math.max(0, Math.floor((atMs - this.startedAtMs) / 1000));
    const bucket = this.#perSecond.get(second) ?? { ok: 0, failed: 0 };
    if (outcome === 'failed') bucket.failed++;
    else bucket.ok++;
    this.#perSecond.set(second, bucket);
    if (failure) {
      const id = `${failure.reason}\u0000${failure.error}`;
      const entry = this.#errors.get(id);
      if (entry) entry.count++;
      else
        this.#errors.set(id, {
          group: {
            reason: failure.reason,
            error: failure.error,
            retryable: failure.retryable,
            example: failure.message,
          },
          count: 1,
        });
    }
  }

  /** Records done so far (deletes included). */
  get done(): number {
    return this.totals.read + this.totals.deleted;
  }

  timeline(): SyncTimelinePoint[] {
    return [...this.#perSecond.entries()]
      .sort(([a], [b]) => a - b)
      .map(([second, b]) => ({ second, ok: b.ok, failed: b.failed }));
  }

  errors(): SyncErrorGroup[] {
    return [...this.#errors.values()]
      .map(({ group, count }) => ({ ...group, count }))
      .sort((a, b) => b.count - a.count);
  }
}
