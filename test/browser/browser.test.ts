// The browser build (dist/browser/index.js) in a real headless Chromium, against a real API on
// another loopback origin: the page and the API differ in port, so every SDK request is cross-origin
// and, because it sends Authorization / X-SDK-Version / Content-Type, needs a CORS preflight.
// Chromium is Debian's (`apt-get install chromium`; .ci/run installs it); without it the suite skips
// loudly, and under CI=true it fails.
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { ROOT } from '../support/build-dist.js';
import { launchChromium, requireChromium, type HeadlessChromium } from '../support/chromium.js';

type Sdk = typeof import('../../src/index.js');

// Without Chromium the suite skips with a message; under CI (CI=true) it fails instead.
const HAS_CHROMIUM = requireChromium('browser');

const BROWSER_BUNDLE = join(ROOT, 'dist/browser/index.js');
const NODE_IMPORT =
  /\bfrom\s*["']node:|\bimport\s*\(\s*["']node:|\brequire\s*\(\s*["']node:|\bimport\s*["']node:/;

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>user-management-sdk in a browser</title>
<script type="module">
  import * as sdk from '/sdk.js';
  window.sdk = sdk;
  window.sdkReady = true;
</script>`;

interface Preflight {
  path: string;
  origin: string | undefined;
  method: string | undefined;
  headers: string[];
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * Serves the page and the bundled SDK, split into chunks as an app's bundler splits it: the "web app"
 * origin. `fetched` records each script the page asked for, in order.
 */
function staticSite(files: ReadonlyMap<string, string>, fetched: string[]): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files.get(path.slice(1));
    if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (file !== undefined) {
      fetched.push(path.slice(1));
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(file);
    } else res.writeHead(404).end();
  });
}

/**
 * Forwards everything to the fault server and records the CORS preflights on the way: the fault
 * server answers OPTIONS itself but, by design, does not record them.
 */
function preflightRecorder(target: FaultServer, preflights: Preflight[]): Server {
  const header = (headers: IncomingHttpHeaders, name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      preflights.push({
        path: req.url ?? '/',
        origin: header(req.headers, 'origin'),
        method: header(req.headers, 'access-control-request-method'),
        headers: (header(req.headers, 'access-control-request-headers') ?? '')
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      });
    }
    const upstream = request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
}

describe.skipIf(!HAS_CHROMIUM)('the browser build in headless Chromium', () => {
  const preflights: Preflight[] = [];
  const pageErrors: string[] = [];
  const consoleLines: string[] = [];
  let bundle = '';
  const fetched: string[] = [];
  let api: FaultServer | undefined;
  let proxy: Server | undefined;
  let site: Server | undefined;
  let apiUrl = '';
  let siteUrl = '';
  let browser: HeadlessChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    // dist/browser/index.js keeps openapi-fetch and cockatiel as bare imports (they are dependencies,
    // for the app's bundler to resolve); bundle them here the way an app's bundler would, code splitting
    // on, so the page loads each lazy chunk with a real import() over HTTP.
    const result = await build({
      entryPoints: { sdk: BROWSER_BUNDLE },
      bundle: true,
      splitting: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      outdir: join(ROOT, 'temp/browser-page'),
      write: false,
      logLevel: 'silent',
    });
    const files = new Map(result.outputFiles.map((f) => [basename(f.path), f.text]));
    bundle = result.outputFiles.map((f) => f.text).join('\n');
    api = await startFaultServer();
    api.setDefault({ kind: 'users' });
    proxy = preflightRecorder(api, preflights);
    apiUrl = await listen(proxy);
    site = staticSite(files, fetched);
    siteUrl = await listen(site);

    browser = await launchChromium();
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    await page.goto(`${siteUrl}/`);
    await page.waitForFunction(
      () => (window as unknown as { sdkReady?: boolean }).sdkReady === true,
      undefined,
      { timeout: 10_000 },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([close(site), close(proxy), api?.close()]);
  });

  it('ships a browser build with no node: imports, in the file and in the bundle the page loads', () => {
    expect(readFileSync(BROWSER_BUNDLE, 'utf8')).not.toMatch(NODE_IMPORT);
    expect(bundle).not.toMatch(NODE_IMPORT);
    expect(bundle).not.toContain('createRequire');
  });

  it('creates, lists and gets a user cross-origin with a bearer token', async () => {
    const result = await page.evaluate(async (baseUrl) => {
      const { UserManagementClient } = (window as unknown as { sdk: Sdk }).sdk;
      const client = new UserManagementClient({ baseUrl, token: 'browser-token' });
      const created = await client.users.create({
        name: 'Ada Lovelace',
        username: 'ada',
        email: 'ada@example.com',
      });
      const list = await client.users.list({ page: 1, limit: 10 });
      const got = await client.users.get(created.id);
      let missing: Record<string, unknown> = {};
      try {
        await client.users.get(9999);
      } catch (error) {
        const e = error as { name: string; status?: number; requestId?: string };
        missing = { name: e.name, status: e.status, requestId: e.requestId };
      }
      return {
        created,
        list: { total: list.total, emails: list.data.map((u) => u.email), hasNextPage: list.hasNextPage },
        got,
        missing,
      };
    }, apiUrl);

    expect(pageErrors).toEqual([]);
    expect(result.created).toMatchObject({ id: expect.any(Number), email: 'ada@example.com' });
    // total comes from X-Total-Count: readable only because the server exposes it (Access-Control-Expose-Headers).
    expect(result.list).toEqual({ total: 1, emails: ['ada@example.com'], hasNextPage: false });
    expect(result.got).toEqual(result.created);
    // requestId comes from the exposed X-Request-Id header.
    expect(result.missing).toEqual({
      name: 'NotFoundError',
      status: 404,
      requestId: expect.stringMatching(/^req-\d+$/),
    });

    const sent = api!.requests.filter((r) => r.headers['authorization'] === 'Bearer browser-token');
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /users',
      'GET /users',
      `GET /users/${result.created.id}`,
      'GET /users/9999',
    ]);
    for (const r of sent) {
      expect(r.headers['origin']).toBe(siteUrl);
      expect(r.headers['x-sdk-version']).toMatch(/^user-management-sdk\/\d+\.\d+\.\d+/);
      // The browser owns User-Agent: the browser build sets none of its own.
      expect(r.headers['user-agent']).not.toContain('user-management-sdk');
    }
    expect(sent[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    // Authorization, X-SDK-Version and a JSON Content-Type are not CORS-safelisted, so Chromium asked first.
    const post = preflights.find((p) => p.path === '/users' && p.method === 'POST');
    expect(post).toMatchObject({ origin: siteUrl });
    expect(post!.headers).toEqual(
      expect.arrayContaining(['authorization', 'x-sdk-version', 'idempotency-key', 'content-type']),
    );
    const get = preflights.find((p) => p.path === `/users/${result.created.id}` && p.method === 'GET');
    expect(get!.headers).toEqual(expect.arrayContaining(['authorization', 'x-sdk-version']));
  });

  it('refuses an apiKey in a browser with ConfigError, and allows it with dangerouslyAllowBrowser', async () => {
    const result = await page.evaluate(async (baseUrl) => {
      const { UserManagementClient, ConfigError } = (window as unknown as { sdk: Sdk }).sdk;
      let refused: Record<string, unknown> = { constructed: true };
      try {
        new UserManagementClient({ baseUrl, apiKey: 'secret' });
      } catch (error) {
        refused = { isConfigError: error instanceof ConfigError, message: (error as Error).message };
      }
      const allowed = new UserManagementClient({ baseUrl, apiKey: 'secret', dangerouslyAllowBrowser: true });
      const list = await allowed.users.list();
      return { refused, listed: list.data.length };
    }, apiUrl);

    expect(pageErrors).toEqual([]);
    expect(result.refused).toEqual({
      isConfigError: true,
      message: expect.stringContaining('dangerouslyAllowBrowser'),
    });
    expect(result.listed).toBe(1);
    const last = api!.requests.at(-1)!;
    expect(last.headers['x-api-key']).toBe('secret');
    expect(last.headers['authorization']).toBeUndefined();
  });
  it('rejects a redirect to another origin with RedirectError and sends nothing there (browsers hide the target), loading redirect handling then', async () => {
    const reached: string[] = [];
    const other = createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res
        .writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' })
        .end('{}');
    });
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, x-sdk-version, content-type, idempotency-key',
      'access-control-allow-methods': 'GET, POST',
    };
    let otherUrl = '';
    const redirector = createServer((req, res) => {
      if (req.method === 'OPTIONS') res.writeHead(204, cors).end();
      else res.writeHead(307, { ...cors, location: `${otherUrl}/steal` }).end();
    });
    // Redirect handling is a chunk of its own: not fetched by the calls before, fetched at this redirect.
    expect(fetched.filter((f) => f.startsWith('follow-redirects-'))).toEqual([]);
    try {
      otherUrl = await listen(other);
      const baseUrl = await listen(redirector);
      const result = await page.evaluate(async (url) => {
        const { UserManagementClient, RedirectError } = (window as unknown as { sdk: Sdk }).sdk;
        const client = new UserManagementClient({ baseUrl: url, token: 'browser-token', maxRetries: 0 });
        const outcomes: unknown[] = [];
        for (const call of [
          () => client.users.get(1),
          () => client.users.create({ name: 'a', username: 'a', email: 'a@x.test' }),
        ]) {
          try {
            await call();
            outcomes.push('resolved');
          } catch (error) {
            outcomes.push({ isRedirectError: error instanceof RedirectError, name: (error as Error).name });
          }
        }
        return outcomes;
      }, baseUrl);

      expect(pageErrors).toEqual([]);
      expect(result).toEqual([
        { isRedirectError: true, name: 'RedirectError' },
        { isRedirectError: true, name: 'RedirectError' },
      ]);
      expect(reached).toEqual([]);
      expect(fetched.filter((f) => f.startsWith('follow-redirects-'))).toHaveLength(1);
    } finally {
      await Promise.all([close(other), close(redirector)]);
    }
  });

  it("fetches cockatiel's chunk only at the first 503, and runs the half-open trial through it", async () => {
    const chunk = (name: string) => fetched.filter((f) => f.startsWith(`${name}-`));
    const before = chunk('cockatiel');
    api!.script([
      { kind: 'users' },
      { kind: 'respond', status: 503, body: { title: 'Service Unavailable' } },
    ]);
    const calls = await page
      .evaluate(async (baseUrl) => {
        const { UserManagementClient } = (window as unknown as { sdk: Sdk }).sdk;
        const client = new UserManagementClient({
          baseUrl,
          token: 'browser-token',
          maxRetries: 0,
          circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 50 },
        });
        const name = (p: Promise<unknown>) =>
          p.then(
            () => 'resolved',
            (e: unknown) => (e as Error).name,
          );
        const ok = await name(client.users.list());
        const failed = await name(client.users.list());
        const open = await name(client.users.list());
        await new Promise((resolve) => setTimeout(resolve, 60));
        const trial = await name(client.users.list());
        return [ok, failed, open, trial];
      }, apiUrl)
      .catch((e: unknown) => e);
    expect(before).toEqual([]);
    expect(calls).toEqual(['resolved', 'InternalServerError', 'CircuitOpenError', 'resolved']);
    expect(pageErrors).toEqual([]);
    expect(chunk('cockatiel')).toHaveLength(1);
  });
});
