// The state directory: an append-only journal plus the base versions in a sorted file on disk.
//
// Why a journal and not an embedded database: every write is one line appended with write(2), which
// survives a SIGKILL at any instant (a torn last line is detected and dropped on load); replay is a
// fold, so a crash between any two steps leaves a state that loads to the same result; it needs no
// native module (better-sqlite3 needs a compiler or a binary download at install, node:sqlite needs
// Node 22), and each line can be encrypted on its own (AES-256-GCM) without re-encrypting the file.
// The base versions (what grows with the number of keys) live in bases.idx, a sorted file with a small
// in-memory part (disk-map.ts), so memory stays flat however large the job; changes are merged into it
// during the run, and replaying the journal over a merged file gives the same result (each line sets
// or deletes a key), so a kill mid-merge or after one loses nothing.
//
// Files (owner-only): salt (HMAC salt of the key and field hashes), bases.idx (key hash → user id +
// field hashes), journal.jsonl (the runs since the last finished one), lock (the running process),
// last-run.json (totals of the last finished run, no personal data), work/ (one run's scan index and
// seen keys; removed when the run ends). bases.jsonl, the snapshot of earlier versions, is read once
// and removed by the next finished run.
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { InvalidArgumentError } from 'user-management-sdk';
import type { LineCodec } from './crypto.js';
import { isEncryptedLine } from './crypto.js';
import type { FieldHashes } from './fields.js';
import { BaseStore, type BaseEntry } from './bases.js';
import { DiskMap } from './disk-map.js';
import { AppendFile, ensurePrivateDir, writePrivateFileAtomic } from './files.js';
import { acquireStateLock, lockHolder } from './lock.js';
import { RowSet } from './row-set.js';
import { privateTempDir } from './temp-dir.js';
import { Tally, type FailureInfo } from './tally.js';
import type { SyncKey, SyncOutcome, SyncRunSummary, SyncStatus, SyncTotals } from './types.js';

/** A run as its first journal line describes it. */
export interface RunInfo {
  readonly id: string;
  readonly kind: 'sync' | 'reprocess';
  readonly key: SyncKey;
  readonly startedAt: string;
  /** Identifies the source (path, size, mtime) so a resume only continues the same input. */
  readonly source: string;
}

type Entry =
  | ({ e: 'run' } & RunInfo)
  | {
      e: 'rec';
      r: number;
      o: SyncOutcome;
      t: number;
      k?: string;
      id?: number;
      h?: FieldHashes;
      s?: FieldHashes;
      f?: FailureInfo;
      c?: 1;
    }
  | { e: 'resume'; t: number }
  | { e: 'end'; t: number; status: SyncStatus };

/** One finished record, as the engine reports it to the state. */
export interface RecordEntry {
  readonly row: number;
  readonly outcome: SyncOutcome;
  readonly keyHash?: string | undefined;
  readonly id?: number | undefined;
  /** New base hashes (omit to keep the base as it is). */
  readonly hashes?: FieldHashes | undefined;
  /** The source's hashes, when they differ from `hashes`. */
  readonly sourceHashes?: FieldHashes | undefined;
  readonly failure?: FailureInfo | undefined;
  readonly conflict?: boolean | undefined;
}

/** Set and has, for the keys a run has seen (duplicate detection). */
export interface KeySet {
  has(key: string): boolean;
  add(key: string): void;
}

export class SyncState {
  readonly bases: BaseStore;
  /** Rows of the unfinished run that are done. */
  readonly doneRows = new RowSet();
  run: RunInfo | undefined;
  tally: Tally | undefined;
  resumes = 0;
  #journal: AppendFile | undefined;
  #unlock: (() => void) | undefined;

  readonly dir: string;
  readonly salt: Buffer;
  readonly codec: LineCodec;

  /** Where one run's files go (scan index, seen keys): removed on close. */
  readonly #workDir: string;
  readonly #maps: DiskMap[] = [];

