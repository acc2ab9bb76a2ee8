// Runs a command and collects its output, for the steps of spec:update.
import { spawn } from 'node:child_process';

/** Runs `command args` in `cwd`; resolves with the exit code and the interleaved stdout + stderr. */
export function run(
  command: string,
  args: readonly string[],
  { cwd, env = process.env }: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', (err) => {
      resolve({ code: 127, output: `${command}: ${err.message}` });
    });
    child.once('close', (code, signal) => {
      resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** The last `n` non-empty lines of some output, indented, for failure messages. */
export function tail(output: string, n = 40): string {
  const lines = output
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.trim());
  return lines
    .slice(-n)
    .map((l) => `    ${l}`)
    .join('\n');
}
