// The state directory's lock: one run at a time per state directory, taken atomically.
//
// The lock file holds `<pid>\n<token>`. It is written to a temp file first and then hard-linked to
// `lock`: link(2) fails with EEXIST when `lock` exists, so of two runs racing for it exactly one wins,
// and the file is never seen half-written (an empty lock would look stale). A lock whose pid is no
// longer alive (a run killed with SIGKILL) is stale: it is renamed aside (only one of several racing
// runs can rename it), checked to be the same stale lock, deleted, and the link is tried again.
// Hand-written because the well-kept lock packages (proper-lockfile) decide staleness by mtime, which
// needs a heartbeat timer during the run; the pid says it exactly for a local directory.
import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from 'user-management-sdk';

/** Another run (this process or another, still alive) holds the state directory's lock. */
export class SyncStateLockedError extends InvalidArgumentError {
  /** Always `'SyncStateLockedError'`. */
  override readonly name: string = 'SyncStateLockedError';
  /** The state directory. */
  readonly stateDir: string;
  /** The pid of the process holding the lock. */
  readonly pid: number;
  constructor(stateDir: string, pid: number) {
    super(
      `Another sync (pid ${String(pid)}) is using the state in ${stateDir}; wait for it to finish, or stop it.`,
    );
    this.stateDir = stateDir;
    this.pid = pid;
  }
}

const LOCK = 'lock';
/** Stale locks taken over before giving up (each takeover is a dead run's lock; more means a fight). */
const MAX_TAKEOVERS = 5;

/** Takes the lock of `dir` (which exists); returns its release. Throws SyncStateLockedError. */
export function acquireStateLock(dir: string): () => void {
  const path = join(dir, LOCK);
  const token = randomUUID();
  const content = `${String(process.pid)}\n${token}\n`;
  const tmp = join(dir, `.lock.${token}.tmp`);
  writeFileSync(tmp, content, { mode: 0o600 });
  try {
    for (let takeovers = 0; ; takeovers++) {
      try {
        linkSync(tmp, path);
        return () => {
          release(path, token);
        };
      } catch (err) {
        if (codeOf(err) !== 'EEXIST') throw err;
      }
      const holder = readLock(path);
      if (holder === undefined) continue; // released (or taken over) between our link and our read
      if (isAlive(holder.pid) || takeovers >= MAX_TAKEOVERS) throw new SyncStateLockedError(dir, holder.pid);
      takeStale(path, dir, holder.token);
    }
  } finally {
    unlinkSync(tmp);
  }
}

/** The pid holding the lock of `dir`, when that process is alive. */
export function lockHolder(dir: string): number | undefined {
  const holder = readLock(join(dir, LOCK));
  return holder !== undefined && isAlive(holder.pid) ? holder.pid : undefined;
}

/** Removes a dead run's lock, unless another run replaced it meanwhile (then it is put back). */
function takeStale(path: string, dir: string, staleToken: string): void {
  const aside = join(dir, `.lock.stale.${randomUUID()}`);
  try {
    renameSync(path, aside);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return; // another run took it over first
    throw err;
  }
  if (readLock(aside)?.token !== staleToken) {
    // A live run's fresh lock: restore it (link fails only if yet another run linked a lock meanwhile).
    try {
      linkSync(aside, path);
    } catch {
      // That run holds the lock now; ours will fail on it.
    }
  }
  unlinkSync(aside);
}

function release(path: string, token: string): void {
  try {
    if (readLock(path)?.token === token) unlinkSync(path);
  } catch {
    // The directory went away; nothing to release.
  }
}

function readLock(path: string): { pid: number; token: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return undefined;
    throw err;
  }
  const [pidText = '', token = ''] = text.split('\n');
  const pid = Number.parseInt(pidText, 10);
  // An unreadable lock (an older version wrote an empty one on release) belongs to no live process.
  return { pid: Number.isInteger(pid) && pid > 0 ? pid : 0, token };
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
export function isAlive(pid: number): boolean {
  if (pid === 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return codeOf(err) === 'EPERM';
  }
}

function codeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}
