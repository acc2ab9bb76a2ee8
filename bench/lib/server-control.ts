// Starts bench/server.ts in a child process and drives it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerCommand, ServerMessage, ServerMode, ServerStats } from '../server.js';

const SERVER_SCRIPT = fileURLToPath(new URL('../server.ts', import.meta.url));

export interface BenchServer {
  readonly origin: string;
  readonly port: number;
  readonly pid: number;
  setMode(mode: ServerMode): Promise<void>;
  /** Closes the listener and every connection: new connections are refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  stats(reset?: boolean): Promise<ServerStats>;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  // Explicit execArgv: the server must not inherit --cpu-prof or --expose-gc from a client process.
  const child: ChildProcess = fork(SERVER_SCRIPT, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<
    number,
    { resolve: (m: ServerMessage & { type: 'reply' }) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  let exited = false;

  const port = await new Promise<number>((resolve, reject) => {
    const onExit = (code: number | null) => {
      reject(new Error(`bench server exited early (code ${String(code)})`));
    };
    child.once('exit', onExit);
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'listening') {
        child.off('exit', onExit);
        resolve(message.port);
      } else {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        waiter?.resolve(message);
      }
    });
  });
  child.once('exit', () => {
    exited = true;
    for (const waiter of pending.values()) waiter.reject(new Error('bench server exited'));
    pending.clear();
  });

  const send = (command: ServerCommand): Promise<ServerMessage & { type: 'reply' }> =>
    new Promise((resolve, reject) => {
      if (exited) {
        reject(new Error('bench server has exited'));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, ...command });
    }).then((reply) => {
      const r = reply as ServerMessage & { type: 'reply' };
      if (r.error !== undefined) throw new Error(`bench server: ${r.error}`);
      return r;
    });

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    setMode: async (mode) => {
      await send({ cmd: 'mode', mode });
    },
    down: async () => {
      await send({ cmd: 'down' });
    },
    up: async () => {
      await send({ cmd: 'up' });
    },
    stats: async (reset = false) => {
      const reply = await send({ cmd: 'stats', reset });
      return reply.stats ?? { requests: 0, ok: 0, failed: 0 };
    },
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await send({ cmd: 'exit' }).catch(() => undefined);
      await gone;
      clearTimeout(timer);
    },
  };
}
