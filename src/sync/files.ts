// Owner-only files: the state, reports and dead letters hold personal data, so directories are created
// 0700 and files 0600 (the umask cannot widen them; an existing file is narrowed on open).
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Creates a directory (and parents) readable by the owner only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * An append-only file written with synchronous `write(2)` calls: a line is in the kernel when `append`
 * returns, so it survives a SIGKILL of this process (not a power cut until `sync`).
 */
export class AppendFile {
  readonly #fd: number;
  readonly path: string;
  constructor(path: string) {
    this.path = path;
    this.#fd = openSync(path, 'a', 0o600);
    chmodSync(path, 0o600);
  }
  append(line: string): void {
    writeSync(this.#fd, `${line}\n`);
  }
  sync(): void {
    fsyncSync(this.#fd);
  }
  close(): void {
    fsyncSync(this.#fd);
    closeSync(this.#fd);
  }
}

/** Writes a whole file atomically: a temp file in the same directory, fsync, rename over the target. */
export function writePrivateFileAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${String(process.pid)}.${String(Date.now())}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