  private constructor(dir: string, salt: Buffer, codec: LineCodec, workDir: string, readOnly: boolean) {
    this.dir = dir;
    this.salt = salt;
    this.codec = codec;
    this.#workDir = workDir;
    const basesPath = join(dir === '' ? workDir : dir, 'bases.idx');
    // A read-only state (sync status, a dry run) merges into its work directory, never into the state.
    const bases = new DiskMap(basesPath, readOnly ? { writePath: join(workDir, 'bases.idx') } : {});
    this.#maps.push(bases);
    this.bases = new BaseStore(bases, codec);
  }

  /** A state without a directory (no stateDir, or a dry run on a new one): its files live in a temp dir. */
  static memory(codec: LineCodec): SyncState {
    return new SyncState('', randomBytes(32), codec, privateTempDir(), false);
  }

  /** Opens (creating) a state directory, takes its lock and replays it. */
  static async open(dir: string, codec: LineCodec, options: { readOnly?: boolean } = {}): Promise<SyncState> {
    if (!options.readOnly) ensurePrivateDir(dir);
    else if (!existsSync(dir)) throw new InvalidArgumentError(`No sync state in ${dir}.`);
    // The lock comes first: two runs creating a new state directory must not both write its salt.
    const unlock = options.readOnly ? undefined : acquireStateLock(dir);
    let state: SyncState | undefined;
    try {
      const saltPath = join(dir, 'salt');
      if (!existsSync(saltPath)) {
        if (options.readOnly) throw new InvalidArgumentError(`No sync state in ${dir}.`);
        writePrivateFileAtomic(saltPath, randomBytes(32).toString('base64'));
      }
      let workDir: string;
      if (options.readOnly) workDir = privateTempDir();
      else {
        workDir = join(dir, 'work');
        rmSync(workDir, { recursive: true, force: true }); // a killed run's
        ensurePrivateDir(workDir);
      }
      state = new SyncState(
        dir,
        Buffer.from(readFileSync(saltPath, 'utf8'), 'base64'),
        codec,
        workDir,
        options.readOnly === true,
      );
      state.#unlock = unlock;
      if (!codec.encrypted && state.bases.isEncrypted()) throw encryptedState(dir);
      await state.#replay(join(dir, 'bases.jsonl'), true);
      await state.#replay(join(dir, 'journal.jsonl'), false);
      if (!options.readOnly) state.#openJournal();
    } catch (err) {
      if (state) state.close();
      else unlock?.();
      throw err;
    }
    return state;
  }

