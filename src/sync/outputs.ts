// The run's outputs in the report directory: dead-letter.jsonl and conflicts.jsonl (one JSON object
// per line, encrypted per line when a key is set), then report.json and report.html at the end.
import { createReadStream, existsSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isEncryptedLine, type LineCodec } from './crypto.js';
import { AppendFile, ensurePrivateDir, writePrivateFileAtomic } from './files.js';
import { renderHtmlReport } from './report-html.js';
import type { DeadLetter, SyncConflict, SyncReport } from './types.js';

/** At most this many conflicts are kept for the report (the totals count them all). */
export const MAX_REPORTED_CONFLICTS = 1_000;

export interface Outputs {
  readonly deadLetterFile: string | undefined;
  deadLetter(line: DeadLetter): void;
  /** Records a conflict of source row `row` (kept in the file so a resume can drop unjournaled lines). */
  conflict(conflict: SyncConflict, row: number): void;
  /** The conflicts of this run (those before a resume too), up to MAX_REPORTED_CONFLICTS. */
  conflicts(): SyncConflict[];
  /** Writes report.json (appending a reprocess pass to the run's report) and report.html. */
  writeReport(report: SyncReport): void;
  close(): void;
}

/** Outputs kept in memory only (no report directory, or a dry run). */
export function memoryOutputs(): Outputs & { readonly deadLetters: DeadLetter[] } {
  const deadLetters: DeadLetter[] = [];
  const conflicts: SyncConflict[] = [];
  return {
    deadLetterFile: undefined,
    deadLetters,
    deadLetter: (line) => deadLetters.push(line),
    conflict: (c) => {
      if (conflicts.length < MAX_REPORTED_CONFLICTS) conflicts.push(c);
    },
    conflicts: () => conflicts,
    writeReport: () => undefined,
    close: () => undefined,
  };
}

/**
 * Files in `dir`. A fresh run starts new files; a resumed run appends; a reprocess pass moves the
 * dead-letter file it reads aside first (the caller does that with `rotateDeadLetters`).
 */
export function fileOutputs(dir: string, codec: LineCodec, fresh: boolean): Outputs {
  ensurePrivateDir(dir);
  const deadLetterFile = join(dir, 'dead-letter.jsonl');
  const conflictFile = join(dir, 'conflicts.jsonl');
  if (fresh) for (const f of [deadLetterFile, conflictFile]) writePrivateFileAtomic(f, '');
  const deadLetters = new AppendFile(deadLetterFile);
  const conflicts = new AppendFile(conflictFile);
  return {
    deadLetterFile,
    deadLetter: (line) => {
      deadLetters.append(codec.encode(JSON.stringify(line)));
    },
    conflict: (c, row) => {
      conflicts.append(codec.encode(JSON.stringify({ ...c, row })));
    },
    conflicts() {
      const out: SyncConflict[] = [];
      for (const line of readFileSync(conflictFile, 'utf8').split('\n')) {
        const text = line && (codec.encrypted || !isEncryptedLine(line)) ? codec.decode(line) : undefined;
        if (text === undefined) continue;
        try {
          const conflict = JSON.parse(text) as SyncConflict & { row?: number };
          delete conflict.row; // kept in the file for resumes only
          out.push(conflict);
        } catch {
          continue; // a torn last line
        }
        if (out.length >= MAX_REPORTED_CONFLICTS) break;
      }
      return out;
    },
    writeReport(report) {
      const jsonPath = join(dir, 'report.json');
      let doc: SyncReport & { reprocess?: SyncReport[] } = report;
      if (report.kind === 'reprocess' && existsSync(jsonPath)) {
        const previous = JSON.parse(readFileSync(jsonPath, 'utf8')) as SyncReport & {
          reprocess?: SyncReport[];
        };
        doc = { ...previous, reprocess: [...(previous.reprocess ?? []), report] };
      }
      writePrivateFileAtomic(jsonPath, `${JSON.stringify(doc, null, 2)}\n`);
      writePrivateFileAtomic(join(dir, 'report.html'), renderHtmlReport(doc));
    },
    close() {
      deadLetters.close();
      conflicts.close();
    },
  };
}

/** Moves `dead-letter.jsonl` aside before a reprocess pass reads it; returns the new path. */
export function rotateDeadLetters(file: string, now: number): string {
  const moved = file.replace(/\.jsonl$/, '') + `.${new Date(now).toISOString().replace(/[:.]/g, '-')}.jsonl`;
  renameSync(file, moved);
  return moved;
}

/**
 * Before a resumed run appends to its dead-letter and conflict files, drops the lines of records the
 * journal does not have: a run killed after writing such a line but before journaling its record does
 * that record again on resume, which writes the line again (or, if it now succeeds, none). Streams the
 * file (the failures may be many) and replaces it atomically.
 */
export async function dropUnjournaled(
  dir: string,
  codec: LineCodec,
  isDone: (row: number) => boolean,
): Promise<void> {
  for (const name of ['dead-letter.jsonl', 'conflicts.jsonl']) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const tmp = `${path}.${String(process.pid)}.tmp`;
    const out = new AppendFile(tmp);
    let dropped = 0;
    try {
      const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        const text = codec.encrypted || !isEncryptedLine(line) ? codec.decode(line) : undefined;
        let row: unknown;
        try {
          row = text === undefined ? undefined : (JSON.parse(text) as { row?: unknown }).row;
        } catch {
          row = undefined; // a torn last line
        }
        if (typeof row === 'number' && isDone(row)) out.append(line);
        else dropped++;
      }
    } finally {
      out.close();
    }
    if (dropped > 0) renameSync(tmp, path);
    else unlinkSync(tmp);
  }
}
