// A size-limit fixture (package.json "size-limit"): a browser app that only reads one user, with default
// options, the way the smallest bundle is written — UserManagementCore (user-management-sdk/core) and the
// one standalone function it calls (user-management-sdk/funcs). What it ships is what `npm run size`
// reports as "users.get only".
import { UserManagementCore } from '../../dist/browser/core.js';
import { usersGet } from '../../dist/browser/funcs.js';

const core = new UserManagementCore({ baseUrl: 'https://api.example.com', apiKey: 'key' });
export const user = usersGet(core, 1);
