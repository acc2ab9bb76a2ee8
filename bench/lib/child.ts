// Each benchmark part runs in a child process of bench/run.ts (fresh heap, its own flags such as
// --expose-gc or --cpu-prof) and hands its result back over IPC.

export type PartMessage = { type: 'result'; result: unknown } | { type: 'error'; error: string };

/** Runs `main` and sends its result to the parent; exits non-zero on failure. */
export function partMain(main: (args: readonly string[]) => Promise<unknown>): void {
  main(process.argv.slice(2)).then(
    (result) => {
      finish({ type: 'result', result }, 0);
    },
    (error: unknown) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(text);
      finish({ type: 'error', error: text }, 1);
    },
  );
}

function finish(message: PartMessage, code: number): void {
  if (process.send) {
    process.send(message, () => process.exit(code));
  } else {
    if (message.type === 'result') console.log(JSON.stringify(message.result, null, 2));
    process.exit(code);
  }
}

/** The value of `--name value` in `args`, if any. */
export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * Calls `gc()` when the process runs with --expose-gc. With `settle`, three times with a short pause
 * between: FinalizationRegistry callbacks (undici uses them for every Request that follows a signal)
 * run as tasks after a collection and release more, which the next collection then frees.
 */
export async function collectGarbage(settle = false): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  if (!settle) return;
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  }
}
