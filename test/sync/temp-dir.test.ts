import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privateTempDir } from '../../src/sync/temp-dir.js';

describe('sync scratch directories', () => {
  let root: string;
  let saved: string | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'um-temp-root-'));
    saved = process.env.TMPDIR;
    process.env.TMPDIR = root; // os.tmpdir() reads it on every call
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('are owner-only, named for their process, and sweep those of processes that are gone (a SIGKILLed run), left unchanged for an hour', () => {
    // A pid that has just exited: a child that ran and ended.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(dead).toBeGreaterThan(0);
    const orphan = join(root, `um-sync-${String(dead)}-AbC123`);
    const live = join(root, `um-sync-${String(process.pid)}-XyZ789`);
    const other = join(root, 'um-sync-notapid');
    // Dead but touched a minute ago: maybe a live run in another pid namespace sharing this temp directory.
    const recent = join(root, `um-sync-${String(dead)}-Rcnt42`);
    for (const d of [orphan, live, other, recent]) mkdirSync(join(d, 'inner'), { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const aMinuteAgo = new Date(Date.now() - 60 * 1000);
    for (const d of [orphan, live, other]) utimesSync(d, twoHoursAgo, twoHoursAgo);
    utimesSync(recent, aMinuteAgo, aMinuteAgo);

    const made = privateTempDir();

    expect(made.startsWith(join(root, `um-sync-${String(process.pid)}-`))).toBe(true);
    expect(statSync(made).mode & 0o777).toBe(0o700);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(live)).toBe(true); // its process runs: never touched
    expect(existsSync(other)).toBe(true); // not a name this code makes
    expect(existsSync(recent)).toBe(true); // changed within the hour
  });
});
