import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startJsonServerBehindPrism } from '../support/validating-proxy.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prism's validating proxy in front of json-server. */
    conformanceUrl: string;
  }
}

// The real server the spec is modelled on (json-server 0.17 over 25 JSONPlaceholder-shaped users, groups and
// memberships), behind
// Prism in proxy mode with --errors: any request or response that breaks the spec becomes an error response
// carrying the violations in `sl-violations`. Both run on ephemeral loopback ports and stop on teardown.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fixture = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
  const { prism, stop } = await startJsonServerBehindPrism({
    db: {
      users: await fixture('users'),
      groups: await fixture('groups'),
      memberships: await fixture('memberships'),
    },
    // json-server stores a nested POST's path id as a string; see the middleware for the fix. The
    // conditional middleware versions records and enforces If-Match (412), as the spec describes.
    middlewares: [
      fileURLToPath(new URL('../support/json-server-conditional.cjs', import.meta.url)),
      fileURLToPath(new URL('../support/json-server-nested-ids.cjs', import.meta.url)),
    ],
  });
  project.provide('conformanceUrl', prism.url);
  return stop;
}
