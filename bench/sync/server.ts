// An in-memory users API for the sync benchmark, in its own process (forked by bench/sync/run.ts) so it
// shares no event loop with the client: GET /users (paging, email/username filters, X-Total-Count),
// POST /users, GET/PATCH/DELETE /users/:id. It does as little as it can, so the client's cost shows.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredUser {
  id: number;
  [field: string]: unknown;
}

let users = new Map<number, StoredUser>();
let nextId = 1;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const m = /^\/users\/(\d+)$/.exec(url.pathname);
  void (async () => {
    if (url.pathname === '/users' && req.method === 'GET') {
      let list = [...users.values()];
      for (const f of ['email', 'username']) {
        const v = url.searchParams.get(f);
        if (v !== null) list = list.filter((u) => u[f] === v);
      }
      const page = Number(url.searchParams.get('_page') ?? 1);
      const limit = Number(url.searchParams.get('_limit') ?? 10);
      return send(res, 200, list.slice((page - 1) * limit, page * limit), {
        'x-total-count': String(list.length),
      });
    }
    if (url.pathname === '/users' && req.method === 'POST') {
      const user = { ...(await readBody(req)), id: nextId++ };
      users.set(user.id, user);
      return send(res, 201, user);
    }
    const user = m ? users.get(Number(m[1])) : undefined;
    if (!m || !user) return send(res, 404, {});
    if (req.method === 'GET') return send(res, 200, user, { etag: `"${String(user.id)}"` });
    if (req.method === 'PATCH') return send(res, 200, Object.assign(user, await readBody(req)));
    if (req.method === 'DELETE') {
      users.delete(user.id);
      return send(res, 200, {});
    }
    return send(res, 405, {});
  })();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
});
process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'reset') {
    users = new Map();
    nextId = 1;
    process.send?.({ type: 'reset' });
  } else if (msg.cmd === 'exit') server.close(() => process.exit(0));
});
