// A string → string map that keeps its memory flat: the bulk lives in one file of `key\tvalue` lines
// sorted by key, and memory holds only the changes since the last merge (at most `maxChanges`) and a
// sparse index (the first key and offset of every ~16 KB block). A lookup reads one block with
// pread(2); when the changes fill up they are merged into a new sorted file in one sequential pass,
// written aside and renamed over the old one.
//
// Why hand-written rather than an embedded database: the one Node 20 choice that fits
// (better-sqlite3 12) is a native module that downloads or compiles a binary at install, for every user
// of the SDK, to serve one Node-only subpath; node:sqlite needs Node 22; the pure-JS stores (lowdb,
// nedb, sql.js) hold everything in memory, which is what this replaces. The sync needs only get, set,
// delete and an ordered walk over keys it hashes itself, and a sorted file with a sparse index does
// that in ~200 lines. Durability is not its job: the journal is (a merge that a SIGKILL interrupts
// leaves the old file; the journal replays onto either).
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';

/** Changes kept in memory before a merge: ~8,192 × ~250 bytes, about 2 MB, whatever the job's size. */
const MAX_CHANGES = 8_192;
/** Bytes per block of the sparse index: a lookup reads one block. */
const BLOCK_BYTES = 16 * 1024;
/** Read size of a sequential pass. */
const CHUNK_BYTES = 256 * 1024;

interface Block {
  readonly key: string;
  readonly offset: number;
}

export interface DiskMapOptions {
  /** Changes held in memory before they are merged into the file. @default 8192 */
  readonly maxChanges?: number;
  /**
   * Where merges write, when it is not `path`: the map then reads `path` but never changes it (a
   * read-only state, a dry run). @default path
   */
  readonly writePath?: string;
}

export class DiskMap {
  #path: string;
  readonly #writePath: string;
  readonly #maxChanges: number;
  /** Changes since the last merge; `undefined` is a deletion. */
  #changes = new Map<string, string | undefined>();
  #blocks: Block[] = [];
  #fileSize = 0;
  #size = 0;
  #fd: number | undefined;
  #block = Buffer.alloc(0);

  /** Opens the map stored at `path` (an absent file is an empty map). */
  constructor(path: string, options: DiskMapOptions = {}) {
    this.#path = path;
    this.#writePath = options.writePath ?? path;
    this.#maxChanges = options.maxChanges ?? MAX_CHANGES;
    if (existsSync(path)) {
      this.#fd = openSync(path, 'r');
      this.#index();
    }
  }

  /** The number of keys. */
  get size(): number {
    return this.#size;
  }