  /** A map that lives for this run only, in the work directory. */
  tempMap(name: string): DiskMap {
    const map = new DiskMap(join(this.#workDir, `${name}.idx`));
    map.destroy(); // nothing left from an earlier run of this process
    this.#maps.push(map);
    return map;
  }

  /** The keys a run has seen, on disk (blinded like the bases). */
  seenKeys(): KeySet {
    const map = this.tempMap('seen');
    return {
      has: (key) => map.has(this.codec.blind(key)),
      add: (key) => {
        map.set(this.codec.blind(key), '1');
      },
    };
  }

  /** Whether another live process holds the lock (for `sync status`). */
  static runningPid(dir: string): number | undefined {
    return lockHolder(dir);
  }

  static lastRun(dir: string): SyncRunSummary | undefined {
    const path = join(dir, 'last-run.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SyncRunSummary) : undefined;
  }

  /** Starts a run, or resumes the unfinished one when it read the same source. */
  begin(kind: 'sync' | 'reprocess', key: SyncKey, source: string, now: number): RunInfo {
    if (this.run && this.run.kind === kind && this.run.key === key && this.run.source === source) {
      this.resumes++;
      this.#write({ e: 'resume', t: now });
      return this.run;
    }
    const run: RunInfo = { id: randomUUID(), kind, key, startedAt: new Date(now).toISOString(), source };
    this.run = run;
    this.doneRows.clear();
    this.resumes = 0;
    this.tally = new Tally(now);
    this.#write({ e: 'run', ...run });
    return run;
  }

  /** Journals one finished record (and its new base). */
  record(entry: RecordEntry, now: number): void {
    const line: Entry = { e: 'rec', r: entry.row, o: entry.outcome, t: now };
    if (entry.keyHash !== undefined) line.k = entry.keyHash;
    if (entry.id !== undefined) line.id = entry.id;
    if (entry.hashes !== undefined) line.h = entry.hashes;
    if (entry.sourceHashes !== undefined) line.s = entry.sourceHashes;
    if (entry.failure !== undefined) line.f = entry.failure;
    if (entry.conflict) line.c = 1;
    this.#write(line);
    this.#apply(line);
  }

  /** Ends the run: journals the end, rewrites the snapshot, starts an empty journal. */
  finish(status: SyncStatus, now: number, totals: SyncTotals): void {
    const run = this.run;
    this.#write({ e: 'end', t: now, status });
    if (this.dir === '' || !this.#journal) {
      this.run = undefined;
      return;
    }
    this.#journal.close();
    this.#journal = undefined;
    // The bases first: until the journal is emptied, a crash replays it onto whichever file is there.
    this.bases.flush();
    const legacy = join(this.dir, 'bases.jsonl');
    if (existsSync(legacy)) unlinkSync(legacy);
    writePrivateFileAtomic(join(this.dir, 'journal.jsonl'), '');
    if (run) {
      const last: SyncRunSummary = {
        runId: run.id,
        kind: run.kind,
        status,
        startedAt: run.startedAt,
        finishedAt: new Date(now).toISOString(),
        totals,
      };
      writePrivateFileAtomic(join(this.dir, 'last-run.json'), `${JSON.stringify(last, null, 2)}\n`);
    }
    this.run = undefined;
    this.#openJournal();
  }

  close(): void {
    this.#journal?.close();
    this.#journal = undefined;
    for (const map of this.#maps.splice(0)) map.close();
    rmSync(this.#workDir, { recursive: true, force: true });
    this.#unlock?.();
    this.#unlock = undefined;
  }

  #openJournal(): void {
    const path = join(this.dir, 'journal.jsonl');
    // A SIGKILL mid-write can leave a last line without its newline; start on a fresh line.
    if (existsSync(path) && statSync(path).size > 0) {
      const text = readFileSync(path);
      this.#journal = new AppendFile(path);
      if (text[text.length - 1] !== 0x0a) this.#journal.append('');
    } else this.#journal = new AppendFile(path);
  }

  #write(entry: Entry): void {
    this.#journal?.append(this.codec.encode(JSON.stringify(entry)));
  }

  #apply(entry: Entry): void {
    switch (entry.e) {
      case 'run':
        this.run = {
          id: entry.id,
          kind: entry.kind,
          key: entry.key,
          startedAt: entry.startedAt,
          source: entry.source,
        };
        this.doneRows.clear();
        this.resumes = 0;
        this.tally = new Tally(Date.parse(entry.startedAt));
        return;
      case 'resume':
        this.resumes++;
        return;
      case 'end':
        this.run = undefined;
        this.doneRows.clear();
        return;
      case 'rec':
        if (this.run) this.doneRows.add(entry.r);
        this.tally?.add(entry.o, entry.t, entry.f, entry.c === 1);
        if (entry.k === undefined) return;
        if (entry.o === 'deleted') this.bases.delete(entry.k);
        else if (entry.h !== undefined && entry.id !== undefined)
          this.bases.set(entry.k, {
            id: entry.id,
            h: entry.h,
            ...(entry.s ? { s: entry.s } : {}),
            at: new Date(entry.t).toISOString(),
          });
    }
  }

  async #replay(path: string, snapshot: boolean): Promise<void> {
    if (!existsSync(path)) return;
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const raw of lines) {
      if (raw === '') continue;
      if (!this.codec.encrypted && isEncryptedLine(raw)) throw encryptedState(this.dir);
      const text = this.codec.decode(raw);
      if (text === undefined) continue; // a torn last line, or a line under another key
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue; // a torn last line
      }
      if (snapshot) {
        const b = parsed as { k: string } & BaseEntry;
        this.bases.set(b.k, { id: b.id, h: b.h, ...(b.s ? { s: b.s } : {}), at: b.at });
      } else this.#apply(parsed as Entry);
    }
  }
}

function encryptedState(dir: string): InvalidArgumentError {
  return new InvalidArgumentError(`The sync state in ${dir} is encrypted: set USER_MGMT_SYNC_KEY.`);
}
