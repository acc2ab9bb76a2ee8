// Helpers for tests that mix real loopback I/O with fake timers: poll on real I/O turns (setImmediate
// is not faked) until something happened, and advance fake time only by the waits the client announced.
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { RetryEvent } from '../../src/index.js';
import { startFaultServer, type FaultServer } from './fault-server.js';

const realSetImmediate = globalThis.setImmediate;

/**
 * Node loads its bundled undici on the first fetch, and undici keeps the setTimeout it finds then.
 * Fetch once with real timers first, or undici's own socket timers end up on the fake clock; the same
 * for the `undici` package (transport: 'undici').
 */
export async function warmUpFetch(url: string): Promise<void> {
  await (await fetch(url)).arrayBuffer();
  await (await request(url)).body.dump();
}

/** Fakes setTimeout/clearTimeout/Date only: sockets and setImmediate stay real. */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/**
 * Resolves once `predicate()` holds, letting real I/O run in between; fails after `limitMs` of real time
 * (performance.now is not faked), so a slow, busy CI machine gets as long as an idle one.
 */
export async function until(predicate: () => boolean, what = 'condition', limitMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((r) => realSetImmediate(r));
  }
}

/** Ada, the user most tests read back. */
export const ADA = { id: 1, name: 'Ada', username: 'ada', email: 'ada@example.com' };

/**
 * One fault server for the file: started before all tests, closed after all, and before each test
 * reset and set to answer as the users API (`setDefault({ kind: 'users' })`), with Ada stored unless
 * `seedAda` is false. `assign` receives the server once it listens.
 */
export function useFaultServer(assign: (server: FaultServer) => void, { seedAda = true } = {}): void {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer();
    assign(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server?.reset();
    server?.setDefault({ kind: 'users' });
    if (seedAda) server?.users.set(1, { ...ADA });
  });
}

/**
 * One fault server for the file, reset before each test, with fetch warmed up and the clock faked
 * for each test (real again after it). `assign` receives the server once it listens.
 */
export function useFaultServerWithFakeClock(assign: (server: FaultServer) => void): void {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer();
    assign(server);
    await warmUpFetch(`${server.url}/users/1`);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server?.reset();
    useFakeClock();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Tracks whether a promise settled, without letting a rejection go unhandled. */
export function track<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { promise, settled: () => done };
}

/** Collects onRetry events and drives a call to its end by advancing fake time by each announced wait. */
export class RetryDriver {
  readonly events: RetryEvent[] = [];
  readonly onRetry = (e: RetryEvent): void => {
    this.events.push(e);
  };

  async run<T>(promise: Promise<T>): Promise<T> {
    const t = track(promise);
    let handled = 0;
    for (;;) {
      await until(() => t.settled() || this.events.length > handled, 'a retry or the end of the call');
      if (t.settled()) return t.promise;
      const e = this.events[handled++]!;
      await vi.advanceTimersByTimeAsync(e.delayMs);
    }
  }
}
