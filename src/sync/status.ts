// `sync status`: where a state directory stands, read without taking its lock.
import { createCodec } from './crypto.js';
import { SyncState } from './state.js';
import type { SyncRunSummary, SyncUnfinishedRun } from './types.js';

/** What `readSyncStatus` reports about a state directory. */
export interface SyncStatusInfo {
  /** The pid of the process running a sync on it now, if any. */
  readonly runningPid: number | undefined;
  /** The unfinished run (running now, or interrupted and resumable), if any. */
  readonly unfinished: SyncUnfinishedRun | undefined;
  /** The last finished run. */
  readonly lastRun: SyncRunSummary | undefined;
  /** How many keys have a stored base version. */
  readonly keys: number;
}

/**
 * Reads a state directory: the unfinished run (if any) with its totals so far, the last finished run
 * and the number of keys with a base version.
 * @param options - `encryptionKey` when the state is encrypted. @default env `USER_MGMT_SYNC_KEY`
 */
export async function readSyncStatus(
  stateDir: string,
  options: { encryptionKey?: string | undefined } = {},
): Promise<SyncStatusInfo> {
  const state = await SyncState.open(
    stateDir,
    createCodec(options.encryptionKey ?? process.env.USER_MGMT_SYNC_KEY),
    { readOnly: true },
  );
  try {
    const run = state.run;
    return {
      runningPid: SyncState.runningPid(stateDir),
      unfinished:
        run && state.tally
          ? {
              runId: run.id,
              kind: run.kind,
              startedAt: run.startedAt,
              resumes: state.resumes,
              totals: { ...state.tally.totals },
            }
          : undefined,
      lastRun: SyncState.lastRun(stateDir),
      keys: state.bases.size,
    };
  } finally {
    state.close();
  }
}
