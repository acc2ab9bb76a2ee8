// user-management-sdk/testing's browser build (dist/browser/testing.js) in headless Chromium: the mock's
// in-process fetch behind the SDK's browser build, and its MSW handlers under a real service worker
// (setupWorker), bundled the way an app's bundler would. Skips without Chromium (fails under CI=true), like browser.test.ts.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';
import { launchChromium, requireChromium, type HeadlessChromium } from '../support/chromium.js';

// Without Chromium the suite skips with a message; under CI (CI=true) it fails instead.
const HAS_CHROMIUM = requireChromium('browser (testing subpath)');
const TESTING_BUNDLE = join(ROOT, 'dist/browser/testing.js');
const NODE_IMPORT =
  /\bfrom\s*["']node:|\bimport\s*\(\s*["']node:|\brequire\s*\(\s*["']node:|\bimport\s*["']node:/;

// The app: the SDK and the mock from their browser builds, msw's setupWorker for the handlers.
const APP = `
import { UserManagementClient, ConnectionError, UnprocessableEntityError } from './dist/browser/index.js';
import { createMockApi } from './dist/browser/testing.js';
import { setupWorker } from 'msw/browser';
Object.assign(window, { UserManagementClient, ConnectionError, UnprocessableEntityError, createMockApi, setupWorker });
window.appReady = true;
`;
const PAGE = `<!doctype html><meta charset="utf-8"><title>mock</title><script type="module" src="/app.js"></script>`;

interface AppWindow {
  UserManagementClient: typeof import('../../src/index.js').UserManagementClient;
  ConnectionError: typeof import('../../src/index.js').ConnectionError;
  UnprocessableEntityError: typeof import('../../src/index.js').UnprocessableEntityError;
  createMockApi: typeof import('../../src/testing/index.js').createMockApi;
  setupWorker: typeof import('msw/browser').setupWorker;
}

describe.skipIf(!HAS_CHROMIUM)('user-management-sdk/testing in headless Chromium', () => {
  const pageErrors: string[] = [];
  let site: Server | undefined;
  let browser: HeadlessChromium | undefined;
  let page: Page;
  let app = '';

  beforeAll(async () => {
    const result = await build({
      stdin: { contents: APP, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    app = result.outputFiles[0]!.text;
    const worker = readFileSync(join(ROOT, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8');
    site = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const js = { 'content-type': 'text/javascript; charset=utf-8' };
      if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else if (path === '/app.js') res.writeHead(200, js).end(app);
      else if (path === '/mockServiceWorker.js') res.writeHead(200, js).end(worker);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve, reject) => {
      site!.once('error', reject);
      site!.listen(0, '127.0.0.1', resolve);
    });
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

    browser = await launchChromium();
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${siteUrl}/`);
    await page.waitForFunction(
      () => (window as unknown as { appReady?: boolean }).appReady === true,
      undefined,
      {
        timeout: 10_000,
      },
    );
  });

  afterAll(async () => {
    await browser?.close();
    if (site?.listening) {
      site.closeAllConnections();
      await new Promise<void>((resolve) => site!.close(() => resolve()));
    }
  });

  it('ships a browser build of the mock with no node: imports', () => {
    expect(readFileSync(TESTING_BUNDLE, 'utf8')).not.toMatch(NODE_IMPORT);
    expect(app).not.toMatch(NODE_IMPORT);
  });

  it('creates, reads, validates and fails on demand through mock.fetch', async () => {
    const result = await page.evaluate(async () => {
      const w = window as unknown as AppWindow;
      const mock = w.createMockApi();
      const client = new w.UserManagementClient({
        baseUrl: mock.baseUrl,
        fetch: mock.fetch,
        backoff: { baseDelayMs: 1, maxDelayMs: 1 },
      });
      const created = await client.users.create({ name: 'Ada', username: 'ada', email: 'ada@example.com' });
      const same = JSON.stringify(await client.users.get(created.id)) === JSON.stringify(created);
      const invalid = await client.users.create({ name: 'x' } as never).catch((e: unknown) => e);
      mock.fail('getUser', { status: 503 }, 2);
      const retried = await client.users.get(1);
      mock.fail('getUser', { dropConnection: true }, 3);
      const dropped = await client.users.get(1).catch((e: unknown) => e);
      return {
        id: created.id,
        same,
        invalid:
          invalid instanceof w.UnprocessableEntityError
            ? invalid.fieldErrors.map((f) => f.field)
            : String(invalid),
        retried: retried.id,
        dropped: dropped instanceof w.ConnectionError,
      };
    });
    expect(result).toEqual({ id: 4, same: true, invalid: ['username', 'email'], retried: 1, dropped: true });
    expect(pageErrors).toEqual([]);
  });

  it('serves the page’s own fetch through a service worker (setupWorker with mock.handlers)', async () => {
    const result = await page.evaluate(async () => {
      const w = window as unknown as AppWindow;
      const mock = w.createMockApi({ baseUrl: `${location.origin}/api` });
      const worker = w.setupWorker(...mock.handlers);
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
      try {
        const client = new w.UserManagementClient({ baseUrl: mock.baseUrl });
        const created = await client.users.create({
          name: 'Grace',
          username: 'grace',
          email: 'grace@example.com',
        });
        const res = await fetch(`${mock.baseUrl}/users?_page=1&_limit=2`);
        return {
          id: created.id,
          total: res.headers.get('x-total-count'),
          link: res.headers.get('link') !== null,
        };
      } finally {
        worker.stop();
      }
    });
    expect(result).toEqual({ id: 4, total: '4', link: true });
  });
});
