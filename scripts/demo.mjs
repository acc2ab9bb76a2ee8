#!/usr/bin/env node
// `npm run demo`: runs examples/demo.ts against an embedded Prism mock of spec/openapi.yaml on a free
// loopback port, then shuts Prism down. With USER_MGMT_BASE_URL set, runs against that server instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrism } from './lib/prism.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function runDemo(env) {
  const tsx = require.resolve('tsx/cli');
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, [tsx, join(root, 'examples/demo.ts')], { stdio: 'inherit', env });
    child.once('exit', (code, signal) => resolveCode(code ?? (signal ? 1 : 0)));
  });
}

let prism;
try {
  const env = { ...process.env };
  if (!env.USER_MGMT_BASE_URL) {
    process.stdout.write('Starting a Prism mock of spec/openapi.yaml… ');
    prism = await startPrism({ mode: 'mock' });
    console.log(`listening on ${prism.url}`);
    env.USER_MGMT_BASE_URL = prism.url;
    // The mock enforces the spec's security schemes; any key will do.
    env.USER_MGMT_API_KEY ??= 'demo-key';
  }
  process.exitCode = await runDemo(env);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await prism?.stop();
}
