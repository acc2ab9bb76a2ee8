// Starts Prism (mock or validating proxy) on 127.0.0.1 with an ephemeral port, waits for
// "Prism is listening", and returns its URL and a stop() that kills it. Shared by
// the contract and conformance tests, so there is one way to run Prism here.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/**
 * @param {{ mode?: 'mock' | 'proxy', upstream?: string, spec?: string, args?: string[], timeoutMs?: number, onLog?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void>, logs: string[] }>}
 */
export async function startPrism(options = {}) {
  const {
    mode = 'mock',
    upstream,
    spec = join(root, 'spec/openapi.yaml'),
    args = [],
    timeoutMs = 30_000,
    onLog,
  } = options;
  const bin = require.resolve('@stoplight/prism-cli/dist/index.js');
  const argv = mode === 'proxy' ? ['proxy', spec, upstream ?? '', '--errors'] : ['mock', spec];
  if (mode === 'proxy' && !upstream) throw new Error('startPrism: proxy mode needs an upstream URL');
  const child = spawn(process.execPath, [bin, ...argv, '-h', '127.0.0.1', '-p', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const logs = [];
  let exited = false;
  const done = new Promise((r) =>
    child.once('exit', () => {
      exited = true;
      r(undefined);
    }),
  );
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await done;
      clearTimeout(timer);
    }
  };
  try {
    const url = await new Promise((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${logs.slice(-20).join('\n')}`)),
        timeoutMs,
      );
      const onData = (chunk) => {
        for (const line of String(chunk).split('\n')) {
          if (!line.trim()) continue;
          logs.push(line);
          onLog?.(line);
          const m = /Prism is listening on (http:\/\/[^\s]+)/.exec(line);
          if (m) {
            clearTimeout(timer);
            resolveUrl(m[1].replace(/\/+$/, ''));
          }
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited (code ${code}) before listening:\n${logs.slice(-20).join('\n')}`));
      });
    });
    return { url, stop, logs };
  } catch (err) {
    await stop();
    throw err;
  }
}
