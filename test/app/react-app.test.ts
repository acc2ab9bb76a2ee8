// The proof in a real app: examples/react-app (React 19, @tanstack/react-query, the generated bindings
// of user-management-sdk/tanstack-query on the package's browser build) built once with Vite and driven
// in headless Chromium — against the in-browser mock of user-management-sdk/testing, then against
// Prism's validating proxy in front of json-server (stateful, and every request and response checked
// against the spec) on another loopback origin, so every request is cross-origin. It lists users, pages
// to the end by scrolling the list (infinite scrolling: an IntersectionObserver on the end of the list,
// no click), opens one, saves an edit, and sees the list show the new name.
// Skips without Chromium (fails under CI=true), like test/browser/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';
import { startJsonServerBehindPrism } from '../support/validating-proxy.js';
import { launchChromium, requireChromium, type HeadlessChromium } from '../support/chromium.js';

// Without Chromium the suite skips with a message; under CI (CI=true) it fails instead.
const HAS_CHROMIUM = requireChromium('react app');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** Serves the built app: the "web app" origin. */
function staticSite(dir: string): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const rows = (page: Page) => page.getByTestId('user-row');

/** Lets the page render and deliver its IntersectionObserver callbacks (they run with the next frames). */
const frames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      }),
  );

/** Whether the end of the list (the sentinel the app observes) is inside the list's scrolling box. */
const endInView = (page: Page) =>
  page.getByTestId('list-end').evaluate((end) => {
    const box = (end.parentElement ?? end).getBoundingClientRect();
    const rect = end.getBoundingClientRect();
    return rect.top < box.bottom && rect.bottom > box.top;
  });

/**
 * Lists, then scrolls (the mouse wheel over the list, no click) to load each next page until the end,
 * opens a user, saves a new name, and checks the list shows it.
 */
async function drive(page: Page, url: string, total: number): Promise<void> {
  await page.goto(url);
  await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(5);
  const list = page.getByTestId('user-list');
  for (let shown = 5; shown < total; shown = Math.min(shown + 5, total)) {
    // Nothing loads until the reader scrolls: the end of the list is out of view and stays unloaded.
    await frames(page);
    expect(await endInView(page)).toBe(false);
    expect(await rows(page).count()).toBe(shown);
    await expect.poll(() => page.getByRole('button', { name: 'Load more' }).isEnabled()).toBe(true);
    // Scroll to the bottom as a reader would; the sentinel comes into view and the next page appears.
    // The wheel moves by exactly what is left to scroll, so a smooth scroll still under way when the page
    // arrives cannot run on into the next one.
    const left = await list.evaluate((box) => box.scrollHeight - box.clientHeight - box.scrollTop);
    await list.hover();
    await page.mouse.wheel(0, left);
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(Math.min(shown + 5, total));
  }
  await page.getByTestId('end').waitFor();

  const third = rows(page).nth(2);
  const before = await third.innerText();
  await third.getByRole('button').click();
  await expect.poll(() => page.getByTestId('detail-name').innerText()).toBe(before);

  const name = `Edited ${before}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('saved').waitFor();
  await expect.poll(() => third.innerText()).toBe(name);
  await expect.poll(() => page.getByTestId('detail-name').innerText()).toBe(name);
  // Every page stayed loaded through the refetch.
  expect(await rows(page).count()).toBe(total);
  expect(await page.getByRole('alert').count()).toBe(0);
}

describe.skipIf(!HAS_CHROMIUM)('examples/react-app in headless Chromium', () => {
  const pageErrors: string[] = [];
  let outDir = '';
  let site: Server | undefined;
  let siteUrl = '';
  let browser: HeadlessChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    // Built once per run, from the package's browser build in dist/ (the global setup keeps it fresh).
    outDir = mkdtempSync(join(tmpdir(), 'ums-react-app-'));
    await build({
      configFile: join(ROOT, 'examples/react-app/vite.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'error',
    });
    site = staticSite(outDir);
    siteUrl = await listen(site);
    browser = await launchChromium();
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    if (site?.listening) {
      site.closeAllConnections();
      await new Promise<void>((resolve) => site?.close(() => resolve()));
    }
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("the subpath's browser build imports nothing at run time: TanStack and the SDK are types only", () => {
    const subpath = readFileSync(join(ROOT, 'dist/browser/tanstack-query.js'), 'utf8');
    expect(subpath).not.toMatch(/from\s*["']@tanstack\/|from\s*["']user-management-sdk/);
  });

  it('against the user-management-sdk/testing mock: lists, pages, edits and sees the list refresh', async () => {
    await drive(page, `${siteUrl}/`, 12);
    expect(pageErrors).toEqual([]);
  });

  it('against Prism (validating proxy, json-server behind it): the same, and the edit is on the server', async () => {
    const fixture = (name: string): unknown =>
      JSON.parse(readFileSync(join(ROOT, `test/conformance/fixtures/${name}.json`), 'utf8'));
    const { prism, stop } = await startJsonServerBehindPrism({
      db: { users: fixture('users'), groups: fixture('groups'), memberships: fixture('memberships') },
      middlewares: [fileURLToPath(new URL('../support/json-server-nested-ids.cjs', import.meta.url))],
    });
    try {
      const app = `${siteUrl}/?api=${encodeURIComponent(prism.url)}&token=app-token`;
      await drive(page, app, 25);
      // A fresh page load reads the edit back from the server, through Prism.
      const edited = await rows(page).nth(2).innerText();
      await page.reload();
      await expect.poll(() => rows(page).nth(2).innerText(), { timeout: 15_000 }).toBe(edited);
      expect(edited).toMatch(/^Edited /);
      expect(pageErrors).toEqual([]);
      // Prism found nothing off-spec — apart from the 304s json-server gives Chromium's own revalidation
      // of its HTTP cache (If-None-Match on a reload): the spec declares no 304 for the list, and the
      // browser hands the app a 200 from its cache, so the SDK never sees one.
      const violations = prism.logs.filter(
        (line) => /violation/i.test(line) && !/status code with those defined/.test(line),
      );
      expect(violations).toEqual([]);
      expect(
        prism.logs.filter((line) => /status code with those defined/.test(line)).length,
      ).toBeLessThanOrEqual(prism.logs.filter((line) => /has returned 304/.test(line)).length);
    } finally {
      await stop();
    }
  });
});
