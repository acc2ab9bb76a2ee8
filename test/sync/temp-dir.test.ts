import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
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

  it('are owner-only, named for their process, and sweep those of processes that are gone (a SIGKILLed run)', () => {
    // A pid that has just exited: a child that ran and ended.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(dead).toBeGreaterThan(0);
    const orphan = join(root, `um-sync-${String(dead)}-AbC123`);
    const live = join(root, `um-sync-${String(process.pid)}-XyZ789`);
    const other = join(root, 'um-sync-notapid');
    for (const d of [orphan, live, other]) mkdirSync(join(d, 'inner'), { recursive: true });

    const made = privateTempDir();

    expect(made.startsWith(join(root, `um-sync-${String(process.pid)}-`))).toBe(true);
    expect(statSync(made).mode & 0o777).toBe(0o700);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(live)).toBe(true); // its process runs: never touched
    expect(existsSync(other)).toBe(true); // not a name this code makes
  });
});
