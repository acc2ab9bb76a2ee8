// What the per-record code shares: its context, its result, and the dead-letter result builder.
import type { UserPatch } from 'user-management-sdk';
import type { FieldHashes } from './fields.js';
import type { SourceItem } from './sources.js';
import type { BaseStore } from './bases.js';
import type { ScanIndex } from './scan-index.js';
import type { KeySet } from './state.js';
import type { SyncTarget } from './target.js';
import type {
  ConflictStrategy,
  DeadLetter,
  DeadLetterReason,
  MapFunction,
  SyncConflict,
  SyncKey,
  SyncOutcome,
  SyncPlanEntry,
} from './types.js';
import type { RecordValidator } from './validate.js';

/** What processing a record needs, fixed for the run. */
export interface RecordContext {
  readonly target: SyncTarget;
  readonly key: SyncKey;
  readonly map: MapFunction;
  readonly conflict: ConflictStrategy;
  readonly dryRun: boolean;
  readonly runId: string;
  readonly hash: (value: unknown) => string;
  readonly validator: RecordValidator;
  readonly bases: Pick<BaseStore, 'get'>;
  /** Users by key value, when the run matched with one scan; else lookups use the API's filter. */
  readonly index: Pick<ScanIndex, 'get'> | undefined;
  /** Key hashes seen so far in this pass (duplicates are dead-lettered). */
  readonly seen: KeySet;
  readonly signal: AbortSignal;
}

/** What happened to one record. */
export interface RecordResult {
  readonly outcome: SyncOutcome;
  readonly keyHash?: string;
  readonly keyValue?: string;
  readonly id?: number;
  readonly hashes?: FieldHashes;
  /** The source's hashes, when the base keeps the API's values (the API won a conflict). */
  readonly sourceHashes?: FieldHashes;
  readonly deadLetter?: DeadLetter;
  readonly conflict?: SyncConflict;
  readonly plan?: SyncPlanEntry;
  /** A 429 or a full queue: wait this long (the whole run) and try again. */
  readonly slowDownMs?: number;
  readonly breakerOpen?: boolean;
}

/** The part of a record that does not need the API: map, key, duplicate check. */
export interface Prepared {
  readonly mapped: UserPatch;
  readonly keyValue: string;
  readonly keyHash: string;
}

/** A dead-lettered result for `item`. */
export function failed(
  item: SourceItem,
  key: string | undefined,
  f: { reason: DeadLetterReason; error: string; message: string; retryable: boolean },
): RecordResult {
  return {
    outcome: 'failed',
    deadLetter: {
      record: item.record ?? item.raw,
      key,
      reason: f.reason,
      error: f.error,
      message: f.message,
      retryable: f.retryable,
      row: item.row,
    },
  };
}
