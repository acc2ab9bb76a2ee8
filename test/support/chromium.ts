// Headless Chromium for the browser suites: Debian's /usr/bin/chromium (or CHROMIUM_PATH), never a
// downloaded browser, driven by playwright-core. One place for where it is, what a missing one does
// (skip locally, fail under CI=true: runtime-gate.ts) and the flags it starts with.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { requireRuntime } from './runtime-gate.js';

/** The Chromium binary the suites drive. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether Chromium is there for the suite `name`; without it the suite skips with a message, and under
 * CI=true a failing test names what is missing instead. Call at the top of the file.
 */
export function requireChromium(name: string): boolean {
  return requireRuntime(
    name,
    existsSync(CHROMIUM)
      ? undefined
      : `no Chromium at ${CHROMIUM}. Install it (as root: DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}

// Root in a sandboxed container needs --no-sandbox; the rest keep Chromium off the network it would
// reach on its own (this machine's closed network refuses those connections, many at a time).
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A running headless Chromium with a fresh profile: its context, its first page, and a close. */
export interface HeadlessChromium {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/** Starts headless Chromium with a new empty profile (a persistent context, as service workers need). */
export async function launchChromium(): Promise<HeadlessChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ums-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
