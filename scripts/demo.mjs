#!/usr/bin/env node
// `npm run demo`: runs examples/demo.ts with tsx. Without USER_MGMT_BASE_URL the demo talks to the
// stateful mock from user-management-sdk/testing inside its own process (no server to start or stop);
// with it, to that server.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(root, 'examples/demo.ts')], {
  stdio: 'inherit',
});
// Pass Ctrl-C on, so the demo never outlives this script.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
child.once('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
