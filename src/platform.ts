// What differs between Node and browsers, in one module that imports nothing of ours. The browser
// build swaps this file for platform.browser.ts (see tsup.config.ts), so no Node-only code reaches a
// browser bundle. Nothing here runs at import time.
import { getMaxListeners, setMaxListeners } from 'node:events';
import { createRequire } from 'node:module';

/**
 * One environment variable, or undefined where there is no `process.env` (Workers) or reading it is
 * refused (Deno without --allow-env throws NotCapable): an environment we may not read is not a source.
 */
export function readEnvVar(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  } catch {
    return undefined;
  }
}

/** The `User-Agent` this runtime lets us set, if any. */
export function userAgent(sdk: string): string | undefined {
  const proc = (
    globalThis as { process?: { versions?: { node?: string }; platform?: string; arch?: string } }
  ).process;
  // Deno and Bun also expose process.versions.node; a browser-like global means someone else owns the UA.
  if (!proc?.versions?.node || typeof (globalThis as { document?: unknown }).document !== 'undefined')
    return undefined;
  return `${sdk} node/${proc.versions.node} (${proc.platform ?? 'unknown'}; ${proc.arch ?? 'unknown'})`;
}

/**
 * Node warns (MaxListenersExceededWarning) past 10 listeners on one AbortSignal, but sharing one signal
 * across many concurrent calls is normal; each in-flight call adds one listener and removes it after.
 * undici raises the limit the same way for the signals it is given.
 */
export function allowSharedSignal(signal: AbortSignal): void {
  const max = getMaxListeners(signal);
  if (max !== 0 && max < 1000) setMaxListeners(1000, signal);
}

/**
 * `@opentelemetry/api` if the application installed it (an optional peer dependency), else null.
 * Called on a client's first call that needs it, never at import time; require() caches the module.
 */
export function loadOpenTelemetry(): unknown {
  try {
    return createRequire(import.meta.url)('@opentelemetry/api') as unknown;
  } catch {
    return null;
  }
}
