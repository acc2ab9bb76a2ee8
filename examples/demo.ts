// A walk through the SDK: list a page, iterate all, get, create, update, delete, two handled errors and
// a retried outage. `npm run demo` runs it against the stateful mock from user-management-sdk/testing
// (in this process, json-server semantics, validated against the spec), so every step shows what really
// happened; set USER_MGMT_BASE_URL (and USER_MGMT_API_KEY) to run it against a real server instead.
import {
  NotFoundError,
  UnprocessableEntityError,
  UserManagementClient,
  UserManagementError,
  type NewUser,
} from '../src/index.js';
import { createMockApi, type MockApi } from '../src/testing/index.js';

const mock: MockApi | undefined = process.env.USER_MGMT_BASE_URL ? undefined : createMockApi();

// baseUrl and apiKey come from USER_MGMT_BASE_URL / USER_MGMT_API_KEY unless the mock answers.
const client = new UserManagementClient({
  ...(mock ? { baseUrl: mock.baseUrl, fetch: mock.fetch } : {}),
  maxRetries: 2,
  timeoutMs: 10_000,
  onRetry: ({ attempt, delayMs, reason }) => {
    console.log(`  (retrying after attempt ${attempt}: ${reason}, waiting ${delayMs} ms)`);
  },
});

function step(title: string): void {
  console.log(`\n▸ ${title}`);
}

async function main(): Promise<void> {
  console.log(
    mock
      ? `User Management SDK demo against the in-process mock of spec/openapi.yaml (${client.baseUrl})`
      : `User Management SDK demo against ${client.baseUrl}`,
  );

  step('List the first page (limit 2, sorted by name)');
  const page = await client.users.list({ page: 1, limit: 2, sort: 'name', order: 'asc' });
  for (const u of page.data) console.log(`  #${u.id} ${u.name} <${u.email}>`);
  console.log(
    `  page ${page.page}: ${page.data.length} of ${page.total ?? '?'} users, more pages: ${page.hasNextPage}`,
  );

  step('Iterate over all users (pages of 2)');
  let count = 0;
  let firstId: number | undefined;
  for await (const u of client.users.listAll({ limit: 2 })) {
    count++;
    firstId ??= u.id;
    if (count <= 5) console.log(`  ${u.username}`);
  }
  console.log(
    `  ${count} users in all${page.total === undefined ? '' : ` (X-Total-Count said ${page.total})`}`,
  );

  if (firstId !== undefined) {
    step(`Get user ${firstId}`);
    const one = await client.users.get(firstId);
    console.log(`  ${one.name} (${one.username}) works at ${one.company?.name ?? 'an unknown company'}`);
  }

  step('Create a user (sent with an Idempotency-Key, so a retry cannot create it twice)');
  const newUser: NewUser = {
    name: 'Ada Lovelace',
    username: `ada${Date.now() % 100_000}`,
    email: 'ada@example.com',
  };
  const created = await client.users.create(newUser);
  console.log(`  created #${created.id} ${created.name} (${created.username})`);
  const readBack = await client.users.get(created.id);
  console.log(
    `  read back #${readBack.id}: ${JSON.stringify(readBack) === JSON.stringify(created) ? 'the same user' : 'DIFFERENT'}`,
  );
  console.log(`  users now: ${(await client.users.list({ limit: 1 })).total ?? '?'}`);

  step(`Update user ${created.id}'s email (PATCH merges)`);
  const updated = await client.users.update(created.id, { email: 'ada@example.org' });
  console.log(`  now ${updated.email}; read back: ${(await client.users.get(created.id)).email}`);

  step(`Delete user ${created.id}`);
  await client.users.delete(created.id);
  console.log(`  deleted; users now: ${(await client.users.list({ limit: 1 })).total ?? '?'}`);

  step(`Get user ${created.id} again → NotFoundError, handled`);
  try {
    await client.users.get(created.id);
    console.log('  unexpectedly found');
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    console.log(`  ${err.name}: ${err.message}`);
    console.log(`  status ${err.status}, request id ${err.requestId ?? 'n/a'}`);
  }

  step('Create an invalid user → UnprocessableEntityError, handled');
  try {
    // Deliberately wrong: username is missing and the email is not one.
    await client.users.create({ name: 'No Email', email: 'nope' } as NewUser);
    console.log('  the server accepted it');
  } catch (err) {
    if (!(err instanceof UnprocessableEntityError)) throw err;
    console.log(`  ${err.name}: ${err.message}`);
    for (const f of err.fieldErrors) console.log(`  - ${f.field}: ${f.message}`);
  }

  if (mock) {
    step('The API is overloaded for a moment (one 503 with Retry-After: 1) → the client waits and retries');
    mock.fail('getUser', { status: 503, retryAfter: 1 });
    const started = Date.now();
    const again = await client.users.get(firstId ?? 1);
    console.log(`  got #${again.id} ${again.name} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  console.log('\nDone.');
}

main().catch((err: unknown) => {
  console.error(err instanceof UserManagementError ? `${err.name}: ${err.message}` : err);
  process.exitCode = 1;
});
