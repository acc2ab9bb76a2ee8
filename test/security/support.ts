// Loopback servers for the security suite: plain http on ephemeral ports (two servers = two
// origins), and https with a self-signed certificate made at test time by openssl (never committed).
// The https server is trusted only by the fetch the test hands to the client (an undici Agent with
// that CA); TLS verification stays on everywhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface TestServer {
  readonly url: string;
  readonly origin: string;
  readonly requests: Recorded[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

function wrap(server: Server, scheme: 'http' | 'https', host = '127.0.0.1'): Promise<TestServer> {
  const requests: Recorded[] = [];
  let handler: Handler = (_req, res) => res.writeHead(404).end();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body });
      handler(req, res, body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      const origin = `${scheme}://${host === '::1' ? '[::1]' : host}:${port}`;
      resolve({
        url: origin,
        origin,
        requests,
        handle(h) {
          handler = h;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function startServer(host?: string): Promise<TestServer> {
  return wrap(createServer(), 'http', host);
}

export interface Tls {
  readonly key: string;
  readonly cert: string;
}

/** A self-signed certificate for 127.0.0.1, made now with openssl. */
export function makeCertificate(): Tls {
  const dir = mkdtempSync(join(tmpdir(), 'sdk-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function startHttpsServer(tls: Tls): Promise<TestServer> {
  return wrap(createHttpsServer({ key: tls.key, cert: tls.cert }), 'https');
}

/** A fetch that trusts `tls`'s certificate (and nothing else extra); verification stays on. */
export function trustingFetch(tls: Tls): {
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
} {
  const agent = new Agent({ connect: { ca: tls.cert } });
  return {
    fetch: (input, init) => globalThis.fetch(input, { ...init, dispatcher: agent } as RequestInit),
    close: () => agent.close(),
  };
}

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

export const quietLogger = { error() {}, warn() {}, info() {}, debug() {} };

/** Secrets that must never reach another origin, a message or a log line. */
export const SECRETS = {
  apiKey: 'sk-live-APIKEY-0123456789',
  token: 'tok-live-BEARER-0123456789',
  clientSecret: 'cs-live-OAUTH-0123456789',
  header: 'team-secret-HEADER-0123456789',
  password: 'pw-live-PASSWORD-0123456789',
} as const;

/**
 * One plain-http server for the file: started before all tests (with `handler` if given), its
 * recorded requests cleared after each, closed after all. The returned object forwards to it.
 */
export function useServer(handler?: Handler): TestServer {
  let server: TestServer | undefined;
  const live = (): TestServer => {
    if (!server) throw new Error('useServer: the server is not started yet (use it inside a test)');
    return server;
  };
  beforeAll(async () => {
    server = await startServer();
    if (handler) server.handle(handler);
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    if (server) server.requests.length = 0;
  });
  return {
    get url() {
      return live().url;
    },
    get origin() {
      return live().origin;
    },
    get requests() {
      return live().requests;
    },
    handle: (h) => live().handle(h),
    close: () => live().close(),
  };
}

/** A logger that keeps every line (message + JSON fields) in `lines`, cleared after each test. */
export function useRecordingLogger(): {
  lines: string[];
  logger: Record<'error' | 'warn' | 'info' | 'debug', (m: string, f?: unknown) => void>;
} {
  const lines: string[] = [];
  const push = (m: string, f?: unknown): void => {
    lines.push(m + JSON.stringify(f));
  };
  afterEach(() => {
    lines.length = 0;
  });
  return { lines, logger: { error: push, warn: push, info: push, debug: push } };
}
