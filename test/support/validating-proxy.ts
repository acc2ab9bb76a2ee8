// json-server behind Prism's validating proxy (--errors): the stateful real server the spec is modelled
// on, with every request and response checked against the spec on its way. Both on ephemeral loopback
// ports. Used by the conformance and sync end-to-end set-ups and the React app's Prism run.
import { startPrism } from '../../scripts/lib/prism.mjs';
import { startJsonServer, type JsonServerHandle, type JsonServerOptions } from './json-server.js';

/** The json-server, Prism in front of it, and a stop that ends both. */
export interface ValidatedJsonServer {
  readonly server: JsonServerHandle;
  readonly prism: Awaited<ReturnType<typeof startPrism>>;
  readonly stop: () => Promise<void>;
}

/** Starts json-server with `options`, then Prism proxying to it; if Prism fails, json-server is stopped. */
export async function startJsonServerBehindPrism(options: JsonServerOptions): Promise<ValidatedJsonServer> {
  const server = await startJsonServer(options);
  try {
    const prism = await startPrism({ mode: 'proxy', upstream: server.url });
    return {
      server,
      prism,
      stop: async () => {
        await prism.stop();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
