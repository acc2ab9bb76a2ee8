import type { TestProject } from 'vitest/node';
import { startPrism } from '../../scripts/lib/prism.mjs';
import { startJsonServer } from '../support/json-server.js';

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
  const server = await startJsonServer({ db: { users: [] }, conditional: {} });
  try {
    const prism = await startPrism({ mode: 'proxy', upstream: server.url });
    project.provide('syncApiUrl', prism.url);
    project.provide('syncServerUrl', server.url);
    return async () => {
      await prism.stop();
      await server.stop();
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
