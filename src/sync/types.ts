// The public types of user-management-sdk/sync: options, outcomes, the report and alerts.
import type { NewUser, OpenTelemetryApi, User, UserPatch } from 'user-management-sdk';
import type { CircuitEvents } from './circuit.js';

/** The field that identifies a user in both the source and the API. */
export type SyncKey = 'email' | 'username';

/** One record as the source holds it: a CSV row (column → text), a JSON object. */
export type SourceRecord = Readonly<Record<string, unknown>>;

/**
 * Turns a source record into the API's user shape (`NewUser`, or `UserPatch` for fields to update),
 * or `undefined` to skip the record. The result is validated against the spec's schema before sending.
 */
export type MapFunction = (
  record: SourceRecord,
) => NewUser | UserPatch | undefined | Promise<NewUser | UserPatch | undefined>;

/**
 * What the sync knows about a user from its last successful sync (the base of a three-way comparison).
 * Only hashes are stored, so it says which fields changed on each side, not their old values.
 */
export interface SyncBase {
  /** The user's id in the API. */
  readonly id: number;
  /** When this key was last synced (ISO 8601). */
  readonly syncedAt: string;
  /** Fields whose source value differs from the base. */
  readonly changedInSource: readonly string[];
  /** Fields whose value in the API differs from the base (someone else changed them). */
  readonly changedInTarget: readonly string[];
}

/**
 * Resolves a conflict (the user changed in the API since the last sync, and in the source too):
 * return the fields to PATCH, or `undefined` to leave the user as it is.
 */
export type ConflictResolver = (
  source: UserPatch,
  target: User,
  base: SyncBase,
) => UserPatch | undefined | Promise<UserPatch | undefined>;

/**
 * How a conflict is resolved: the source's values win, the API's values stay, the record fails
 * (dead-lettered with reason `conflict`), or a function decides.
 */
export type ConflictStrategy = 'source-wins' | 'target-wins' | 'fail' | ConflictResolver;

/** What happened to one source record (or, for `deleted`, one user absent from the source). */
export type SyncOutcome = 'created' | 'updated' | 'unchanged' | 'deleted' | 'skipped' | 'failed';

/** Why a record was dead-lettered. */
export type DeadLetterReason =
  | 'invalid-row'
  | 'invalid-record'
  | 'missing-key'
  | 'duplicate-key'
  | 'map-error'
  | 'rejected'
  | 'conflict'
  | 'server-error'
  | 'timeout'
  | 'connection'
  | 'circuit-open'
  | 'rate-limited';

/** One line of `dead-letter.jsonl`: a record that did not sync, and why. */
export interface DeadLetter {
  /** The source record as read (before `map`), so `sync reprocess` can run it again. */
  readonly record: SourceRecord | string;
  /** The record's key value, when it had one. */
  readonly key: string | undefined;
  /** Why it failed. */
  readonly reason: DeadLetterReason;
  /** The error class (an SDK error name such as `UnprocessableEntityError`, or `ValidationError`). */
  readonly error: string;
  /** A one-line description of the failure. */
  readonly message: string;
  /** Whether running it again unchanged could succeed (a 503 could; a 422 could not). */
  readonly retryable: boolean;
  /** The record's position in the source, from 0. */
  readonly row: number;
}

/** Why an alert fired. */
export type SyncAlertKind = 'run-failed' | 'failure-threshold' | 'breaker-open';

/** An alert: sent to `onAlert` and, from the CLI, POSTed as JSON to `--alert-webhook`. */
export interface SyncAlert {
  /** What happened. */
  readonly kind: SyncAlertKind;
  /** One line for a person. */
  readonly message: string;
  /** The run's id. */
  readonly runId: string;
  /** The totals when the alert fired. */
  readonly totals: SyncTotals;
  /** When it fired (ISO 8601). */
  readonly at: string;
}