  get(key: string): string | undefined {
    if (this.#changes.has(key)) return this.#changes.get(key);
    return this.#fromFile(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: string): void {
    checkText(key, 'key');
    checkText(value, 'value');
    if (!this.has(key)) this.#size++;
    this.#change(key, value);
  }

  delete(key: string): void {
    if (!this.has(key)) return;
    this.#size--;
    this.#change(key, undefined);
  }

  /** Every entry in key order (the changes merged in). Do not change the map while walking it. */
  *entries(): Generator<[string, string]> {
    const changes = [...this.#changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let c = 0;
    // Yields the changes before `key` (all of them when undefined); deletions yield nothing.
    function* changesBefore(key: string | undefined): Generator<[string, string]> {
      for (let change = changes[c]; change && (key === undefined || change[0] < key); change = changes[++c])
        if (change[1] !== undefined) yield [change[0], change[1]];
    }
    for (const [key, value] of this.#fileEntries()) {
      yield* changesBefore(key);
      const change = changes[c];
      if (change?.[0] !== key) yield [key, value];
      else {
        c++;
        if (change[1] !== undefined) yield [key, change[1]];
      }
    }
    yield* changesBefore(undefined);
  }

  /** The first entry in key order, if any. */
  first(): [string, string] | undefined {
    const walk = this.entries();
    try {
      const next = walk.next();
      return next.done ? undefined : next.value;
    } finally {
      walk.return(undefined);
    }
  }

  /** Merges the changes into the file (at `writePath`). */
  flush(): void {
    if (this.#changes.size === 0 && this.#path === this.#writePath) return;
    const tmp = `${this.#writePath}.merge`;
    const fd = openSync(tmp, 'w', 0o600);
    const blocks: Block[] = [];
    let offset = 0;
    let blockStart = -BLOCK_BYTES;
    let pending: string[] = [];
    let pendingBytes = 0;
    const write = (): void => {
      if (pending.length === 0) return;
      writeSync(fd, pending.join(''));
      pending = [];
      pendingBytes = 0;
    };
    try {
      for (const [key, value] of this.entries()) {
        const line = `${key}\t${value}\n`;
        if (offset - blockStart >= BLOCK_BYTES) {
          blocks.push({ key, offset });
          blockStart = offset;
        }
        pending.push(line);
        const bytes = Buffer.byteLength(line);
        offset += bytes;
        pendingBytes += bytes;
        if (pendingBytes >= CHUNK_BYTES) write();
      }
      write();
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#closeFile();
    renameSync(tmp, this.#writePath);
    this.#path = this.#writePath;
    this.#blocks = blocks;
    this.#fileSize = offset;
    this.#changes = new Map();
  }

  /** Closes the file (the map can be used again: it reopens it). */
  close(): void {
    this.#closeFile();
  }

  /** Closes the map and deletes what it wrote (a map that only lived for one run). */
  destroy(): void {
    this.#closeFile();
    for (const p of [this.#writePath, `${this.#writePath}.merge`]) if (existsSync(p)) unlinkSync(p);
    this.#changes = new Map();
    this.#blocks = [];
    this.#fileSize = 0;
    this.#size = 0;
  }

  #change(key: string, value: string | undefined): void {
    this.#changes.set(key, value);
    if (this.#changes.size >= this.#maxChanges) this.flush();
  }

  #file(): number {
    this.#fd ??= openSync(this.#path, 'r');
    return this.#fd;
  }

  #closeFile(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  /** Reads the file once to build the sparse index and count the keys. */
  #index(): void {
    this.#fileSize = fstatSync(this.#file()).size;
    const blocks: Block[] = [];
    let blockStart = -BLOCK_BYTES;
    let count = 0;
    for (const { key, offset } of this.#lines(0, this.#fileSize)) {
      if (offset - blockStart >= BLOCK_BYTES) {
        blocks.push({ key, offset });
        blockStart = offset;
      }
      count++;
    }
    this.#blocks = blocks;
    this.#size = count;
  }

  #fromFile(key: string): string | undefined {
    const blocks = this.#blocks;
    // The last block whose first key is ≤ key.
    let lo = 0;
    let hi = blocks.length - 1;
    let block: Block | undefined;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const candidate = blocks[mid];
      if (candidate && candidate.key <= key) {
        block = candidate;
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!block) return undefined;
    const start = block.offset;
    const end = blocks[at + 1]?.offset ?? this.#fileSize;
    const length = end - start;
    // One buffer per map, reused: a lookup per record must not leave a block of garbage behind.
    if (this.#block.length < length) this.#block = Buffer.allocUnsafe(length);
    const bytes = this.#block.subarray(0, length);
    readFully(this.#file(), bytes, start);
    // A native search in the bytes (keys are ASCII), for the key at the start of a line.
    const needle = `${key}\t`;
    for (let i = bytes.indexOf(needle, 0, 'latin1'); i >= 0; i = bytes.indexOf(needle, i + 1, 'latin1')) {
      if (i > 0 && bytes[i - 1] !== 0x0a) continue;
      const eol = bytes.indexOf(0x0a, i);
      return bytes.toString('utf8', i + needle.length, eol < 0 ? length : eol);
    }
    return undefined;
  }

  *#fileEntries(): Generator<[string, string]> {
    if (this.#fileSize === 0) return;
    for (const { key, value } of this.#lines(0, this.#fileSize)) yield [key, value];
  }

  /** The lines of the file between two offsets, read sequentially in large chunks. */
  *#lines(from: number, to: number): Generator<{ key: string; value: string; offset: number }> {
    // The descriptor opened with the index: another process replacing the file (a read-only state
    // next to a running sync) cannot make the blocks and the bytes disagree.
    const fd = this.#file();
    let position = from;
    let carry = '';
    let carryOffset = from;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    while (position < to) {
      const n = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, to - position), position);
      if (n === 0) break;
      position += n;
      // Keys and values are ASCII-safe JSON text, but a chunk may still split a multi-byte
      // character of a value: decode whole lines only.
      const text = carry + buffer.toString('latin1', 0, n);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        const raw = text.slice(start, nl);
        const line = Buffer.from(raw, 'latin1').toString('utf8');
        const tab = line.indexOf('\t');
        if (tab >= 0) yield { key: line.slice(0, tab), value: line.slice(tab + 1), offset: carryOffset };
        carryOffset += raw.length + 1;
        start = nl + 1;
      }
      carry = text.slice(start);
    }
  }
}

function readFully(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length;) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
}

function checkText(text: string, what: 'key' | 'value'): void {
  // Keys are hashes: printable ASCII keeps their order the same in JS strings and in the file's bytes.
  if (what === 'key' ? !/^[\x21-\x7e]+$/.test(text) : text.includes('\n'))
    throw new Error(
      what === 'key'
        ? 'DiskMap: a key must be printable ASCII.'
        : 'DiskMap: a value cannot hold a line break.',
    );
}
