// The transport a suite runs under. Suites that hold for both transports spread `transportUnderTest()`
// into their clients' options; the `transport-undici` vitest project runs them again with
// SDK_TEST_TRANSPORT=undici (a variable of this repo's tests, not of the SDK).
import type { ClientOptions } from '../../src/index.js';

export const TRANSPORT_UNDER_TEST: 'fetch' | 'undici' =
  process.env.SDK_TEST_TRANSPORT === 'undici' ? 'undici' : 'fetch';

/**
 * `{ transport: 'undici' }` under the undici run, else nothing; nothing either when the test passes its
 * own `fetch` (the two cannot be combined), so such a test keeps testing its fetch.
 */
export function transportUnderTest(options: Partial<ClientOptions> = {}): Partial<ClientOptions> {
  return TRANSPORT_UNDER_TEST === 'undici' && options.fetch === undefined ? { transport: 'undici' } : {};
}
