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
      "UserManagementCore",
      "UserManagementError",
      "Users",
      "etagOf",
    ]
  `);
});

it('exports UserManagementCore and the error classes from user-management-sdk/core, the same objects as the main entry', async () => {
  const core = await import('../src/core/index.js');
  const main = await import('../src/index.js');
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "ApiError",
      "AuthenticationError",
      "BadRequestError",
      "CircuitOpenError",
      "ConfigError",
      "ConflictError",
      "ConnectionError",
      "DEFAULTS",
      "InternalServerError",
      "InvalidArgumentError",
      "LOG_LEVELS",
      "NotFoundError",
      "PermissionDeniedError",
      "PreconditionFailedError",
      "QueueFullError",
      "RateLimitError",
      "RedirectError",
      "RequestAbortedError",
      "ResponseTooLargeError",
      "TimeoutError",
      "UnprocessableEntityError",
      "UserManagementCore",
      "UserManagementError",
    ]
  `);
  for (const [name, value] of Object.entries(core)) expect(value, name).toBe(main[name as keyof typeof main]);
});

it('exports one function per operation from user-management-sdk/funcs, named <property><Method>', async () => {
  expect(Object.keys(await import('../src/funcs/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "groupsAddMembership",
      "groupsCreate",
      "groupsDelete",
      "groupsGet",
      "groupsList",
      "groupsListMemberships",
      "groupsRemoveMembership",
      "groupsUpdate",
      "usersCreate",
      "usersDelete",
      "usersGet",
      "usersList",
      "usersReplace",
      "usersUpdate",
    ]
  `);
});
