/**
 * A real HTTP server that misbehaves on cue, so the SDK's retry, timeout,
 * idempotency and auth code can be tested against actual sockets rather than
 * a mocked fetch. Each test scripts the faults it wants; everything lives in
 * the closure of one `startFaultServer()` call, so parallel servers never
 * share state.
 */
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface StepOptions {
  /** Adds `x-should-retry: <value>` to the response. */
  shouldRetry?: 'true' | 'false';
  /** Waits (setTimeout, so fake timers control it) before acting on the step. */
  delayMs?: number;
  /** Extra response headers, e.g. RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset. */
  headers?: Record<string, string>;
}

export type FaultStep = StepOptions &
  (
    | { kind: 'respond'; status: number; body?: unknown; contentType?: string }
    | { kind: 'retryAfter'; status: 429 | 503; form: 'seconds' | 'ms' | 'date'; value: number }
    /** Without `ms` it never answers; with `ms` it then behaves like the default step. */
    | { kind: 'stallBeforeHeaders'; ms?: number }
    /** Sends headers and half a JSON body; without `ms` the rest never comes. */
    | { kind: 'stallMidBody'; status?: number; ms?: number }
    | { kind: 'resetBeforeProcessing' }
    | { kind: 'resetAfterProcessing' }
    | { kind: 'users' }
  );

export interface TokenEndpointOptions {
  clientId: string;
  clientSecret: string;
  /** Seconds; default 3600. */
  expiresIn?: number;
  /** Answer every token request with this instead of issuing a token. */
  fail?: { status: number; body: unknown };
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  idempotencyKey?: string;
  body?: string;
  arrivedAt: number;
  /** False when the server dropped or rejected the request before acting on it. */
  processed: boolean;
}

export interface IssuedToken {
  accessToken: string;
  scope?: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export type StoredUser = Record<string, unknown> & { id: number };

export interface FaultServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** Requests other than preflights and the token endpoint, in arrival order. */
  readonly requests: RecordedRequest[];
  readonly tokenRequests: RecordedRequest[];
  readonly issuedTokens: IssuedToken[];
  readonly users: Map<number, StoredUser>;
  /** Appends steps; each non-token request consumes one, then the default applies. */
  script(steps: FaultStep[]): void;
  setDefault(step: FaultStep): void;
  setTokenEndpoint(opts: TokenEndpointOptions): void;
  requireBearer(on: boolean): void;
  revokeTokens(): void;
  /** Back to the state right after start (request and token counters keep counting). */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_USER = { id: 1, name: 'Leanne Graham', username: 'Bret', email: 'Sincere@april.biz' };
export const DEFAULT_TOKEN_ENDPOINT: TokenEndpointOptions = {
  clientId: 'test-client',
  clientSecret: 'test-secret',
};
const TOKEN_PATH = '/oauth/token';
const EXPOSED_HEADERS = [
  'X-Total-Count',
  'Link',
  'X-Request-Id',
  'Retry-After',
  'retry-after-ms',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'x-should-retry',
  'WWW-Authenticate',
  'Idempotent-Replayed',
].join(', ');

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

const problem = (status: number, detail: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail }),
});

function cannedReply(step: Extract<FaultStep, { kind: 'respond' }>): Reply {
  if (step.body === undefined || step.status === 204 || step.status === 304) return { status: step.status };
  const raw = typeof step.body === 'string';
  const contentType = step.contentType ?? (raw ? 'text/plain; charset=utf-8' : 'application/json');
  return {
    status: step.status,
    headers: { 'content-type': contentType },
    body: raw ? (step.body as string) : JSON.stringify(step.body),
  };
}

function retryAfterReply(step: Extract<FaultStep, { kind: 'retryAfter' }>): Reply {
  let header: Record<string, string>;
  if (step.form === 'seconds') header = { 'retry-after': String(step.value) };
  else if (step.form === 'ms') header = { 'retry-after-ms': String(step.value) };
  // HTTP-dates have whole-second precision; rounding up keeps the wait >= value.
  else header = { 'retry-after': new Date(Math.ceil((Date.now() + step.value) / 1000) * 1000).toUTCString() };
  const what = step.status === 429 ? 'Rate limit exceeded' : 'Temporarily unavailable';
  return problem(step.status, `${what}; retry later.`, header);
}

/** undefined = no body, null = not a JSON object. */
function parseObject(body: string | undefined): Record<string, unknown> | null | undefined {
  if (body === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1: form-encoded, then base64) or the form body. */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): [string | null, string | null] {
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const part = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    return colon < 0
      ? [part(decoded), null]
      : [part(decoded.slice(0, colon)), part(decoded.slice(colon + 1))];
  }
  return [form.get('client_id'), form.get('client_secret')];
}

