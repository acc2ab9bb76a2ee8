// A client over an injected fetch, for tests of what the SDK sends and how it reads answers without
// any server: every Request is recorded, `respond` answers it.
import { UserManagementClient, type ClientOptions } from '../../src/index.js';

/** The base URL fake clients use; nothing listens there, the injected fetch answers. */
export const FAKE_BASE = 'https://api.example.com';

/**
 * A client (apiKey, no retries, logging off, `options` on top) whose fetch records each request and
 * answers with `respond`.
 */
export function fakeApi(
  respond: (req: Request) => Response | Promise<Response>,
  options: Partial<ClientOptions> = {},
): { client: UserManagementClient; requests: Request[] } {
  const requests: Request[] = [];
  const client = new UserManagementClient({
    baseUrl: FAKE_BASE,
    apiKey: 'test-key',
    maxRetries: 0,
    logLevel: 'off',
    ...options,
    fetch: async (req) => {
      requests.push(req);
      return respond(req);
    },
  });
  return { client, requests };
}