/** Counts per outcome. */
export interface SyncTotals {
  /** Records read from the source (rows, lines or items). */
  read: number;
  /** Users created. */
  created: number;
  /** Users updated (only the differing fields were sent). */
  updated: number;
  /** Users already equal to the source. */
  unchanged: number;
  /** Users deleted (`deleteMissing`). */
  deleted: number;
  /** Records `map` returned `undefined` for. */
  skipped: number;
  /** Records dead-lettered. */
  failed: number;
  /** Conflicts detected (whatever the strategy did with them). */
  conflicts: number;
}

/** A conflict, with both sides, as the report lists it. */
export interface SyncConflict {
  /** The key value. */
  readonly key: string;
  /** The user's id. */
  readonly id: number;
  /** What the strategy did. */
  readonly resolution: 'source-wins' | 'target-wins' | 'fail' | 'custom';
  /** The mapped source record. */
  readonly source: UserPatch;
  /** The user as the API held it. */
  readonly target: User;
  /** Fields changed in the source since the base. */
  readonly changedInSource: readonly string[];
  /** Fields changed in the API since the base. */
  readonly changedInTarget: readonly string[];
}

/** A planned change (dry run), or one made. */
export interface SyncPlanEntry {
  /** What would be done. */
  readonly action: 'create' | 'update' | 'delete' | 'conflict';
  /** The key value. */
  readonly key: string;
  /** The user's id, for updates, deletes and conflicts. */
  readonly id?: number;
  /** The fields that would be sent (update, conflict) or that differ. */
  readonly fields?: readonly string[];
}

/** Records done per second of the run, for the timeline chart. */
export interface SyncTimelinePoint {
  /** Seconds since the start of the run. */
  readonly second: number;
  /** Records that synced (created, updated, unchanged, deleted, skipped) in that second. */
  readonly ok: number;
  /** Records dead-lettered in that second. */
  readonly failed: number;
}

/** Failures grouped by reason and error class. */
export interface SyncErrorGroup {
  /** Why. */
  readonly reason: DeadLetterReason;
  /** The error class. */
  readonly error: string;
  /** How many records. */
  readonly count: number;
  /** Whether a retry could help. */
  readonly retryable: boolean;
  /** One example message. */
  readonly example: string;
}

/** Where a run ended. */
export type SyncStatus = 'completed' | 'failed' | 'aborted';

/** The result of a run (`syncUsers`) or a reprocessing pass; also written as `report.json`. */
export interface SyncReport {
  /** The run's id (kept across resumes). */
  readonly runId: string;
  /** `sync` for a run, `reprocess` for a pass over a dead-letter file. */
  readonly kind: 'sync' | 'reprocess';
  /** How the run ended. `failed`: it could not go on (for example the source became unreadable). */
  readonly status: SyncStatus;
  /** Why it failed, when it did. */
  readonly error?: string;
  /** Whether this was a dry run (nothing written). */
  readonly dryRun: boolean;
  /** The key field. */
  readonly key: SyncKey;
  /** How users were found: one filtered request per record, or one paged scan. */
  readonly matching: 'filter' | 'scan';
  /** When the run started (ISO 8601; the first start when resumed). */
  readonly startedAt: string;
  /** When it ended (ISO 8601). */
  readonly finishedAt: string;
  /** How many times the run was resumed after an interruption. */
  readonly resumes: number;
  /** Counts per outcome. */
  readonly totals: SyncTotals;
  /** Records per second, for the chart. */
  readonly timeline: readonly SyncTimelinePoint[];
  /** Failures grouped by reason. */
  readonly errors: readonly SyncErrorGroup[];
  /** Conflicts with both sides (at most 1,000; the totals count them all). */
  readonly conflicts: readonly SyncConflict[];
  /** The planned changes of a dry run (at most 10,000; the totals count them all). */
  readonly plan: readonly SyncPlanEntry[];
  /** Deletes refused because they passed `deleteThreshold` without `force`. */
  readonly deletesRefused?: number;
  /** The dead-letter file, when a report directory was given. */
  readonly deadLetterFile?: string;
}

