// A forward proxy for tests of undici's ProxyAgent: CONNECT tunnels (what ProxyAgent uses) and
// absolute-URI requests, relayed to loopback servers and recorded.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** A running forward proxy: its URL, the request lines it relayed, and a close that ends every tunnel. */
export interface ForwardProxy {
  readonly url: string;
  readonly relayed: string[];
  close(): Promise<void>;
}

/** A forward proxy (CONNECT tunnels, as undici's ProxyAgent uses, and absolute-URI requests) that records what it relays. */
export async function startProxy(): Promise<ForwardProxy> {
  const relayed: string[] = [];
  const sockets = new Set<Duplex>();
  const proxy: Server = createServer((req, res) => {
    relayed.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    relayed.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    sockets.add(upstream);
    sockets.add(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    relayed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
