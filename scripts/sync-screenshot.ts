// Writes docs/sync-report.png: the HTML report of the demo run (test/support/sync-demo-report.ts) in
// headless Debian Chromium. Run: npx tsx scripts/sync-screenshot.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeDemoReport } from '../test/support/sync-demo-report.js';

const dir = mkdtempSync(join(tmpdir(), 'um-sync-shot-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  await writeDemoReport(dir);
  const page = await browser.newPage({ viewport: { width: 1160, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(dir, 'report', 'report.html')).href);
  const out = fileURLToPath(new URL('../docs/sync-report.png', import.meta.url));
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
