import { expect, it } from 'vitest';

it('exports exactly these names from the entry module, so a change to the public surface is deliberate', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "APIPromise",
      "ApiError",
      "ApiResources",
      "AuthenticationError",
      "BadRequestError",
      "CircuitOpenError",
      "ConfigError",
      "ConflictError",
      "ConnectionError",
      "DEFAULTS",
      "DEFAULT_PAGE_SIZE",
      "Groups",
      "InternalServerError",
      "InvalidArgumentError",
      "LOG_LEVELS",
      "NotFoundError",
      "PagePromise",
      "PermissionDeniedError",
      "PreconditionFailedError",
      "QueueFullError",
      "RateLimitError",
      "RedirectError",
      "RequestAbortedError",
      "ResponseTooLargeError",
      "SDK_VERSION",
      "TimeoutError",
      "UnprocessableEntityError",
      "UserManagementClient",
      "UserManagementError",
      "Users",
      "etagOf",
    ]
  `);
});
