// Browser stand-in for undici.ts: browsers (and Workers, Deno's browser build) have only fetch.
import { ConfigError } from '../errors.js';

export function createUndiciFetch(): (request: Request) => Promise<Response> {
  throw new ConfigError(
    "transport 'undici' is for Node only; in browsers and other non-Node runtimes the transport is 'fetch'.",
  );
}
