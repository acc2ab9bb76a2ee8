// The benchmark server, run in its own process (forked by bench/lib/server-control.ts) so it never
// shares an event loop or a CPU with the clients it serves. It answers GET /users/:id with a small,
// precomputed JSON user over keep-alive, and takes orders over the IPC channel:
//   mode ok | fail(rate, seed) — answer 200, or 503 with probability `rate` (a seeded PRNG: the same
//   run of faults every time), down | up — close the listener and every socket (connection refused),
//   then listen again on the same port; stats — how many requests arrived.
// It deliberately does far less per request than test/support/fault-server.ts (which records every
// request), so that the server's own cost dilutes the client-side differences as little as possible.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './lib/stats.js';
import { USER_JSON } from './lib/user.js';

export type ServerMode = { kind: 'ok' } | { kind: 'fail'; rate: number; seed: number };

export type ServerCommand =
  | { cmd: 'mode'; mode: ServerMode }
  | { cmd: 'down' }
  | { cmd: 'up' }
  | { cmd: 'stats'; reset?: boolean }
  | { cmd: 'exit' };

export interface ServerStats {
  requests: number;
  ok: number;
  failed: number;
}

export type ServerMessage =
  { type: 'listening'; port: number } | { type: 'reply'; id: number; stats?: ServerStats; error?: string };

const USER = Buffer.from(USER_JSON);
// A strong ETag, so the revalidation part can compare a 304 with a full answer of the same user.
const USER_ETAG = '"user-1-v1"';
const USER_HEADERS = {
  'content-type': 'application/json',
  'content-length': String(USER.length),
  etag: USER_ETAG,
};
// A page of 100 users (GET /users?…), for the revalidation of a larger body.
const PAGE = Buffer.from(
  JSON.stringify(
    Array.from({ length: 100 }, (_, i) => ({ ...(JSON.parse(USER_JSON) as object), id: i + 1 })),
  ),
);
const PAGE_ETAG = '"page-1-v1"';
const PAGE_HEADERS = {
  'content-type': 'application/json',
  'content-length': String(PAGE.length),
  etag: PAGE_ETAG,
  'x-total-count': '100',
};
const PROBLEM = Buffer.from(
  JSON.stringify({
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    detail: 'Injected fault.',
  }),
);
const PROBLEM_HEADERS = {
  'content-type': 'application/problem+json',
  'content-length': String(PROBLEM.length),
};
const NOT_FOUND = Buffer.from(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));

let mode: ServerMode = { kind: 'ok' };
let random = Math.random;
const stats: ServerStats = { requests: 0, ok: 0, failed: 0 };

function handle(req: IncomingMessage, res: ServerResponse): void {
  stats.requests++;
  req.resume();
  const isPage = req.url?.startsWith('/users?') === true;
  if (!req.url?.startsWith('/users/') && !isPage) {
    res.writeHead(404, {
      'content-type': 'application/problem+json',
      'content-length': String(NOT_FOUND.length),
    });
    res.end(NOT_FOUND);
    return;
  }
  if (mode.kind === 'fail' && random() < mode.rate) {
    stats.failed++;
    res.writeHead(503, PROBLEM_HEADERS);
    res.end(PROBLEM);
    return;
  }
  stats.ok++;
  const etag = isPage ? PAGE_ETAG : USER_ETAG;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag });
    res.end();
    return;
  }
  res.writeHead(200, isPage ? PAGE_HEADERS : USER_HEADERS);
  res.end(isPage ? PAGE : USER);
}

const server = createServer({ keepAlive: true }, handle);
// Longer than any client's idle timeout, so the server never closes a connection a client is about to reuse.
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
let port = 0;

function listen(): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve();
    });
  });
}

function close(): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}

async function run(message: ServerCommand): Promise<ServerStats | undefined> {
  switch (message.cmd) {
    case 'mode':
      mode = message.mode;
      random = mode.kind === 'fail' ? seededRandom(mode.seed) : Math.random;
      return undefined;
    case 'down':
      await close();
      return undefined;
    case 'up':
      await listen();
      return undefined;
    case 'stats': {
      const snapshot = { ...stats };
      if (message.reset) {
        stats.requests = 0;
        stats.ok = 0;
        stats.failed = 0;
      }
      return snapshot;
    }
    case 'exit':
      if (server.listening) await close();
      process.disconnect();
      return undefined;
  }
}

process.on('message', (raw: { id: number } & ServerCommand) => {
  run(raw).then(
    (result) =>
      process.send?.({
        type: 'reply',
        id: raw.id,
        ...(result ? { stats: result } : {}),
      } satisfies ServerMessage),
    (error: unknown) =>
      process.send?.({ type: 'reply', id: raw.id, error: String(error) } satisfies ServerMessage),
  );
});
// The parent owns this process: when it goes, so do we.
process.on('disconnect', () => process.exit(0));

await listen();
process.send?.({ type: 'listening', port } satisfies ServerMessage);
