// The sync report (report.html) opened in headless Chromium: it renders the totals, the timeline chart,
// the error table and the conflicts without any script or network. Skips without /usr/bin/chromium, and
// fails under CI=true instead (test/support/runtime-gate.ts), like the other Chromium suites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, requireChromium, type HeadlessChromium } from '../support/chromium.js';
import { writeDemoReport } from '../support/sync-demo-report.js';

const HAS_CHROMIUM = requireChromium('sync report in Chromium');

describe.skipIf(!HAS_CHROMIUM)('the sync HTML report in headless Chromium', () => {
  let dir: string;
  let browser: HeadlessChromium;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'um-sync-report-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the totals, a chart with bars for synced and failed records, the errors and the conflicts', async () => {
    const report = await writeDemoReport(dir);
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, 'report', 'report.html')).href);
    const card = (label: string) =>
      page.locator('.card', { hasText: label }).locator('b').first().textContent();
    expect(await card('created')).toBe(String(report.totals.created));
    expect(await card('failed')).toBe(String(report.totals.failed));
    expect(await card('conflicts')).toBe(String(report.totals.conflicts));
    const bars = page.locator('svg rect[fill="#2e90fa"]');
    expect(await bars.count()).toBeGreaterThan(3);
    expect(await page.locator('svg rect[fill="#d92d20"]').count()).toBeGreaterThan(0);
    const box = await page.locator('svg').first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await page.locator('table').first().textContent()).toContain('server-error');
    expect(await page.locator('table').nth(1).textContent()).toContain('Renamed in the app');
    expect(requests).toEqual([pathToFileURL(join(dir, 'report', 'report.html')).href]);
    await page.close();
  });
});
