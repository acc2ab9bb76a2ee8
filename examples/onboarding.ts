// A consumer's own code, as a team would write it on top of the SDK: onboarding a new employee.
// examples/onboarding.test.ts unit-tests it against user-management-sdk/testing, with no server.
import {
  UnprocessableEntityError,
  type FieldError,
  type User,
  type UserManagementClient,
} from 'user-management-sdk';

/** What HR sends for a new employee. */
export interface NewEmployee {
  fullName: string;
  email: string;
}

/** The outcome: the account, or why there is none. */
export type Onboarding =
  | { ok: true; user: User; username: string }
  | { ok: false; reason: 'invalid'; fields: readonly FieldError[] };

/** `Ada Lovelace` → `alovelace`; a number is added while the name is taken. */
async function freeUsername(client: UserManagementClient, fullName: string): Promise<string> {
  const parts = fullName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z ]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const base = `${parts[0]?.[0] ?? 'x'}${parts.at(-1) ?? 'user'}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    const taken = await client.users.list({ username: candidate, limit: 1 });
    if (taken.data.length === 0) return candidate;
  }
}

/** Creates the employee's account under a free username. */
export async function onboard(client: UserManagementClient, employee: NewEmployee): Promise<Onboarding> {
  const username = await freeUsername(client, employee.fullName);
  try {
    const user = await client.users.create({ name: employee.fullName, username, email: employee.email });
    return { ok: true, user, username };
  } catch (err) {
    if (err instanceof UnprocessableEntityError)
      return { ok: false, reason: 'invalid', fields: err.fieldErrors };
    throw err;
  }
}
