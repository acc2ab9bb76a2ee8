// Owner-only scratch directories under the system's temp directory, for a state without a directory (no
// --state, a dry run) and for what `sync status` merges while reading. A run killed with SIGKILL cannot
// remove its own, so each name carries its pid and the next run sweeps the ones whose process is gone.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './lock.js';

const PREFIX = 'um-sync-';
/** How long an orphan's directory must have been left unchanged before it is removed. */
const STALE_MS = 60 * 60 * 1000;

/** A new owner-only directory `um-sync-<pid>-XXXXXX` under the system's temp directory. */
export function privateTempDir(): string {
  const root = tmpdir();
  sweepOrphans(root);
  return mkdtempSync(join(root, `${PREFIX}${String(process.pid)}-`));
}

/**
 * Removes `um-sync-<pid>-*` directories of this user whose process no longer runs and which nothing has
 * changed for an hour. A pid that is alive (even if reused by an unrelated process) keeps its directory:
 * leaving a stale one is harmless, removing a live run's is not. The hour covers a temp directory shared
 * across pid namespaces (containers with one /tmp), where another machine's live run has a pid that looks
 * dead here: a running sync renames files in its directory far more often than that.
 */
function sweepOrphans(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const pid = /^um-sync-(\d+)-[^/]+$/.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const path = join(root, name);
    try {
      const st = statSync(path);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      if (Date.now() - st.mtimeMs < STALE_MS) continue;
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already (another run swept it) or not ours to remove: either way, nothing to do.
    }
  }
}
