// The `user-management` command (package bin). Ctrl-C / SIGTERM stop the run cleanly: records in
// flight finish, the state is saved, and the same command resumes it.
import { runCli } from './main.js';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    process.stderr.write(
      `\nsync: ${signal}: finishing the records in flight, then stopping (run again to resume).\n`,
    );
    controller.abort();
  });

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
