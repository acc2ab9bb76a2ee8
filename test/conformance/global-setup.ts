import { readFile } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../scripts/lib/prism.mjs';
import { startJsonServer } from '../support/json-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prism's validating proxy in front of json-server. */
    conformanceUrl: string;
  }
}

// The real server the spec is modelled on (json-server 0.17 over 25 JSONPlaceholder-shaped users), behind
// Prism in proxy mode with --errors: any request or response that breaks the spec becomes an error response
// carrying the violations in `sl-violations`. Both run on ephemeral loopback ports and stop on teardown.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const users: unknown = JSON.parse(
    await readFile(new URL('./fixtures/users.json', import.meta.url), 'utf8'),
  );
  const server = await startJsonServer({ db: { users } });
  try {
    const prism = await startPrism({ mode: 'proxy', upstream: server.url });
    project.provide('conformanceUrl', prism.url);
    return async () => {
      await prism.stop();
      await server.stop();
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
