// A walk through the SDK: list a page, iterate all, get, create, update, delete, and two handled errors.
// `npm run demo` runs it against an embedded Prism mock; set USER_MGMT_BASE_URL to use another server.
import {
  NotFoundError,
  UnprocessableEntityError,
  UserManagementClient,
  UserManagementError,
  type NewUser,
} from '../src/index.js';

// baseUrl and apiKey come from USER_MGMT_BASE_URL / USER_MGMT_API_KEY; the demo script sets them.
const client = new UserManagementClient({
  maxRetries: 2,
  timeoutMs: 10_000,
  onRetry: ({ attempt, delayMs, reason }) => {
    console.log(`  (retrying after attempt ${attempt}: ${reason}, waiting ${delayMs} ms)`);
  },
});
// Prism picks a scripted response from the `Prefer` header; a real server ignores it.
const asMock = (code: number): { headers: Record<string, string> } => ({
  headers: { Prefer: `code=${code}` },
});

function step(title: string): void {
  console.log(`\n▸ ${title}`);
}

async function main(): Promise<void> {
  console.log(`User Management SDK demo against ${client.baseUrl}`);

  step('List the first page (limit 3, sorted by name)');
  const page = await client.users.list({ page: 1, limit: 3, sort: 'name', order: 'asc' });
  for (const u of page.data) console.log(`  #${u.id} ${u.name} <${u.email}>`);
  console.log(
    `  page ${page.page}, ${page.data.length} of ${page.total ?? '?'} users, more pages: ${page.hasNextPage}`,
  );

  step('Iterate over all users (pages of 5)');
  let count = 0;
  for await (const u of client.users.listAll({ limit: 5 })) {
    count++;
    if (count <= 3) console.log(`  ${u.username}`);
  }
  console.log(`  … ${count} users in all`);

  step('Get user 1');
  const one = await client.users.get(1);
  console.log(`  ${one.name} (${one.username}) works at ${one.company?.name ?? 'an unknown company'}`);

  step('Create a user (sent with an Idempotency-Key, so a retry cannot create it twice)');
  const newUser: NewUser = { name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com' };
  const created = await client.users.create(newUser);
  console.log(`  created #${created.id} ${created.name}`);

  step(`Update user ${created.id}'s email`);
  const updated = await client.users.update(created.id, { email: 'ada@example.org' });
  console.log(`  now ${updated.email}`);

  step(`Delete user ${created.id}`);
  await client.users.delete(created.id);
  console.log('  deleted');

  step('Get a user that does not exist → NotFoundError, handled');
  try {
    await client.users.get(999_999, asMock(404));
    console.log('  unexpectedly found');
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    console.log(`  ${err.name}: ${err.message}`);
    console.log(`  status ${err.status}, request id ${err.requestId ?? 'n/a'}`);
  }

  step('Create an invalid user → UnprocessableEntityError, handled');
  try {
    // Deliberately wrong: username and a valid email are missing.
    await client.users.create({ name: 'No Email' } as NewUser, asMock(422));
    console.log('  the server accepted it');
  } catch (err) {
    if (!(err instanceof UnprocessableEntityError)) throw err;
    console.log(`  ${err.name}: ${err.message}`);
    for (const f of err.fieldErrors) console.log(`  - ${f.field}: ${f.message}`);
  }

  console.log('\nDone.');
}

main().catch((err: unknown) => {
  console.error(err instanceof UserManagementError ? `${err.name}: ${err.message}` : err);
  process.exitCode = 1;
});
