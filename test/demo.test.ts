// `npm run demo` tells a true story: against the stateful mock, what it creates reads back the same and
// the counts agree with the paging; with USER_MGMT_BASE_URL it talks to that server instead.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from './support/fault-server.js';

const run = promisify(execFile);
const DEMO = fileURLToPath(new URL('../scripts/demo.mjs', import.meta.url));
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('USER_MGMT_')));

describe('npm run demo', () => {
  let api: FaultServer;
  beforeAll(async () => {
    api = await startFaultServer();
    api.setDefault({ kind: 'users' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it(
    'runs against the in-process mock, and every step agrees with the one before',
    { timeout: 60_000 },
    async () => {
      const { stdout } = await run(process.execPath, [DEMO], { env: cleanEnv() });
      expect(stdout).toContain('against the in-process mock of spec/openapi.yaml');
      expect(stdout).toContain('page 1: 2 of 3 users, more pages: true');
      expect(stdout).toContain('3 users in all (X-Total-Count said 3)');
      expect(stdout).toMatch(/created #4 Ada Lovelace .*\n {2}read back #4: the same user\n {2}users now: 4/);
      expect(stdout).toContain('now ada@example.org; read back: ada@example.org');
      expect(stdout).toContain('deleted; users now: 3');
      expect(stdout).toContain('NotFoundError: GET /users/4 → 404 Not Found: User 4 does not exist.');
      expect(stdout).toContain('- username: is required');
      expect(stdout).toMatch(/retrying after attempt 1: status, waiting 1000 ms[\s\S]*got #1 Leanne Graham/);
      expect(stdout.trimEnd().endsWith('Done.')).toBe(true);
    },
  );

  it('talks to the server USER_MGMT_BASE_URL names instead', { timeout: 60_000 }, async () => {
    const { stdout } = await run(process.execPath, [DEMO], {
      env: { ...cleanEnv(), USER_MGMT_BASE_URL: api.url, USER_MGMT_API_KEY: 'demo-key' },
    });
    expect(stdout).toContain(`demo against ${api.url}`);
    expect(stdout).not.toContain('in-process mock');
    expect(stdout).toContain('read back');
    expect(api.requests.length).toBeGreaterThan(5);
    expect(api.requests.every((r) => r.headers['x-api-key'] === 'demo-key')).toBe(true);
  });
});
