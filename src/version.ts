// The SDK's identity on the wire. The version is inlined from package.json at build time (tsup and
// vitest `define`), so the bundle never reads package.json at run time.
import { userAgent } from './platform.js';

declare const __SDK_VERSION__: string | undefined;

/** This package's version. */
export const SDK_VERSION: string = typeof __SDK_VERSION__ === 'string' ? __SDK_VERSION__ : '0.0.0-dev';

/** Headers that identify the SDK on every request: `X-SDK-Version`, and in Node a `User-Agent`. */
export function sdkHeaders(): Record<string, string> {
  const id = `user-management-sdk/${SDK_VERSION}`;
  const ua = userAgent(id);
  return ua === undefined ? { 'X-SDK-Version': id } : { 'X-SDK-Version': id, 'User-Agent': ua };
}
