// The SDK's identity on the wire. The version is inlined from package.json at build time (tsup and
// vitest `define`), so the bundle never reads package.json at run time.
declare const __SDK_VERSION__: string | undefined;

/** This package's version. */
export const SDK_VERSION: string = typeof __SDK_VERSION__ === 'string' ? __SDK_VERSION__ : '0.0.0-dev';

/** Headers that identify the SDK on every request: `X-SDK-Version`, and in Node a `User-Agent`. */
export function sdkHeaders(): Record<string, string> {
  const headers: Record<string, string> = { 'X-SDK-Version': `user-management-sdk/${SDK_VERSION}` };
  const proc = (globalThis as { process?: { versions?: { node?: string }; platform?: string; arch?: string } }).process;
  // Browsers own the User-Agent header; only set it where we are the user agent.
  if (proc?.versions?.node && typeof (globalThis as { document?: unknown }).document === 'undefined') {
    headers['User-Agent'] = `user-management-sdk/${SDK_VERSION} node/${proc.versions.node} (${proc.platform ?? 'unknown'}; ${proc.arch ?? 'unknown'})`;
  }
  return headers;
}
