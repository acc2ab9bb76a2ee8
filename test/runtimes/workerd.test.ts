// The browser build (dist/browser/index.js) in Cloudflare's workerd, through Miniflare: bundled with
// esbuild the way wrangler bundles a Worker, started, and asked to list and get users from a loopback
// API with the breaker on. workerd refuses to start a Worker whose modules do I/O, set timers or make
// an AbortController at load time ("Disallowed operation called within global scope"), so the Worker
// starting at all is half of the test.
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-dist.js';
import type { FaultServer } from '../support/fault-server.js';
import { requireRuntime } from '../support/runtime-gate.js';
import { EXPECTED, FUNCS_SCRIPT, SCRIPT, startUsersApi } from './seed.js';

const worker = (imports: string, script: string) => `
${imports}
export default {
  async fetch(request) {
    const baseUrl = new URL(request.url).searchParams.get('api');
    try {
      const result = await (async () => {${script}})();
      return Response.json(result);
    } catch (error) {
      return Response.json({ error: String(error && error.stack || error) }, { status: 500 });
    }
  },
};
`;

const WORKERS = {
  'the client (dist/browser/index.js)': worker(
    `import * as sdk from ${JSON.stringify(join(ROOT, 'dist/browser/index.js'))};`,
    SCRIPT,
  ),
  'UserManagementCore and the standalone functions (dist/browser/core.js, funcs.js)': worker(
    `import * as core from ${JSON.stringify(join(ROOT, 'dist/browser/core.js'))};
import * as funcs from ${JSON.stringify(join(ROOT, 'dist/browser/funcs.js'))};`,
    FUNCS_SCRIPT,
  ),
};

/** Starts a trivial Worker: if that fails, workerd cannot run on this machine at all. */
async function workerdMissing(): Promise<string | undefined> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response("ok") }',
    compatibilityDate: '2025-01-01',
  });
  try {
    const res = await mf.dispatchFetch('http://localhost/');
    return (await res.text()) === 'ok' ? undefined : 'a trivial Worker did not answer';
  } catch (error) {
    return `workerd (from the miniflare package) does not start here: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await mf.dispose();
  }
}

const available = requireRuntime('workerd', await workerdMissing());

describe.skipIf(!available).each(Object.entries(WORKERS))(
  'the browser build on Cloudflare Workers (workerd via Miniflare): %s',
  (_name, WORKER) => {
    let server: FaultServer;
    let mf: Miniflare;

    beforeAll(async () => {
      server = await startUsersApi();
      const bundle = await build({
        stdin: { contents: WORKER, resolveDir: ROOT, loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        conditions: ['workerd', 'worker', 'browser'],
        write: false,
        logLevel: 'silent',
      });
      mf = new Miniflare({
        modules: true,
        script: bundle.outputFiles[0]!.text,
        compatibilityDate: '2025-01-01',
      });
    });

    afterAll(async () => {
      await mf?.dispose();
      await server?.close();
    });

    it('starts, then lists and gets users from a loopback API, and its breaker loads cockatiel at a 503 and runs a trial through it', async () => {
      const res = await mf.dispatchFetch(`http://worker.test/?api=${encodeURIComponent(server.url)}`);
      const body: unknown = await res.json();

      expect(body).toEqual(EXPECTED);
      expect(res.status).toBe(200);
      // The call that met the open circuit sent nothing.
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /users',
        'GET /users/2',
        'GET /users/1',
        'GET /users/1',
      ]);
      expect(server.requests[0]!.headers['x-api-key']).toBe('runtime-key');
    });
  },
);
