// user-management-sdk/sync (Node only): keep the API's users in step with a source of truth.
// See docs/SYNC.md for the model: keys, base versions, conflict strategies, state, reprocessing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError, type UserManagementClient } from 'user-management-sdk';
import { clientTarget } from './client-target.js';
import { createCodec, isEncryptedLine } from './crypto.js';
import { resolveSyncOptions } from './options.js';
import { rotateDeadLetters } from './outputs.js';
import { runSync } from './run.js';
import type { SourceItem, SyncSource } from './sources.js';
import type { DeadLetter, SyncOptions, SyncReport } from './types.js';

export { SYNC_DEFAULTS } from './options.js';
export { SYNC_KEY_ENV } from './crypto.js';
export { webhookAlert } from './alerts.js';
export { createCircuitEvents, type CircuitEvents } from './circuit.js';
export { SyncStateLockedError } from './lock.js';
export { readSyncStatus, type SyncStatusInfo } from './status.js';
export type { SyncSource } from './sources.js';
export type {
  ConflictResolver,
  ConflictStrategy,
  DeadLetter,
  DeadLetterReason,
  MapFunction,
  SourceRecord,
  SyncAlert,
  SyncAlertKind,
  SyncBase,
  SyncConflict,
  SyncErrorGroup,
  SyncKey,
  SyncOptions,
  SyncOutcome,
  SyncPlanEntry,
  SyncProgress,
  SyncReport,
  SyncRunSummary,
  SyncStatus,
  SyncUnfinishedRun,
  SyncTimelinePoint,
  SyncTotals,
} from './types.js';

/**
 * Syncs the API's users with a source of truth: creates the missing, PATCHes the fields that differ,
 * leaves identical users alone, resolves conflicts by `conflict`, optionally deletes users absent from
 * the source, and resolves to the report. Records that cannot sync are dead-lettered, never thrown.
 *
 * @param client - The SDK client; its `maxConcurrency`, `rateLimit` and retries pace the run.
 * @param source - A `.csv`, `.jsonl`/`.ndjson` or `.json` (array) file path, or any (async) iterable of records.
 * @throws InvalidArgumentError for bad options or an unreadable source file; SyncStateLockedError (an
 *   InvalidArgumentError) when another live run holds the state directory.
 * @example
 * ```ts
 * import { UserManagementClient } from 'user-management-sdk';
 * import { syncUsers } from 'user-management-sdk/sync';
 *
 * const client = new UserManagementClient({ baseUrl, apiKey, maxConcurrency: 8 });
 * const report = await syncUsers(client, 'hr-export.csv', {
 *   key: 'email',
 *   map: (row) => ({ name: `${row.first} ${row.last}`, username: row.login, email: row.mail }),
 *   conflict: 'fail',
 *   stateDir: '.sync-state',
 *   reportDir: 'sync-report',
 * });
 * console.log(report.totals); // { read, created, updated, unchanged, deleted, skipped, failed, conflicts }
 * ```
 */
export function syncUsers(
  client: UserManagementClient,
  source: SyncSource,
  options: SyncOptions = {},
): Promise<SyncReport> {
  return runSync(clientTarget(client), source, options, 'sync');
}

/**
 * Runs exactly the records of a dead-letter file again (after the data or the mapping was fixed),
 * appending a pass to the same report. The file is moved aside first (`dead-letter.<time>.jsonl`) and
 * the records that still fail go to a new `dead-letter.jsonl`.
 *
 * @param deadLetterFile - The `dead-letter.jsonl` of a run; its directory is the report directory.
 * @param options - As for {@link syncUsers}; `reportDir` defaults to the file's directory.
 */
export async function reprocessDeadLetters(
  client: UserManagementClient,
  deadLetterFile: string,
  options: SyncOptions = {},
): Promise<SyncReport> {
  if (!existsSync(deadLetterFile))
    throw new InvalidArgumentError(`No dead-letter file at ${deadLetterFile}.`);
  const resolved = resolveSyncOptions(options);
  const codec = createCodec(resolved.encryptionKey);
  const letters: DeadLetter[] = [];
  for (const line of readFileSync(deadLetterFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const text = !codec.encrypted && isEncryptedLine(line) ? undefined : codec.decode(line);
    if (text === undefined)
      throw new InvalidArgumentError(
        `${deadLetterFile} has a line that does not decrypt: set USER_MGMT_SYNC_KEY to the key it was written with.`,
      );
    try {
      letters.push(JSON.parse(text) as DeadLetter);
    } catch {
      throw new InvalidArgumentError(`${deadLetterFile} has a line that is not JSON: fix or remove it.`);
    }
  }
  const reportDir = options.reportDir ?? dirname(deadLetterFile);
  if (!resolved.dryRun && letters.length > 0) rotateDeadLetters(deadLetterFile, Date.now());
  const items: SourceItem[] = letters.map((l) =>
    typeof l.record === 'string'
      ? { row: l.row, raw: l.record, error: 'the row could not be read' }
      : { row: l.row, record: l.record },
  );
  return runSync(clientTarget(client), { items }, { ...options, reportDir }, 'reprocess');
}
