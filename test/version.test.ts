import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SDK_VERSION, UserManagementClient } from '../src/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('SDK identification', () => {
  it('takes its version from package.json', () => {
    expect(SDK_VERSION).toBe(pkg.version);
  });

  it('sends X-SDK-Version and, in Node, a User-Agent on every request', async () => {
    const seen: Request[] = [];
    const client = new UserManagementClient({
      baseUrl: 'http://127.0.0.1:9',
      logLevel: 'off',
      fetch: async (req: Request) => {
        seen.push(req);
        return Response.json({ id: 1, name: 'A', username: 'a', email: 'a@b.co' });
      },
    });
    await client.users.get(1);
    expect(seen[0]!.headers.get('x-sdk-version')).toBe(`user-management-sdk/${pkg.version}`);
    expect(seen[0]!.headers.get('user-agent')).toMatch(
      new RegExp(`^user-management-sdk/${pkg.version.replace(/\./g, '\\.')} node/\\d+`),
    );
  });
});