/** Progress, reported after each record. */
export interface SyncProgress {
  /** Records finished so far (including those done before a resume). */
  readonly done: number;
  /** Records in the source, when known (files are counted first). */
  readonly total: number | undefined;
  /** The totals so far. */
  readonly totals: Readonly<SyncTotals>;
}

/** Options of {@link syncUsers}. */
export interface SyncOptions {
  /** The field that matches source records to users. @default 'email' */
  key?: SyncKey | undefined;
  /** Turns each source record into the API's shape. @default pick the NewUser fields, `a.b` columns nested */
  map?: MapFunction | undefined;
  /** What to do when a user changed on both sides since the last sync. @default 'fail' */
  conflict?: ConflictStrategy | undefined;
  /** Delete users that are not in the source. @default false */
  deleteMissing?: boolean | undefined;
  /** Largest share of the API's users `deleteMissing` may delete without `force`. @default 0.1 */
  deleteThreshold?: number | undefined;
  /** Delete past `deleteThreshold`. @default false */
  force?: boolean | undefined;
  /** Plan only: read everything, write nothing (no API writes, no state, no report files). @default false */
  dryRun?: boolean | undefined;
  /** The state directory (progress, base versions); without it nothing is resumable. @default none */
  stateDir?: string | undefined;
  /** Where `report.json`, `report.html` and `dead-letter.jsonl` go. @default none (the report is only returned) */
  reportDir?: string | undefined;
  /** Records in flight at once; set it to the client's `maxConcurrency`. @default 8 */
  concurrency?: number | undefined;
  /** Called when the run fails, the failure share passes `alertFailureShare`, or the breaker opens. */
  onAlert?: ((alert: SyncAlert) => void | Promise<void>) | undefined;
  /**
   * The client's circuit-breaker events (from {@link createCircuitEvents}, passed to the client as its
   * `onCircuitStateChange`): the `breaker-open` alert then fires when the client's breaker opens. Without
   * them it fires on the first record that fails with `CircuitOpenError`. @default none
   */
  circuitEvents?: CircuitEvents | undefined;
  /** Failure share (failed / read, after at least 20 records) that raises a `failure-threshold` alert. @default 0.05 */
  alertFailureShare?: number | undefined;
  /** Called after each record. */
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  /** Stops the run: in-flight records finish, the state is saved, the report says `aborted`. */
  signal?: AbortSignal | undefined;
  /** OpenTelemetry: the `@opentelemetry/api` module, or `false`. @default `@opentelemetry/api` when installed */
  telemetry?: OpenTelemetryApi | false | undefined;
  /** Key for AES-256-GCM encryption of the state and dead-letter files (32 bytes, base64 or hex). @default env `USER_MGMT_SYNC_KEY` */
  encryptionKey?: string | undefined;
  /** Number of records in the source, when known (for progress and the matching choice). */
  expectedTotal?: number | undefined;
}

/** A finished run, as `sync status` shows it (no personal data). */
export interface SyncRunSummary {
  /** The run's id. */
  readonly runId: string;
  /** A sync run or a reprocessing pass. */
  readonly kind: 'sync' | 'reprocess';
  /** How it ended. */
  readonly status: SyncStatus;
  /** When it started (ISO 8601). */
  readonly startedAt: string;
  /** When it ended (ISO 8601). */
  readonly finishedAt: string;
  /** Its counts per outcome. */
  readonly totals: SyncTotals;
}

/** A run that has not finished: running now, or interrupted and resumable. */
export interface SyncUnfinishedRun {
  /** The run's id. */
  readonly runId: string;
  /** A sync run or a reprocessing pass. */
  readonly kind: 'sync' | 'reprocess';
  /** When it started (ISO 8601). */
  readonly startedAt: string;
  /** How many times it was resumed. */
  readonly resumes: number;
  /** Its counts so far. */
  readonly totals: SyncTotals;
}
