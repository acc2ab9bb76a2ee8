import type { TestProject } from 'vitest/node';
import { startJsonServerBehindPrism } from '../support/validating-proxy.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prism's validating proxy in front of the conditional json-server: what the SDK talks to. */
    syncApiUrl: string;
    /** The json-server behind it, for test control (`POST /__control`) and direct reads and writes. */
    syncServerUrl: string;
  }
}

// json-server as a library with the conditional middleware (Idempotency-Key replay, ETag/If-Match →
// 412) and fault injection, behind Prism's validating proxy, both on ephemeral loopback ports.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { server, prism, stop } = await startJsonServerBehindPrism({ db: { users: [] }, conditional: {} });
  project.provide('syncApiUrl', prism.url);
  project.provide('syncServerUrl', server.url);
  return stop;
}
