// Clients for the conformance suites: through Prism's validating proxy in front of json-server, with
// no retries, no breaker and no retry budget, so the first violation surfaces at once.
import { inject } from 'vitest';
import { UserManagementClient, type ClientOptions } from '../../src/index.js';

/** A client through the proxy, with the apiKey `conformance-key` unless `withKey` is false. */
export function proxyClient(
  options: Partial<ClientOptions> = {},
  { withKey = true } = {},
): UserManagementClient {
  return new UserManagementClient({
    baseUrl: inject('conformanceUrl'),
    ...(withKey ? { apiKey: 'conformance-key' } : {}),
    maxRetries: 0,
    circuitBreaker: false,
    retryBudget: false,
    logLevel: 'off',
    ...options,
  });
}

/** A client through the proxy that records each request URL. */
export function recordingProxyClient({ withKey = true }: { withKey?: boolean } = {}): {
  client: UserManagementClient;
  urls: URL[];
} {
  const urls: URL[] = [];
  const client = proxyClient(
    {
      fetch: (req, init) => {
        urls.push(new URL(req.url));
        return fetch(req, init);
      },
    },
    { withKey },
  );
  return { client, urls };
}