export async function startFaultServer(
  opts: { tokenEndpoint?: TokenEndpointOptions } = {},
): Promise<FaultServer> {
  const initialDefault: FaultStep = { kind: 'respond', status: 200, body: DEFAULT_USER };
  const initialToken = opts.tokenEndpoint ?? DEFAULT_TOKEN_ENDPOINT;
  const queue: FaultStep[] = [];
  const requests: RecordedRequest[] = [];
  const tokenRequests: RecordedRequest[] = [];
  const issuedTokens: IssuedToken[] = [];
  const users = new Map<number, StoredUser>();
  const idempotentCreates = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let defaultStep: FaultStep = initialDefault;
  let tokenConfig = initialToken;
  let bearerRequired = false;
  let requestCounter = 0;
  let tokenCounter = 0;
  let lastId = 0;
  let origin = '';

  // Timers are tracked so close() can drop them; a stalled handler simply never resumes.
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const hasValidBearer = (authorization: string | undefined): boolean => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const now = Date.now();
    return issuedTokens.some((t) => t.accessToken === match?.[1] && !t.revoked && now < t.expiresAt);
  };

  function listUsers(url: URL): Reply {
    const q = url.searchParams;
    let list = [...users.values()]
      .filter((u) => (['username', 'email'] as const).every((f) => !q.has(f) || u[f] === q.get(f)))
      .sort((a, b) => a.id - b.id);
    const headers: Record<string, string> = { 'x-total-count': String(list.length) };
    if (q.has('_page') || q.has('_limit')) {
      const limit = Math.max(1, Number(q.get('_limit') ?? 10) || 10);
      const page = Math.max(1, Number(q.get('_page') ?? 1) || 1);
      const last = Math.max(1, Math.ceil(list.length / limit));
      const link = (p: number, rel: string) => {
        const target = new URL(url);
        target.searchParams.set('_page', String(p));
        target.searchParams.set('_limit', String(limit));
        return `<${target.href}>; rel="${rel}"`;
      };
      const links = [link(1, 'first')];
      if (page > 1) links.push(link(page - 1, 'prev'));
      if (page < last) links.push(link(page + 1, 'next'));
      links.push(link(last, 'last'));
      headers['link'] = links.join(', ');
      list = list.slice((page - 1) * limit, page * limit);
    }
    return json(200, list, headers);
  }

  /** The "real" application: a json-server-like /users resource (any path prefix). */
  function usersApi(
    method: string,
    url: URL,
    body: string | undefined,
    idempotencyKey: string | undefined,
  ): Reply {
    const match = /\/users(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!match) return problem(404, `No resource at ${url.pathname}.`);
    if (match[1] === undefined) {
      if (method === 'GET') return listUsers(url);
      if (method !== 'POST')
        return problem(405, `${method} is not allowed on /users.`, { allow: 'GET, POST' });
      const replayed =
        idempotencyKey === undefined ? undefined : users.get(idempotentCreates.get(idempotencyKey) ?? NaN);
      if (replayed) return json(201, replayed, { 'idempotent-replayed': 'true' });
      const input = parseObject(body);
      if (!input) return problem(400, 'The body must be a JSON object.');
      // Monotonic like a database sequence; skips ids a test planted in `users` directly.
      do lastId++;
      while (users.has(lastId));
      const id = lastId;
      const user: StoredUser = { ...input, id };
      users.set(id, user);
      if (idempotencyKey !== undefined) idempotentCreates.set(idempotencyKey, id);
      return json(201, user, { location: `${url.pathname.replace(/\/$/, '')}/${id}` });
    }
    const id = Number(match[1]);
    if (!Number.isInteger(id) || id < 1) return problem(400, `The id ${match[1]} is not a positive integer.`);
    const existing = users.get(id);
    if (!existing) return problem(404, `User ${id} does not exist.`);
    if (method === 'GET') return json(200, existing);
    if (method === 'DELETE') {
      users.delete(id);
      return { status: 204 };
    }
    if (method !== 'PUT' && method !== 'PATCH')
      return problem(405, `${method} is not allowed on /users/{id}.`, { allow: 'GET, PUT, PATCH, DELETE' });
    const input = parseObject(body);
    if (!input) return problem(400, 'The body must be a JSON object.');
    const updated: StoredUser = method === 'PUT' ? { ...input, id } : { ...existing, ...input, id };
    users.set(id, updated);
    return json(200, updated);
  }

  function send(res: ServerResponse, reply: Reply): void {
    if (res.headersSent || res.destroyed) return;
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    res.statusCode = reply.status;
    res.end(reply.status === 204 || reply.status === 304 ? undefined : reply.body);
  }

  async function handleToken(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
  ): Promise<void> {
    const config = tokenConfig;
    if (config.delayMs) await wait(config.delayMs);
    record.processed = true;
    if (req.method !== 'POST') return send(res, problem(405, 'Use POST.', { allow: 'POST' }));
    const noStore = { 'cache-control': 'no-store' };
    if (config.fail) return send(res, json(config.fail.status, config.fail.body, noStore));
    const form = new URLSearchParams(record.body ?? '');
    const [clientId, clientSecret] = clientCredentials(req, form);
    if (clientId !== config.clientId || clientSecret !== config.clientSecret) {
      return send(
        res,
        json(
          401,
          { error: 'invalid_client', error_description: 'Client authentication failed' },
          { ...noStore, 'www-authenticate': 'Basic realm="oauth"' },
        ),
      );
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return send(
        res,
        json(
          400,
          { error: 'unsupported_grant_type', error_description: 'Only client_credentials is supported' },
          noStore,
        ),
      );
    }
    const expiresIn = config.expiresIn ?? 3600;
    const scope = form.get('scope');
    const issuedAt = Date.now();
    const token: IssuedToken = {
      accessToken: `tok-${++tokenCounter}`,
      issuedAt,
      expiresAt: issuedAt + expiresIn * 1000,
      revoked: false,
      ...(scope ? { scope } : {}),
    };
    issuedTokens.push(token);
    send(
      res,
      json(
        200,
        {
          access_token: token.accessToken,
          token_type: 'Bearer',
          expires_in: expiresIn,
          ...(scope ? { scope } : {}),
        },
        noStore,
      ),
    );
  }

  async function runStep(
    step: FaultStep,
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    url: URL,
  ): Promise<void> {
    if (step.delayMs) await wait(step.delayMs);
    if (req.socket.destroyed) return;
    for (const [name, value] of Object.entries(step.headers ?? {})) res.setHeader(name, value);
    if (step.shouldRetry) res.setHeader('x-should-retry', step.shouldRetry);
    const app = () => {
      record.processed = true;
      return usersApi(record.method, url, record.body, record.idempotencyKey);
    };
    switch (step.kind) {
      case 'respond':
        record.processed = true;
        return send(res, cannedReply(step));
      case 'retryAfter':
        return send(res, retryAfterReply(step));
      case 'users':
        return send(res, app());
      // RST rather than FIN: that is what a crashed peer or a proxy dropping the connection looks like.
      case 'resetBeforeProcessing':
        req.socket.resetAndDestroy();
        return;
      case 'resetAfterProcessing':
        app();
        req.socket.resetAndDestroy();
        return;
      case 'stallBeforeHeaders':
        if (step.ms === undefined) return;
        await wait(step.ms);
        return runStep(defaultStep, req, res, record, url);
      case 'stallMidBody': {
        record.processed = true;
        const full = JSON.stringify(DEFAULT_USER);
        const half = Math.floor(full.length / 2);
        // A correct Content-Length makes the client wait for the rest instead of seeing a short body.
        res.writeHead(step.status ?? 200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(full),
        });
        res.write(full.slice(0, half));
        if (step.ms === undefined) return;
        await wait(step.ms);
        if (!req.socket.destroyed) res.end(full.slice(half));
        return;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-request-id', `req-${++requestCounter}`);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      // Preflights are browser plumbing: they neither consume steps nor get recorded.
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        // Echo the asked-for headers: a '*' wildcard does not cover Authorization.
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      });
      return void res.end();
    }
    const url = new URL(req.url ?? '/', origin);
    const isToken = url.pathname === TOKEN_PATH;
    // Decide before reading the body so concurrent requests take steps in arrival order.
    const authorized = isToken || !bearerRequired || hasValidBearer(req.headers.authorization);
    const step = isToken || !authorized ? undefined : (queue.shift() ?? defaultStep);
    const arrivedAt = Date.now();
    const body = await readBody(req);
    const idempotencyKey = req.headers['idempotency-key'];
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      url: url.href,
      headers: flattenHeaders(req),
      arrivedAt,
      processed: false,
      ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
      ...(body !== undefined ? { body } : {}),
    };
    (isToken ? tokenRequests : requests).push(record);
    if (isToken) return handleToken(req, res, record);
    if (!step)
      return send(
        res,
        problem(401, 'A valid bearer token is required.', {
          'www-authenticate': 'Bearer error="invalid_token"',
        }),
      );
    return runStep(step, req, res, record, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, problem(500, `Fault server bug: ${String(error)}`));
      else req.socket.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url: origin,
    origin,
    port,
    requests,
    tokenRequests,
    issuedTokens,
    users,
    script: (steps) => {
      queue.push(...steps);
    },
    setDefault: (step) => {
      defaultStep = step;
    },
    setTokenEndpoint: (config) => {
      tokenConfig = config;
    },
    requireBearer: (on) => {
      bearerRequired = on;
    },
    revokeTokens: () => {
      for (const token of issuedTokens) token.revoked = true;
    },
    reset: () => {
      // Cleared in place so references a test already holds stay live.
      queue.length = 0;
      requests.length = 0;
      tokenRequests.length = 0;
      issuedTokens.length = 0;
      users.clear();
      idempotentCreates.clear();
      lastId = 0;
      defaultStep = initialDefault;
      tokenConfig = initialToken;
      bearerRequired = false;
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        // Keep-alive and stalled sockets would otherwise hold close() open until they time out.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
