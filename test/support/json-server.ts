// Starts json-server 0.17 (the real server the spec is modelled on) on 127.0.0.1 over a temp db.json.
// Its CLI cannot report an ephemeral port (the banner would say 0), so we pick a free port by binding a
// net server to port 0 and closing it, then retry with another port if json-server loses the race.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export interface JsonServerOptions {
  /** The database: collection name → records. Written to a fresh temp db.json. */
  readonly db: Readonly<Record<string, unknown>>;
  /** How long to wait for json-server to answer, per attempt. @default 15000 */
  readonly timeoutMs?: number;
  /** How many ports to try when the chosen one is taken meanwhile. @default 5 */
  readonly attempts?: number;
  /** Picks the port for each attempt. @default pickFreePort */
  readonly pickPort?: () => Promise<number>;
  /** Absolute paths of json-server middlewares (`--middlewares`; the CLI only). @default [] */
  readonly middlewares?: readonly string[];
  /**
   * Run json-server as a library with the conditional middleware (Idempotency-Key replay, ETag and
   * If-Match → 412) and seeded fault injection (test/support/json-server-app.cjs) instead of its CLI.
   */
  readonly conditional?: JsonServerAppOptions;
}

/** Options of test/support/json-server-app.cjs (also accepted by its `POST /__control`). */
export interface JsonServerAppOptions {
  /** Share of /users requests answered 503 (Retry-After: 0) before they are handled. */
  readonly failRate?: number;
  /** Share of creates that happen but whose connection is reset instead of answered. */
  readonly dropAfterCreateRate?: number;
  /** Seed of the fault PRNG. @default 1 */
  readonly seed?: number;
}

export interface JsonServerHandle {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** The temp db.json json-server reads and writes. */
  readonly dbPath: string;
  /** json-server's recent output, for failure messages. */
  readonly logs: string[];
  /** Kills json-server (SIGTERM, then SIGKILL) and removes the temp dir. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago: bind port 0 on loopback, read it, close. */
export async function pickFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startJsonServer(options: JsonServerOptions): Promise<JsonServerHandle> {
  const {
    db,
    timeoutMs = 15_000,
    attempts = 5,
    pickPort = pickFreePort,
    middlewares = [],
    conditional,
  } = options;
  const dir = await mkdtemp(join(tmpdir(), 'um-json-server-'));
  const dbPath = join(dir, 'db.json');
  await writeFile(dbPath, JSON.stringify(db, null, 2));
  const bin = require.resolve('json-server/lib/cli/bin.js');
  const logs: string[] = [];
  let lastError: unknown;
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const port = await pickPort();
      // No --watch: json-server would reload its router whenever its own writes touch db.json, and a
      // request arriving mid-reload fails; nothing else edits the file during a run.
      const extra = middlewares.length ? ['--middlewares', ...middlewares] : [];
      const argv = conditional
        ? [
            fileURLToPath(new URL('./json-server-app.cjs', import.meta.url)),
            'db.json',
            String(port),
            JSON.stringify(conditional),
          ]
        : [bin, 'db.json', '--port', String(port), '--host', '127.0.0.1', ...extra];
      const child = spawn(process.execPath, argv, {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      const collect = (chunk: Buffer): void => {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(line);
        if (logs.length > 200) logs.splice(0, logs.length - 200);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const url = `http://127.0.0.1:${port}`;
      const polling = new AbortController();
      const outcome = await Promise.race([
        waitUntilServing(url, Object.keys(db), timeoutMs, polling.signal),
        exited.then(() => 'exited' as const),
      ]);
      polling.abort();
      if (outcome === 'serving') {
        return {
          url,
          dbPath,
          logs,
          stop: () => stopChild(child, exited).finally(() => rm(dir, { recursive: true, force: true })),
        };
      }
      await stopChild(child, exited);
      lastError = new Error(
        `json-server ${outcome === 'exited' ? 'exited' : 'did not answer'} on port ${port}:\n${logs.slice(-15).join('\n')}`,
      );
      // Only a lost port race is worth another port; anything else fails now.
      if (outcome === 'exited' && !logs.some((l) => l.includes('EADDRINUSE') || l.includes('Cannot bind')))
        break;
    }
    throw lastError instanceof Error ? lastError : new Error('json-server did not start');
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Polls `GET /db` until it answers with our collections. Checking the body (not just a 200) makes sure
 * it is our json-server answering, not whoever took the port between our probe and its bind.
 */
async function waitUntilServing(
  url: string,
  collections: readonly string[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<'serving' | 'timeout'> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !signal.aborted) {
    try {
      const res = await fetch(`${url}/db`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) {
        const body = (await res.json()) as Record<string, unknown>;
        if (collections.every((c) => c in body)) return 'serving';
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 'timeout';
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
