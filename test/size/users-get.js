// A size-limit fixture (package.json "size-limit"): a browser app that only reads one user, with default
// options. What it ships is what `npm run size` reports as "users.get only".
import { UserManagementClient } from '../../dist/browser/index.js';

const client = new UserManagementClient({ baseUrl: 'https://api.example.com', apiKey: 'key' });
export const user = client.users.get(1);
